#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# AdminGetUser: read one user of a user pool as an administrator.
#
# Cognito returns the user's name, status (UNCONFIRMED, CONFIRMED, FORCE_CHANGE_PASSWORD,
# ...), whether it is enabled, its attributes and its MFA settings: once the user has set up
# an authenticator app, "UserMFASettingList" holds SOFTWARE_TOKEN_MFA. The call needs AWS
# credentials allowed to call cognito-idp:AdminGetUser.
#
# Usage:
#   cli/actions/admin-get-user.sh --user-pool-id ID --username NAME
#
# Output (stdout): Cognito's AdminGetUser response as JSON:
#   {"Username": "ana", "UserAttributes": [{"Name": "sub", "Value": "..."}, ...],
#    "UserCreateDate": ..., "UserLastModifiedDate": ..., "Enabled": true,
#    "UserStatus": "CONFIRMED", "UserMFASettingList": ["SOFTWARE_TOKEN_MFA"], ...}
#
# Errors (stderr, with the exit status of the aws command): UserNotFoundException (no user of
# that name), ResourceNotFoundException (no pool with that ID). Exit status 2: a usage
# mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.AdminGetUser]
# Read a user's status, attributes and MFA settings.
#   $1 user pool ID   $2 user name
# Prints Cognito's answer (JSON). On an error, prints Cognito's error and what it means on
# stderr and returns the aws command's exit status.
cognito_admin_get_user() {
  local user_pool_id=$1 username=$2 error status=0
  # Cognito's JSON answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp admin-get-user \
    --user-pool-id "$user_pool_id" \
    --username "$username" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't get user $username. Here's why:$error" >&2
    case $error in
      *UserNotFoundException*)
        echo "There is no user of that name in the pool (names are case-sensitive)." >&2 ;;
      *ResourceNotFoundException*)
        echo "There is no user pool with that ID in this Region." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.AdminGetUser]

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
  cognito_admin_get_user "$user_pool_id" "$username"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
