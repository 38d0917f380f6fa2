#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# DeleteUserPoolClient: delete an app client of a user pool.
#
# Cognito deletes the app client: sign-ups and sign-ins through it are refused from then on,
# and the tokens it issued can no longer be refreshed. The pool and its users stay. The call
# needs AWS credentials allowed to call cognito-idp:DeleteUserPoolClient.
#
# Usage:
#   cli/actions/delete-user-pool-client.sh --user-pool-id ID --client-id ID
#
# Output: nothing on stdout (Cognito's answer is empty); "Deleted app client ID." on stderr.
#
# Errors (stderr, with the exit status of the aws command): ResourceNotFoundException (no
# such pool or app client: deleted already?). Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.DeleteUserPoolClient]
# Delete an app client.
#   $1 user pool ID   $2 app client ID
# Prints nothing (Cognito's answer is empty). On an error, prints Cognito's error and what it
# means on stderr and returns the aws command's exit status.
cognito_delete_user_pool_client() {
  local user_pool_id=$1 client_id=$2 error status=0
  # Cognito's answer (empty) goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp delete-user-pool-client \
    --user-pool-id "$user_pool_id" \
    --client-id "$client_id" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't delete app client $client_id. Here's why:$error" >&2
    case $error in
      *ResourceNotFoundException*)
        echo "There is no such pool or app client in this Region: deleted already?" >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.DeleteUserPoolClient]

main() {
  local user_pool_id="" client_id=""
  while (($#)); do
    case $1 in
      --user-pool-id) need_value "$@"; user_pool_id=$2; shift 2 ;;
      --client-id) need_value "$@"; client_id=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --user-pool-id "$user_pool_id" --client-id "$client_id"
  cognito_delete_user_pool_client "$user_pool_id" "$client_id"
  echo "Deleted app client $client_id." >&2
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
