#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# InitiateAuth: start signing a user in with a password, as the user's own app.
#
# Cognito checks the user name and password (the USER_PASSWORD_AUTH flow, which the app
# client must allow) and either answers with tokens (AuthenticationResult) or with a
# challenge and its Session (valid for 3 minutes): MFA_SETUP when the pool requires MFA and
# the user has no authenticator app yet, SOFTWARE_TOKEN_MFA for the app's current code. The
# app answers it with RespondToAuthChallenge. The call is made on behalf of the user, so it
# needs no AWS credentials, only the app client's ID.
#
# Usage:
#   cli/actions/initiate-auth.sh --client-id ID --username NAME
# The password is asked without echo, or read from the first line of stdin.
#
# Output (stdout): Cognito's InitiateAuth response as JSON, tokens and session masked:
#   {"ChallengeName": "SOFTWARE_TOKEN_MFA", "Session": "AYABe...Xb4Q (920 chars)",
#    "ChallengeParameters": {}}
# or {"ChallengeParameters": {}, "AuthenticationResult": {"AccessToken": "eyJra...",
#     "ExpiresIn": 3600, "TokenType": "Bearer", "RefreshToken": "...", "IdToken": "..."}}
#
# Errors (stderr, with the exit status of the aws command): NotAuthorizedException (a wrong
# user name or password, or a flow the app client doesn't allow), UserNotConfirmedException
# (the sign-up isn't confirmed yet), UserNotFoundException (no such user).
# Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.InitiateAuth]
# Start a sign-in with user name and password (USER_PASSWORD_AUTH).
#   $1 app client ID   $2 user name   $3 password
# Prints Cognito's answer (JSON): a challenge and its Session, or tokens. On an error, prints
# Cognito's error and what it means on stderr and returns the aws command's exit status.
cognito_initiate_auth() {
  local client_id=$1 username=$2 password=$3 error status=0
  # jq writes the auth parameters as JSON from its environment, and the CLI reads them from
  # stdin (file:///dev/stdin): the password never shows in the process list. Cognito's JSON
  # answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(USERNAME=$username PASSWORD=$password \
    jq -n '{USERNAME: env.USERNAME, PASSWORD: env.PASSWORD}' |
    aws cognito-idp initiate-auth \
      --client-id "$client_id" \
      --auth-flow USER_PASSWORD_AUTH \
      --auth-parameters file:///dev/stdin \
      --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't start signing $username in. Here's why:$error" >&2
    case $error in
      *NotAuthorizedException*)
        echo "Wrong user name or password, or the app client doesn't allow" \
          "ALLOW_USER_PASSWORD_AUTH." >&2 ;;
      *UserNotConfirmedException*)
        echo "The user hasn't confirmed the sign-up: confirm it with the e-mailed code." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.InitiateAuth]

main() {
  local client_id="" username="" password
  while (($#)); do
    case $1 in
      --client-id) need_value "$@"; client_id=$2; shift 2 ;;
      --username) need_value "$@"; username=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --client-id "$client_id" --username "$username"
  password=$(read_password "Password for $username: ")
  cognito_initiate_auth "$client_id" "$username" "$password" | mask_tokens
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
