#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# DeleteUserPool: delete a user pool with all of its users and app clients.
#
# Cognito deletes the pool, every user in it and every app client; nothing of it can be
# brought back. A pool with deletion protection on, or with a domain, is refused until the
# protection is off and the domain deleted. The call needs AWS credentials allowed to call
# cognito-idp:DeleteUserPool.
#
# Usage:
#   cli/actions/delete-user-pool.sh --user-pool-id ID
#
# Output: nothing on stdout (Cognito's answer is empty); "Deleted user pool ID." on stderr.
#
# Errors (stderr, with the exit status of the aws command): ResourceNotFoundException (no
# pool with that ID: deleted already?), InvalidParameterException (deletion protection is
# on). Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.DeleteUserPool]
# Delete a user pool, its users and its app clients.
#   $1 user pool ID
# Prints nothing (Cognito's answer is empty). On an error, prints Cognito's error and what it
# means on stderr and returns the aws command's exit status.
cognito_delete_user_pool() {
  local user_pool_id=$1 error status=0
  # Cognito's answer (empty) goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp delete-user-pool \
    --user-pool-id "$user_pool_id" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't delete user pool $user_pool_id. Here's why:$error" >&2
    case $error in
      *ResourceNotFoundException*)
        echo "There is no user pool with that ID in this Region: deleted already?" >&2 ;;
      *InvalidParameterException*)
        echo "Deletion protection may be on: turn it off (UpdateUserPool) first." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.DeleteUserPool]

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
  cognito_delete_user_pool "$user_pool_id"
  echo "Deleted user pool $user_pool_id." >&2
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
