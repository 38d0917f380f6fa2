#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# Sign up a user with multi-factor sign-in (TOTP), with the AWS CLI.
#
# The journey of scenarios/SPECIFICATION.md, one `aws cognito-idp` call at a time, with the
# functions of cli/actions/:
#   1. a local Cognito backend, a user pool (MFA required, authenticator apps, device
#      tracking) and an app client;
#   2. sign up, and confirm the sign-up with the code the backend "e-mailed";
#   3. list the pool's users;
#   4. sign in: Cognito asks to set up MFA; the setup key and a QR code are shown;
#   5. verify the authenticator app's first code and finish signing in;
#   6. sign in again with password + the app's code;
#   7. (skipped: remembering a device needs SRP maths, which bash doesn't have);
#   8. remove everything it created, also after an error, Ctrl-C or SIGTERM.
#
# Usage:
#   cli/scenarios/signup_user_with_mfa.sh --auto [--endpoint URL]
#
#   --auto          play the user: a generated user name and password, the confirmation
#                   code read from the local backend, TOTP codes computed by oathtool.
#                   Required: the AWS CLI port has no interactive mode.
#   --endpoint URL  use the cognito-emulator already serving at URL; without it, the
#                   scenario starts one ($COGNITO_EMULATOR, else cognito-emulator on PATH)
#   --target local  the local backend (the default and the only target of --auto)
#   --keep          accepted for compatibility; this port writes no QR image to keep
#   -h, --help      this text
#
# It never talks to AWS: the local target uses dummy credentials and reads no AWS
# configuration. --target aws (the interactive journey on your account) is left to the
# other languages, since it can't run with --auto.
#
# Needs: bash, the AWS CLI (v2 2.13.0 or later, or v1 1.29.0 or later: older ones ignore
# AWS_ENDPOINT_URL), jq, curl, oathtool, and qrencode for the QR code.
# Exit status: 0 done and everything removed; 1 the scenario stopped or something couldn't
# be removed; 2 a usage mistake; 130 after Ctrl-C; 143 after SIGTERM.

set -euo pipefail

ACTIONS="$(dirname -- "${BASH_SOURCE[0]}")/../actions"
for action in create-user-pool set-user-pool-mfa-config create-user-pool-client sign-up \
  resend-confirmation-code confirm-sign-up list-users admin-initiate-auth \
  associate-software-token verify-software-token admin-respond-to-auth-challenge \
  admin-delete-user delete-user-pool-client delete-user-pool; do
  # shellcheck source=/dev/null # each defines one cognito_* function
  source "$ACTIONS/$action.sh"
done

PROG=signup_user_with_mfa
TOTAL_STEPS=8
WIDTH=78
MAX_TRIES=5
MAX_SIGN_INS=3
ISSUER=CognitoMfaScenario
DEVICE_CONFIGURATION=ChallengeRequiredOnNewDevice=true,DeviceOnlyRememberedOnUserPrompt=false
AUTH_FLOWS=(ALLOW_ADMIN_USER_PASSWORD_AUTH ALLOW_USER_SRP_AUTH ALLOW_REFRESH_TOKEN_AUTH)

# What the steps share.
ENDPOINT="" WORK_DIR="" EMULATOR_PID="" POOL_ID="" CLIENT_ID=""
USERNAME="" PASSWORD="" EMAIL="" SESSION="" TOTP_SECRET="" TOTP_CODE="" LAST_TOTP_STEP=0
RESPONSE="" ERROR_CODE="" ERROR_MESSAGE="" REASON=""
CLEANUP_WHAT=() CLEANUP_CALL=() CLEANUP_COMMAND=()

# --- What the reader sees -------------------------------------------------------------------

