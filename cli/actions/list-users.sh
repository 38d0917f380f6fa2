#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# ListUsers: list the users of a user pool, with their status and attributes.
#
# Cognito returns the pool's users a page at a time; the AWS CLI asks for every page and
# prints them together. Each user has a user name, a status (UNCONFIRMED until the sign-up
# is confirmed, then CONFIRMED), whether it is enabled, and its attributes (sub, email,
# email_verified, ...). The call needs AWS credentials allowed to call
# cognito-idp:ListUsers.
#
# Usage:
#   cli/actions/list-users.sh --user-pool-id ID
#
# Output (stdout): Cognito's ListUsers response as JSON:
#   {"Users": [{"Username": "ana", "Attributes": [{"Name": "email", "Value": "..."}, ...],
#               "UserCreateDate": ..., "Enabled": true, "UserStatus": "CONFIRMED"}, ...]}
#
# Errors (stderr, with the exit status of the aws command): ResourceNotFoundException (no
# pool with that ID). Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.ListUsers]
# List every user of a user pool (the CLI fetches all the pages).
#   $1 user pool ID
# Prints Cognito's answer (JSON). On an error, prints Cognito's error and what it means on
# stderr and returns the aws command's exit status.
cognito_list_users() {
  local user_pool_id=$1 error status=0
  # Cognito's JSON answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp list-users \
    --user-pool-id "$user_pool_id" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't list the users of $user_pool_id. Here's why:$error" >&2
    case $error in
      *ResourceNotFoundException*)
        echo "There is no user pool with that ID in this Region." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.ListUsers]

main() {
  local user_pool_id=""
  while (($#)); do
    case $1 in
      --user-pool-id) need_value "$@"; user_pool_id=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --user-pool-id "$user_pool_id"
  cognito_list_users "$user_pool_id"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
