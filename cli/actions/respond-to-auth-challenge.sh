#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# RespondToAuthChallenge: answer a sign-in challenge, as the user's own app.
#
# Cognito checks the answer to the challenge that InitiateAuth (or an earlier answer)
# returned, with the Session that came with it (valid for 3 minutes). Answers:
#   MFA_SETUP           USERNAME=NAME, after VerifySoftwareToken accepted the app's code
#                       (with the Session VerifySoftwareToken returned)
#   SOFTWARE_TOKEN_MFA  USERNAME=NAME,SOFTWARE_TOKEN_MFA_CODE=123456, the app's current code
# Then Cognito signs the user in (AuthenticationResult: tokens) or asks the next challenge.
# The call is made on behalf of the user, so it needs no AWS credentials.
#
# Usage:
#   cli/actions/respond-to-auth-challenge.sh --client-id ID --challenge-name NAME \
#       --session SESSION --challenge-responses KEY=VALUE,...
#
# Output (stdout): Cognito's RespondToAuthChallenge response as JSON, tokens masked:
#   {"ChallengeParameters": {},
#    "AuthenticationResult": {"AccessToken": "eyJra...Q3xw (1071 chars)", "ExpiresIn": 3600,
#        "TokenType": "Bearer", "RefreshToken": "...", "IdToken": "..."}}
#
# Errors (stderr, with the exit status of the aws command): CodeMismatchException (a wrong
# MFA code), NotAuthorizedException (the session expired or was used up: sign in again),
# InvalidParameterException (an answer is missing), ExpiredCodeException (a code that was
# used already). Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.RespondToAuthChallenge]
# Answer a sign-in challenge on behalf of the user.
#   $1 app client ID   $2 challenge name, such as SOFTWARE_TOKEN_MFA
#   $3 the challenge's Session
#   $4 the answers in the CLI's shorthand: USERNAME=ana,SOFTWARE_TOKEN_MFA_CODE=123456
# Prints Cognito's answer (JSON): tokens, or the next challenge. On an error, prints
# Cognito's error and what it means on stderr and returns the aws command's exit status.
cognito_respond_to_auth_challenge() {
  local client_id=$1 challenge_name=$2 session=$3 responses=$4 error status=0
  # --session=VALUE, not --session VALUE: a session may start with "-", which the CLI would
  # take for an option. Cognito's JSON answer goes to stdout; the CLI's error message is kept
  # in $error.
  { error=$(aws cognito-idp respond-to-auth-challenge \
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
# snippet-end:[cli.cognito-idp.RespondToAuthChallenge]

main() {
  local client_id="" challenge_name="" session="" responses=""
  while (($#)); do
    case $1 in
      --client-id) need_value "$@"; client_id=$2; shift 2 ;;
      --challenge-name) need_value "$@"; challenge_name=$2; shift 2 ;;
      --session) need_value "$@"; session=$2; shift 2 ;;
      --challenge-responses) need_value "$@"; responses=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --client-id "$client_id" --challenge-name "$challenge_name" \
    --session "$session" --challenge-responses "$responses"
  cognito_respond_to_auth_challenge "$client_id" "$challenge_name" "$session" \
    "$responses" | mask_tokens
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