# wrap PREFIX INDENT TEXT: TEXT after PREFIX, wrapped at $WIDTH, later lines after INDENT.
wrap() {
  local line=$1 indent=$2 word words fresh=1
  read -ra words <<<"$3"
  for word in "${words[@]}"; do
    if ((fresh)); then
      line+=$word fresh=0
    elif ((${#line} + 1 + ${#word} <= WIDTH)); then
      line+=" $word"
    else
      printf '%s\n' "$line"
      line=$indent$word
    fi
  done
  printf '%s\n' "$line"
}

step() {
  local done_part unseen
  printf -v done_part '%*s' "$1" ''
  printf -v unseen '%*s' "$((TOTAL_STEPS - $1))" ''
  printf '\n%s\n' "$(printf '%*s' "$WIDTH" '' | tr ' ' -)"
  printf 'Step %d of %d [%s%s]  %s\n' "$1" "$TOTAL_STEPS" "${done_part// /#}" \
    "${unseen// /.}" "$2"
  printf '%s\n' "$(printf '%*s' "$WIDTH" '' | tr ' ' -)"
}
say() { wrap "" "" "$1"; }
call() { wrap "  -> $1: " "     " "$2"; }
ok() { wrap "  ok " "     " "$1"; }
problem() { wrap "  !! " "     " "$1"; }
show() { printf '     %s: %s\n' "$1" "$2"; }
answer() { printf '%s: %s   (--auto)\n' "$1" "$2"; }

# "eyJra...Q3xw (1071 chars)": enough to tell two tokens apart, never the token itself.
mask() {
  local value=$1
  if [[ -z $value ]]; then
    printf '(none)'
  elif ((${#value} < 16)); then
    printf '**** (%d chars)' "${#value}"
  else
    printf '%s...%s (%d chars)' "${value:0:5}" "${value: -4}" "${#value}"
  fi
}

# --- Calls, errors and clean-up ----------------------------------------------------------------

# cognito FUNCTION ARGS...: run a cognito_* function of cli/actions/; its JSON answer lands in
# $RESPONSE. When it fails, $ERROR_CODE and $ERROR_MESSAGE say why (Cognito's error code and
# message when Cognito answered) and the status is the aws command's.
cognito() {
  local status=0 errors
  RESPONSE=$("$@" 2>"$WORK_DIR/errors") || status=$?
  ERROR_CODE="" ERROR_MESSAGE=""
  if ((status != 0)); then
    errors=$(<"$WORK_DIR/errors")
    ERROR_CODE=$(sed -n 's/^An error occurred (\([A-Za-z]*\)).*/\1/p' <<<"$errors" | head -n 1)
    ERROR_MESSAGE=$(sed -n 's/^An error occurred ([A-Za-z]*) when calling [^:]*: //p' \
      <<<"$errors" | head -n 1)
    if [[ -z $ERROR_MESSAGE ]]; then # no answer from Cognito: the CLI's own complaint
      ERROR_MESSAGE=$(grep -v "Here's why:$" <<<"$errors" | grep -m 1 . ||
        echo "exit status $status")
    fi
  fi
  return "$status"
}

# must OPERATION FUNCTION ARGS...: like cognito, but an error stops the scenario.
must() {
  local operation=$1
  shift
  cognito "$@" || abort "$operation failed: ${ERROR_CODE:+$ERROR_CODE: }$ERROR_MESSAGE$(endpoint_hint)"
}

# An AWS CLI that doesn't read AWS_ENDPOINT_URL (v2 before 2.13.0, v1 before 1.29.0) calls
# AWS instead of the local backend: AWS's address in the error, or AWS refusing the dummy keys.
endpoint_hint() {
  if [[ $ERROR_MESSAGE == *amazonaws.com* || $ERROR_CODE == UnrecognizedClientException ]]; then
    printf ' (this AWS CLI ignores AWS_ENDPOINT_URL: the local backend needs AWS CLI v2 2.13.0 or later, or v1 1.29.0 or later; see aws --version)'
  fi
}

# Cognito's answer when a challenge's Session is too old (3 minutes) or used up.
session_expired() {
  [[ $ERROR_CODE == NotAuthorizedException && ${ERROR_MESSAGE,,} == *session* ]]
}

abort() {
  REASON=$1
  exit 1
}

# push_cleanup WHAT OPERATION COMMAND ARGS...: remember that WHAT exists and how to remove
# it: the Cognito OPERATION announced ("" for none) and a command that sets $ERROR_CODE and
# $ERROR_MESSAGE when it fails, such as `cognito cognito_delete_user_pool ID`.
push_cleanup() {
  CLEANUP_WHAT+=("$1")
  CLEANUP_CALL+=("$2")
  CLEANUP_COMMAND+=("$(printf '%q ' "${@:3}")")
}

# Step 8: remove everything, last created first; a failed removal doesn't stop the rest.
clean_up() {
  local i all_removed=0
  step 8 "Clean up"
  if ((${#CLEANUP_WHAT[@]} == 0)); then
    say "Nothing to remove: the scenario created nothing."
  fi
  for ((i = ${#CLEANUP_WHAT[@]} - 1; i >= 0; i--)); do
    ERROR_CODE="" ERROR_MESSAGE=""
    if [[ -n ${CLEANUP_CALL[i]} ]]; then
      call "${CLEANUP_CALL[i]}" "removes the ${CLEANUP_WHAT[i]}."
    fi
    if eval "${CLEANUP_COMMAND[i]}"; then
      ok "Removed ${CLEANUP_WHAT[i]}."
    else
      problem "Couldn't remove ${CLEANUP_WHAT[i]}: ${ERROR_CODE:+$ERROR_CODE: }${ERROR_MESSAGE:-failed}"
      all_removed=1
    fi
  done
  CLEANUP_WHAT=() CLEANUP_CALL=() CLEANUP_COMMAND=()
  return "$all_removed"
}

# Runs on every exit: success, an error, Ctrl-C or SIGTERM. Cleans up, then says how it ended.
on_exit() {
  local status=$? cleaned=0
  # A signal now can't cut the clean-up short: it runs in a subshell that ignores them (and so
  # do the aws commands it starts); this shell notes the signal, to end with it afterwards.
  LATE_SIGNAL=0
  trap 'LATE_SIGNAL=130' INT
  trap 'LATE_SIGNAL=143' TERM
  if ((status != 0)); then
    REASON=${REASON:-"unexpected error (exit status $status)"}
    printf '\n'
    problem "Stopping: $REASON."
  fi
  (
    trap '' INT TERM
    clean_up
  ) || cleaned=1
  if ((status == 0 && LATE_SIGNAL != 0)); then
    status=$LATE_SIGNAL REASON="interrupted while cleaning up"
  elif ((status == 0 && cleaned != 0)); then
    status=1 REASON="some resources couldn't be removed (listed above)"
  fi
  rm -rf -- "$WORK_DIR"
  if ((status != 0)); then
    printf '%s: %s\n' "$PROG" "$REASON" >&2
  else
    printf '\n'
    say "Done: signed up, set up TOTP and signed in with it; nothing left behind."
  fi
  exit "$status"
}

on_signal() {
  REASON=$2
  exit "$1"
}

# --- The local backend ---------------------------------------------------------------------

# Start cognito-emulator on a free loopback port; its URL in $ENDPOINT.
start_local_backend() {
  local command=${COGNITO_EMULATOR:-cognito-emulator} line="" waited=0
  if ! command -v "$command" >/dev/null; then
    abort "$command not found: install the project (pip install -e .) or set COGNITO_EMULATOR"
  fi
  mkdir -m 700 "$WORK_DIR/outbox"
  "$command" --port 0 --outbox "$WORK_DIR/outbox" >"$WORK_DIR/emulator.log" 2>&1 &
  EMULATOR_PID=$!
  push_cleanup "the local backend (stopped) and its outbox folder" "" stop_local_backend
  while ((waited < 600)); do # one minute, in tenths of a second
    line=$(grep -m 1 '^cognito-emulator listening on ' "$WORK_DIR/emulator.log" || true)
    [[ -n $line ]] && break
    kill -0 "$EMULATOR_PID" 2>/dev/null ||
      abort "cognito-emulator stopped: $(tail -n 1 "$WORK_DIR/emulator.log")"
    sleep 0.1
    waited=$((waited + 1))
  done
  [[ -n $line ]] || abort "cognito-emulator didn't start within a minute"
  ENDPOINT=${line#cognito-emulator listening on }
  ENDPOINT=${ENDPOINT%%, outbox *}
}

stop_local_backend() {
  kill -TERM "$EMULATOR_PID" 2>/dev/null || true
  wait "$EMULATOR_PID" 2>/dev/null || true # its exit status after SIGTERM doesn't matter
  rm -rf -- "$WORK_DIR/outbox" || {
    ERROR_MESSAGE="the folder $WORK_DIR/outbox is still there"
    return 1
  }
}

# The newest code the local backend "e-mailed" to the user (its control seam).
delivered_code() {
  curl -fsS --get "$ENDPOINT/_emulator/messages" \
    --data-urlencode "username=$USERNAME" --data-urlencode "user_pool_id=$POOL_ID" |
    jq -r '.messages[-1].code // empty'
}

# The authenticator app's code in $TOTP_CODE, computed by oathtool for the local backend's
# clock. Never the same 30-second step twice: Cognito may refuse a code it accepted already,
# so when the current step's code was used, the next step's (one step of drift is allowed).
next_totp_code() {
  local now current
  now=$(curl -fsS "$ENDPOINT/_emulator/clock" | jq -r '.now | floor') ||
    abort "the local backend's clock (its control seam) didn't answer"
  current=$((now / 30))
  if ((current <= LAST_TOTP_STEP)); then
    current=$((LAST_TOTP_STEP + 1))
  fi
  LAST_TOTP_STEP=$current
  # the secret goes to oathtool on stdin ("-"), not on its command line
  TOTP_CODE=$(printf '%s' "$TOTP_SECRET" | oathtool --totp -b -N "@$((current * 30))" -)
}

# --- The scenario --------------------------------------------------------------------------

# snippet-start:[cli.cognito-idp.Scenario_SignUpUserWithMfa]
run_scenario() {
  step_1_target
  step_2_sign_up
  step_3_list_users
  local sign_ins
  for ((sign_ins = 1; ; sign_ins++)); do
    step_4_start_mfa_setup
    step_5_verify_authenticator && break
    ((sign_ins < MAX_SIGN_INS)) || abort "the sign-in session expired again and again"
    problem "The sign-in session expired (Cognito keeps one for 3 minutes): signing in again."
  done
  step_6_sign_in_with_totp
  step_7_remember_device
}

step_1_target() {
  step 1 "Where the scenario runs"
  if [[ -z $ENDPOINT ]]; then
    say "Starting the local Cognito backend (cognito-emulator) on a free loopback port."
    start_local_backend
  fi
  export AWS_ENDPOINT_URL=$ENDPOINT
  ok "Local Cognito backend at $ENDPOINT; codes it 'e-mails' go to its outbox."

  local name
  name="mfa-scenario-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
  call CreateUserPool "a directory for the users, verifying e-mail addresses and tracking the devices they sign in from."
  must CreateUserPool cognito_create_user_pool "$name" "$DEVICE_CONFIGURATION"
  POOL_ID=$(jq -r '.UserPool.Id' <<<"$RESPONSE")
  push_cleanup "user pool $POOL_ID" DeleteUserPool cognito cognito_delete_user_pool "$POOL_ID"
  ok "User pool $name created."
  show "User pool ID" "$POOL_ID"

  call SetUserPoolMfaConfig "makes MFA required (ON), with authenticator apps (software tokens), so every user must set one up at first sign-in."
  must SetUserPoolMfaConfig cognito_set_user_pool_mfa_config "$POOL_ID" ON
  ok "MFA required, by authenticator app (TOTP)."

  call CreateUserPoolClient "the app client that sign-up and sign-in go through; no client secret, and the admin password flow allowed."
  must CreateUserPoolClient cognito_create_user_pool_client "$POOL_ID" mfa-scenario-app \
    "${AUTH_FLOWS[@]}"
  CLIENT_ID=$(jq -r '.UserPoolClient.ClientId' <<<"$RESPONSE")
  push_cleanup "app client $CLIENT_ID" DeleteUserPoolClient \
    cognito cognito_delete_user_pool_client "$POOL_ID" "$CLIENT_ID"
  ok "App client created."
  show "App client ID" "$CLIENT_ID"
}

step_2_sign_up() {
  step 2 "Sign up and confirm the sign-up"
  local tries
  # a password the pool's default policy accepts: upper and lower case, a number, a symbol
  PASSWORD="Cli-$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')-Aa9!"
  for ((tries = 1; ; tries++)); do
    USERNAME="cli-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')" EMAIL="$USERNAME@example.com"
    answer "User name" "$USERNAME"
    ((tries > 1)) || printf 'Password: ********   (--auto, generated)\n'
    answer "E-mail address" "$EMAIL"
    call SignUp "creates the user, unconfirmed, and has Cognito e-mail a confirmation code."
    cognito cognito_sign_up "$CLIENT_ID" "$USERNAME" "$PASSWORD" "$EMAIL" && break
    if [[ $ERROR_CODE != UsernameExistsException ]] || ((tries >= MAX_TRIES)); then
      abort "SignUp failed: $ERROR_CODE: $ERROR_MESSAGE"
    fi
    problem "The user name $USERNAME is taken. Choosing another one."
  done
  push_cleanup "user $USERNAME" AdminDeleteUser \
    cognito cognito_admin_delete_user "$POOL_ID" "$USERNAME"
  ok "Signed up $USERNAME (user sub $(jq -r '.UserSub' <<<"$RESPONSE")); Cognito sent a code by $(jq -r '.CodeDeliveryDetails.DeliveryMedium' <<<"$RESPONSE") to $(jq -r '.CodeDeliveryDetails.Destination' <<<"$RESPONSE")."

  local code
  for ((tries = 1; ; tries++)); do
    code=$(delivered_code) || abort "the local backend's control seam didn't answer"
    [[ -n $code ]] || abort "the local backend delivered no confirmation code"
    say "The local backend 'e-mailed' the code to its outbox: $code"
    answer "Confirmation code" "$code"
    call ConfirmSignUp "proves the user owns the e-mail address; the user becomes CONFIRMED and can sign in."
    cognito cognito_confirm_sign_up "$CLIENT_ID" "$USERNAME" "$code" && break
    if [[ $ERROR_CODE != ExpiredCodeException && $ERROR_CODE != CodeMismatchException ]] ||
      ((tries >= MAX_TRIES)); then
      abort "ConfirmSignUp failed: $ERROR_CODE: $ERROR_MESSAGE"
    fi
    problem "Cognito refused the code ($ERROR_MESSAGE). Asking for a new one."
    call ResendConfirmationCode "has Cognito send a new code to the same address."
    must ResendConfirmationCode cognito_resend_confirmation_code "$CLIENT_ID" "$USERNAME"
  done
  ok "$USERNAME is confirmed."
}

step_3_list_users() {
  step 3 "List the users of the pool"
  call ListUsers "reads the pool's users, to see the new one and its status."
  must ListUsers cognito_list_users "$POOL_ID"
  jq -r --arg new "$USERNAME" '
    (.Users[:20][]
      | ([.Attributes[]? | select(.Name == "email") | .Value] | first // "") as $email
      | "     \(.Username)  \(.UserStatus)  \($email)"
        + (if .Username == $new then "   <- new" else "" end)),
    (.Users | length | select(. > 20) | "     ... and \(. - 20) more")' <<<"$RESPONSE"
  jq -e --arg new "$USERNAME" 'any(.Users[]; .Username == $new)' <<<"$RESPONSE" >/dev/null ||
    abort "ListUsers doesn't show $USERNAME"
}

# Sets SESSION: the MFA_SETUP challenge's session, after AssociateSoftwareToken.
step_4_start_mfa_setup() {
  step 4 "Sign in: Cognito asks to set up an authenticator app"
  call AdminInitiateAuth "signs in with the password; the pool requires MFA and the user has none yet, so Cognito answers with the MFA_SETUP challenge."
  must AdminInitiateAuth cognito_admin_initiate_auth "$POOL_ID" "$CLIENT_ID" "$USERNAME" \
    "$PASSWORD"
  expect_challenge MFA_SETUP
  SESSION=$(jq -r '.Session' <<<"$RESPONSE")
  ok "Challenge MFA_SETUP, session $(mask "$SESSION")"

  call AssociateSoftwareToken "asks Cognito for a new TOTP secret for the user; the authenticator app derives its codes from it."
  must AssociateSoftwareToken cognito_associate_software_token "$SESSION"
  TOTP_SECRET=$(jq -r '.SecretCode' <<<"$RESPONSE")
  SESSION=$(jq -r --arg old "$SESSION" '.Session // $old' <<<"$RESPONSE")
  LAST_TOTP_STEP=0 # a new secret: no code of it was used yet
  show_authenticator_setup
}

show_authenticator_setup() {
  local uri
  uri="otpauth://totp/$ISSUER:$(jq -rn --arg u "$USERNAME" '$u | @uri')?secret=$TOTP_SECRET&issuer=$ISSUER"
  say "Add an account to your authenticator app: scan this QR code, or type the setup key (time-based, 6 digits, every 30 seconds)."
  show "Account" "$ISSUER:$USERNAME"
  show "Setup key" "$(sed 's/.\{4\}/& /g; s/ $//' <<<"$TOTP_SECRET")"
  if command -v qrencode >/dev/null; then
    # the URI holds the secret: it goes to qrencode on stdin, not on its command line
    printf '%s' "$uri" | qrencode -t UTF8 -m 2
  else
    say "(Install qrencode to see the QR code here; the setup key above works as well.)"
  fi
}

# Returns 1 when the session expired (sign in again); anything else wrong stops the scenario.
step_5_verify_authenticator() {
  step 5 "Verify the authenticator app and finish signing in"
  next_totp_code
  answer "Authenticator code" "$TOTP_CODE"
  call VerifySoftwareToken "checks the app's code against the secret, which proves the app is set up; Cognito registers it as the user's MFA."
  if ! cognito cognito_verify_software_token "$TOTP_CODE" "$SESSION" "" "authenticator app"; then
    session_expired && return 1
    abort "VerifySoftwareToken failed: $ERROR_CODE: $ERROR_MESSAGE"
  fi
  ok "Status $(jq -r '.Status' <<<"$RESPONSE")."
  SESSION=$(jq -r --arg old "$SESSION" '.Session // $old' <<<"$RESPONSE")

  call "AdminRespondToAuthChallenge (MFA_SETUP)" "tells Cognito the set-up is done; it answers with the user's tokens."
  if ! cognito cognito_admin_respond_to_auth_challenge "$POOL_ID" "$CLIENT_ID" MFA_SETUP \
    "$SESSION" "USERNAME=$USERNAME"; then
    session_expired && return 1
    abort "AdminRespondToAuthChallenge failed: $ERROR_CODE: $ERROR_MESSAGE"
  fi
  show_tokens
}

step_6_sign_in_with_totp() {
  step 6 "Sign in with password + authenticator code"
  local sign_ins
  for ((sign_ins = 1; sign_ins <= MAX_SIGN_INS; sign_ins++)); do
    call AdminInitiateAuth "signs in with the password; the user has an authenticator now, so Cognito asks for its code (SOFTWARE_TOKEN_MFA)."
    must AdminInitiateAuth cognito_admin_initiate_auth "$POOL_ID" "$CLIENT_ID" "$USERNAME" \
      "$PASSWORD"
    expect_challenge SOFTWARE_TOKEN_MFA
    SESSION=$(jq -r '.Session' <<<"$RESPONSE")
    ok "Challenge SOFTWARE_TOKEN_MFA, session $(mask "$SESSION")"
    next_totp_code
    answer "Authenticator code" "$TOTP_CODE"
    call "AdminRespondToAuthChallenge (SOFTWARE_TOKEN_MFA)" "sends the app's current code, the second factor."
    if cognito cognito_admin_respond_to_auth_challenge "$POOL_ID" "$CLIENT_ID" \
      SOFTWARE_TOKEN_MFA "$SESSION" "USERNAME=$USERNAME,SOFTWARE_TOKEN_MFA_CODE=$TOTP_CODE"; then
      show_tokens
      local device
      device=$(jq -r '.AuthenticationResult.NewDeviceMetadata.DeviceKey // empty' <<<"$RESPONSE")
      [[ -n $device ]] || abort "Cognito sent no NewDeviceMetadata: the pool doesn't track devices"
      ok "Cognito started tracking the device of this sign-in: $device"
      return 0
    fi
    session_expired || abort "AdminRespondToAuthChallenge failed: $ERROR_CODE: $ERROR_MESSAGE"
    problem "The sign-in session expired (Cognito keeps one for 3 minutes): signing in again."
  done
  abort "the sign-in session expired again and again"
}

step_7_remember_device() {
  step 7 "Remember this device (skipped: bash has no SRP maths)"
  say "Remembering a device (ConfirmDevice) and signing in with it (DEVICE_SRP_AUTH) needs the SRP protocol's big-number maths, which neither bash nor the AWS CLI offers. The other languages' scenarios show this step."
}
# snippet-end:[cli.cognito-idp.Scenario_SignUpUserWithMfa]

expect_challenge() {
  local challenge
  challenge=$(jq -r '.ChallengeName // "tokens"' <<<"$RESPONSE")
  [[ $challenge == "$1" ]] || abort "expected the $1 challenge, Cognito answered $challenge"
}

show_tokens() {
  local name
  jq -e '.AuthenticationResult.AccessToken' <<<"$RESPONSE" >/dev/null ||
    abort "expected tokens, Cognito answered $(jq -r '.ChallengeName' <<<"$RESPONSE")"
  ok "Signed in. Tokens (masked):"
  for name in IdToken AccessToken RefreshToken; do
    show "$name" "$(mask "$(jq -r --arg n "$name" '.AuthenticationResult[$n] // empty' \
      <<<"$RESPONSE")")"
  done
}

# --- Command line --------------------------------------------------------------------------

usage_error() {
  printf '%s: %s\n' "$PROG" "$1" >&2
  exit 2
}

main() {
  local auto=0 target=local pool_option="" client_option=""
  while (($#)); do
    case $1 in
      --auto) auto=1; shift ;;
      --keep) shift ;;
      --target | --endpoint | --user-pool-id | --client-id)
        (($# >= 2)) || usage_error "$1 needs a value"
        case $1 in
          --target) target=$2 ;;
          --endpoint) ENDPOINT=$2 ;;
          --user-pool-id) pool_option=$2 ;;
          --client-id) client_option=$2 ;;
        esac
        shift 2 ;;
      -h | --help) sed -n '2,/^[^#]/{/^#/!d;/^# \(Copyright \|SPDX-License-Identifier:\)/d;s/^# \{0,1\}//;p}' -- "$0"; return 0 ;;
      *) usage_error "unknown option $1 (see --help)" ;;
    esac
  done
  case $target in
    local) ;;
    aws)
      [[ -z ${CI:-} ]] || usage_error "--target aws never runs in CI (CI is set)."
      usage_error "--target aws needs the interactive mode, which the AWS CLI port doesn't have: run the Python scenario (nox -s scenario -- --target aws)." ;;
    *) usage_error "--target is local or aws, not $target" ;;
  esac
  if [[ -n $pool_option || -n $client_option ]]; then
    usage_error "--user-pool-id and --client-id go with --target aws"
  fi
  if [[ -n $ENDPOINT && ! $ENDPOINT =~ ^https?://[^/]+ ]]; then
    usage_error "--endpoint needs a URL such as http://127.0.0.1:9229, not $ENDPOINT"
  fi
  if ((!auto)); then
    usage_error "the AWS CLI port runs only with --auto: bash cli/scenarios/signup_user_with_mfa.sh --auto"
  fi
  local tool
  for tool in aws jq curl oathtool; do
    command -v "$tool" >/dev/null || usage_error "$tool not found: it is needed (see --help)"
  done

  # The local target talks to the local backend only: dummy credentials, no AWS configuration.
  unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ROLE_ARN \
    AWS_WEB_IDENTITY_TOKEN_FILE AWS_CONTAINER_CREDENTIALS_FULL_URI \
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing # dummies for the emulator
  export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
  export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null

  WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/cognito-mfa-cli.XXXXXX") # private: 0700
  trap on_exit EXIT
  trap 'on_signal 130 "interrupted (Ctrl-C)"' INT
  trap 'on_signal 143 "terminated (SIGTERM)"' TERM
  say "Amazon Cognito with the AWS CLI: sign up, set up an authenticator app, sign in with TOTP. Every answer is given by --auto."
  run_scenario
}

main "$@"
