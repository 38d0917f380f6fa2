#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# ResendConfirmationCode: have Cognito send a new sign-up confirmation code.
#
# Cognito sends a new code to the address it used before (the user's e-mail address) and
# says where it went, masked. Codes sent earlier no longer work. Use it when the first code
# expired or never arrived. The call is made on behalf of the user, so it needs no AWS
# credentials, only the app client's ID.
#
# Usage:
#   cli/actions/resend-confirmation-code.sh --client-id ID --username NAME
#
# Output (stdout): Cognito's ResendConfirmationCode response as JSON:
#   {"CodeDeliveryDetails": {"Destination": "a***@e***", "DeliveryMedium": "EMAIL",
#                            "AttributeName": "email"}}
#
# Errors (stderr, with the exit status of the aws command): UserNotFoundException (no such
# user), InvalidParameterException (the user is confirmed already), LimitExceededException
# (too many codes asked for: wait a while). Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.ResendConfirmationCode]
# Have Cognito send a user a new sign-up confirmation code.
#   $1 app client ID   $2 user name
# Prints Cognito's answer (JSON). On an error, prints Cognito's error and what it means on
# stderr and returns the aws command's exit status.
cognito_resend_confirmation_code() {
  local client_id=$1 username=$2 error status=0
  # Cognito's JSON answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp resend-confirmation-code \
    --client-id "$client_id" \
    --username "$username" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't send $username a new code. Here's why:$error" >&2
    case $error in
      *UserNotFoundException*)
        echo "There is no user of that name in the app client's pool." >&2 ;;
      *InvalidParameterException*)
        echo "The user may be confirmed already: no code is needed." >&2 ;;
      *LimitExceededException*)
        echo "Too many codes were asked for: wait a while before asking again." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.ResendConfirmationCode]

main() {
  local client_id="" username=""
  while (($#)); do
    case $1 in
      --client-id) need_value "$@"; client_id=$2; shift 2 ;;
      --username) need_value "$@"; username=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --client-id "$client_id" --username "$username"
  cognito_resend_confirmation_code "$client_id" "$username"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
