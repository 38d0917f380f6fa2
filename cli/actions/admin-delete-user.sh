#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# AdminDeleteUser: delete a user from a user pool as an administrator.
#
# Cognito deletes the user, its attributes, its MFA settings and its remembered devices; the
# user's tokens stop working. A deleted user can't be brought back. The call needs AWS
# credentials allowed to call cognito-idp:AdminDeleteUser.
#
# Usage:
#   cli/actions/admin-delete-user.sh --user-pool-id ID --username NAME
#
# Output: nothing on stdout (Cognito's answer is empty); "Deleted user NAME." on stderr.
#
# Errors (stderr, with the exit status of the aws command): UserNotFoundException (no user of
# that name: deleted already?), ResourceNotFoundException (no pool with that ID).
# Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.AdminDeleteUser]
# Delete a user.
#   $1 user pool ID   $2 user name
# Prints nothing (Cognito's answer is empty). On an error, prints Cognito's error and what it
# means on stderr and returns the aws command's exit status.
cognito_admin_delete_user() {
  local user_pool_id=$1 username=$2 error status=0
  # Cognito's answer (empty) goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp admin-delete-user \
    --user-pool-id "$user_pool_id" \
    --username "$username" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't delete user $username. Here's why:$error" >&2
    case $error in
      *UserNotFoundException*)
        echo "There is no user of that name in the pool: deleted already?" >&2 ;;
      *ResourceNotFoundException*)
        echo "There is no user pool with that ID in this Region." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.AdminDeleteUser]

main() {
  local user_pool_id="" username=""
  while (($#)); do
    case $1 in
      --user-pool-id) need_value "$@"; user_pool_id=$2; shift 2 ;;
      --username) need_value "$@"; username=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --user-pool-id "$user_pool_id" --username "$username"
  cognito_admin_delete_user "$user_pool_id" "$username"
  echo "Deleted user $username." >&2
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
