#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# AdminInitiateAuth: start signing a user in with a password, as a trusted back end.
#
# Cognito checks the user name and password (the ADMIN_USER_PASSWORD_AUTH flow, which the app
# client must allow). Then it either signs the user in, answering with tokens
# (AuthenticationResult), or asks for more with a challenge: MFA_SETUP when the pool requires
# MFA and the user has no authenticator app yet, SOFTWARE_TOKEN_MFA for the app's current
# code, DEVICE_SRP_AUTH when a remembered device's key was given. A challenge comes with a
# Session, valid for 3 minutes, that the answer (AdminRespondToAuthChallenge) must carry.
# The call needs AWS credentials allowed to call cognito-idp:AdminInitiateAuth.
#
# Usage:
#   cli/actions/admin-initiate-auth.sh --user-pool-id ID --client-id ID --username NAME
#       [--device-key KEY]
# The password is asked without echo, or read from the first line of stdin.
#
# Output (stdout): Cognito's AdminInitiateAuth response as JSON, tokens and session masked:
#   {"ChallengeName": "SOFTWARE_TOKEN_MFA", "Session": "AYABe...Xb4Q (920 chars)",
#    "ChallengeParameters": {"USER_ID_FOR_SRP": "ana"}}
# or {"ChallengeParameters": {}, "AuthenticationResult": {"AccessToken": "eyJra...",
#     "ExpiresIn": 3600, "TokenType": "Bearer", "RefreshToken": "...", "IdToken": "..."}}
#
# Errors (stderr, with the exit status of the aws command): NotAuthorizedException (a wrong
# user name or password, or a flow the app client doesn't allow), UserNotConfirmedException
# (the sign-up isn't confirmed yet), UserNotFoundException (no such user),
# PasswordResetRequiredException. Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.AdminInitiateAuth]
# Start a sign-in with user name and password (ADMIN_USER_PASSWORD_AUTH).
#   $1 user pool ID   $2 app client ID   $3 user name   $4 password
#   $5 optional key of a device remembered earlier (then Cognito asks the device to prove
#      itself instead of asking for an MFA code)
# Prints Cognito's answer (JSON): a challenge and its Session, or tokens. On an error, prints
# Cognito's error and what it means on stderr and returns the aws command's exit status.
cognito_admin_initiate_auth() {
  local user_pool_id=$1 client_id=$2 username=$3 password=$4 device_key=${5:-}
  local error status=0
  # jq writes the auth parameters as JSON from its environment, and the CLI reads them from
  # stdin (file:///dev/stdin): the password never shows in the process list. Cognito's JSON
  # answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(USERNAME=$username PASSWORD=$password DEVICE_KEY=$device_key jq -n '
      {USERNAME: env.USERNAME, PASSWORD: env.PASSWORD}
      + if env.DEVICE_KEY != "" then {DEVICE_KEY: env.DEVICE_KEY} else {} end' |
    aws cognito-idp admin-initiate-auth \
      --user-pool-id "$user_pool_id" \
      --client-id "$client_id" \
      --auth-flow ADMIN_USER_PASSWORD_AUTH \
      --auth-parameters file:///dev/stdin \
      --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't start signing $username in. Here's why:$error" >&2
    case $error in
      *NotAuthorizedException*)
        echo "Wrong user name or password, or the app client doesn't allow" \
          "ALLOW_ADMIN_USER_PASSWORD_AUTH." >&2 ;;
      *UserNotConfirmedException*)
        echo "The user hasn't confirmed the sign-up: confirm it with the e-mailed code." >&2 ;;
      *PasswordResetRequiredException*)
        echo "An administrator reset the password: the user must set a new one." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.AdminInitiateAuth]

main() {
  local user_pool_id="" client_id="" username="" device_key="" password
  while (($#)); do
    case $1 in
      --user-pool-id) need_value "$@"; user_pool_id=$2; shift 2 ;;
      --client-id) need_value "$@"; client_id=$2; shift 2 ;;
      --username) need_value "$@"; username=$2; shift 2 ;;
      --device-key) need_value "$@"; device_key=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --user-pool-id "$user_pool_id" --client-id "$client_id" --username "$username"
  password=$(read_password "Password for $username: ")
  cognito_admin_initiate_auth "$user_pool_id" "$client_id" "$username" "$password" \
    "$device_key" | mask_tokens
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
