#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# SignUp: sign a new user up through an app client, with a password and an e-mail address.
#
# Cognito creates the user with status UNCONFIRMED. When the pool verifies e-mail addresses,
# Cognito e-mails a confirmation code to the address; the user confirms the sign-up with it
# (confirm-sign-up.sh) before signing in. The call is made on behalf of the visitor, so it
# needs no AWS credentials, only the app client's ID.
#
# Usage:
#   cli/actions/sign-up.sh --client-id ID --username NAME --email ADDRESS
# The password is asked without echo, or read from the first line of stdin:
#   printf '%s\n' "$password" | cli/actions/sign-up.sh --client-id ... --username ana \
#       --email ana@example.com
#
# Output (stdout): Cognito's SignUp response as JSON:
#   {"UserConfirmed": false,
#    "CodeDeliveryDetails": {"Destination": "a***@e***", "DeliveryMedium": "EMAIL",
#                            "AttributeName": "email"},
#    "UserSub": "<the user's unique ID>"}
#
# Errors (stderr, with the exit status of the aws command): UsernameExistsException (the
# name is taken), InvalidPasswordException (the pool's password policy refused the
# password), InvalidParameterException (a malformed e-mail address or user name),
# NotAuthorizedException (the app client has a secret, or self sign-up is off).
# Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.SignUp]
# Sign a new user up through an app client, as an app does for a visitor.
#   $1 app client ID   $2 user name   $3 password   $4 e-mail address
# Prints Cognito's answer (JSON). On an error, prints Cognito's error and what it means on
# stderr and returns the aws command's exit status.
cognito_sign_up() {
  local client_id=$1 username=$2 password=$3 email=$4 error status=0
  # The password goes in through stdin (file:///dev/stdin), so it never shows in the process
  # list. Cognito's JSON answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(printf '%s' "$password" | aws cognito-idp sign-up \
    --client-id "$client_id" \
    --username "$username" \
    --password file:///dev/stdin \
    --user-attributes Name=email,Value="$email" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't sign up $username. Here's why:$error" >&2
    case $error in
      *UsernameExistsException*)
        echo "The user name is taken: choose another one, or confirm this user's sign-up." >&2 ;;
      *InvalidPasswordException*)
        echo "The pool's password policy refused the password: make it longer or add" \
          "the missing kinds of characters." >&2 ;;
      *InvalidParameterException*)
        echo "A value is not valid: check the e-mail address and the user name." >&2 ;;
      *NotAuthorizedException*)
        echo "The app client refused the sign-up: it may have a secret (these examples" \
          "use app clients without one), or the pool may not let users sign up." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.SignUp]

main() {
  local client_id="" username="" email="" password
  while (($#)); do
    case $1 in
      --client-id) need_value "$@"; client_id=$2; shift 2 ;;
      --username) need_value "$@"; username=$2; shift 2 ;;
      --email) need_value "$@"; email=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --client-id "$client_id" --username "$username" --email "$email"
  password=$(read_password "Password for $username: ")
  cognito_sign_up "$client_id" "$username" "$password" "$email"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
