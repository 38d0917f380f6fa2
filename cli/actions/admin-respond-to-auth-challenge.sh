#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# AdminRespondToAuthChallenge: answer a sign-in challenge, as a trusted back end.
#
# Cognito checks the answer to the challenge that AdminInitiateAuth (or an earlier answer)
# returned, with the Session that came with it (valid for 3 minutes). Answers:
#   MFA_SETUP           USERNAME=NAME, after VerifySoftwareToken accepted the app's code
#                       (with the Session VerifySoftwareToken returned)
#   SOFTWARE_TOKEN_MFA  USERNAME=NAME,SOFTWARE_TOKEN_MFA_CODE=123456, the app's current code
# Then Cognito signs the user in (AuthenticationResult: tokens, and NewDeviceMetadata when
# the pool tracks devices) or asks the next challenge. The call needs AWS credentials allowed
# to call cognito-idp:AdminRespondToAuthChallenge.
#
# Usage:
#   cli/actions/admin-respond-to-auth-challenge.sh --user-pool-id ID --client-id ID \
#       --challenge-name NAME --session SESSION --challenge-responses KEY=VALUE,...
#
# Output (stdout): Cognito's AdminRespondToAuthChallenge response as JSON, tokens masked:
#   {"ChallengeParameters": {},
#    "AuthenticationResult": {"AccessToken": "eyJra...Q3xw (1071 chars)", "ExpiresIn": 3600,
#        "TokenType": "Bearer", "RefreshToken": "...", "IdToken": "...",
#        "NewDeviceMetadata": {"DeviceKey": "...", "DeviceGroupKey": "..."}}}
#
# Errors (stderr, with the exit status of the aws command): CodeMismatchException (a wrong
# MFA code), NotAuthorizedException (the session expired or was used up: sign in again),
# InvalidParameterException (an answer is missing), ExpiredCodeException (a code that was
# used already). Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.AdminRespondToAuthChallenge]
# Answer a sign-in challenge.
#   $1 user pool ID   $2 app client ID   $3 challenge name, such as SOFTWARE_TOKEN_MFA
#   $4 the challenge's Session
#   $5 the answers in the CLI's shorthand: USERNAME=ana,SOFTWARE_TOKEN_MFA_CODE=123456
# Prints Cognito's answer (JSON): tokens, or the next challenge. On an error, prints
# Cognito's error and what it means on stderr and returns the aws command's exit status.
cognito_admin_respond_to_auth_challenge() {
  local user_pool_id=$1 client_id=$2 challenge_name=$3 session=$4 responses=$5
  local error status=0
  # --session=VALUE, not --session VALUE: a session may start with "-", which the CLI would
  # take for an option. Cognito's JSON answer goes to stdout; the CLI's error message is kept
  # in $error.
  { error=$(aws cognito-idp admin-respond-to-auth-challenge \
    --user-pool-id "$user_pool_id" \
    --client-id "$client_id" \
    --challenge-name "$challenge_name" \
    --session="$session" \
    --challenge-responses "$responses" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't answer the $challenge_name challenge. Here's why:$error" >&2
    case $error in
      *CodeMismatchException*)
        echo "Cognito refused the code: send the code the authenticator app shows now." >&2 ;;
      *ExpiredCodeException*)
        echo "That code was used already: wait for the app's next code." >&2 ;;
      *NotAuthorizedException*)
        echo "The session expired (it lasts 3 minutes) or was used up: sign in again." >&2 ;;
      *InvalidParameterException*)
        echo "An answer is missing: check the challenge's required responses." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.AdminRespondToAuthChallenge]

main() {
  local user_pool_id="" client_id="" challenge_name="" session="" responses=""
  while (($#)); do
    case $1 in
      --user-pool-id) need_value "$@"; user_pool_id=$2; shift 2 ;;
      --client-id) need_value "$@"; client_id=$2; shift 2 ;;
      --challenge-name) need_value "$@"; challenge_name=$2; shift 2 ;;
      --session) need_value "$@"; session=$2; shift 2 ;;
      --challenge-responses) need_value "$@"; responses=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --user-pool-id "$user_pool_id" --client-id "$client_id" \
    --challenge-name "$challenge_name" --session "$session" \
    --challenge-responses "$responses"
  cognito_admin_respond_to_auth_challenge "$user_pool_id" "$client_id" "$challenge_name" \
    "$session" "$responses" | mask_tokens
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
