#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# ConfirmSignUp: confirm a user's sign-up with the code Cognito e-mailed to them.
#
# Cognito checks the code against the last one it sent to the user (codes are valid for
# 24 hours). When it matches, the user's status becomes CONFIRMED, the e-mail address is
# marked verified and the user can sign in. The call is made on behalf of the user, so it
# needs no AWS credentials, only the app client's ID.
#
# Usage:
#   cli/actions/confirm-sign-up.sh --client-id ID --username NAME --confirmation-code CODE
#
# Output (stdout): Cognito's ConfirmSignUp response as JSON; it is empty ({}) or nothing at
# all, unless the pool signs users in right after confirming them (then a "Session").
#
# Errors (stderr, with the exit status of the aws command): CodeMismatchException (a wrong
# code), ExpiredCodeException (an old code: ask for a new one with
# resend-confirmation-code.sh), UserNotFoundException (no such user), NotAuthorizedException
# (the user is confirmed already). Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.ConfirmSignUp]
# Confirm a sign-up with the code Cognito sent to the user.
#   $1 app client ID   $2 user name   $3 confirmation code
# Prints Cognito's answer (JSON; often nothing). On an error, prints Cognito's error and what
# it means on stderr and returns the aws command's exit status.
cognito_confirm_sign_up() {
  local client_id=$1 username=$2 confirmation_code=$3 error status=0
  # Cognito's JSON answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp confirm-sign-up \
    --client-id "$client_id" \
    --username "$username" \
    --confirmation-code "$confirmation_code" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't confirm the sign-up of $username. Here's why:$error" >&2
    case $error in
      *CodeMismatchException*)
        echo "The code is wrong: check the last e-mail from Cognito." >&2 ;;
      *ExpiredCodeException*)
        echo "The code has expired: ask for a new one (ResendConfirmationCode)." >&2 ;;
      *NotAuthorizedException*)
        echo "The user may be confirmed already: try signing in." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.ConfirmSignUp]

main() {
  local client_id="" username="" code=""
  while (($#)); do
    case $1 in
      --client-id) need_value "$@"; client_id=$2; shift 2 ;;
      --username) need_value "$@"; username=$2; shift 2 ;;
      --confirmation-code) need_value "$@"; code=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --client-id "$client_id" --username "$username" --confirmation-code "$code"
  cognito_confirm_sign_up "$client_id" "$username" "$code" | mask_tokens
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
