#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# CreateUserPoolClient: create an app client, the door that sign-up and sign-in go through.
#
# Cognito creates the client in the pool and returns its description, with the client ID
# that sign-up and sign-in calls name. The client here has no secret (like a mobile or
# browser app, which can't keep one) and allows the sign-in flows given: the admin password
# flow (a trusted back end signs users in), the user password flow, SRP and refresh tokens.
# The call needs AWS credentials allowed to call cognito-idp:CreateUserPoolClient.
#
# Usage:
#   cli/actions/create-user-pool-client.sh --user-pool-id ID --client-name NAME
#       [--auth-flow FLOW ...]
# FLOW, repeatable: ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_USER_PASSWORD_AUTH,
# ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH (all four when left out).
#
# Output (stdout): Cognito's CreateUserPoolClient response as JSON:
#   {"UserPoolClient": {"UserPoolId": "...", "ClientName": "NAME",
#                       "ClientId": "1example23456789", "ExplicitAuthFlows": [...], ...}}
# A client secret, if Cognito ever returns one, is masked.
#
# Errors (stderr, with the exit status of the aws command): ResourceNotFoundException (no
# pool with that ID), InvalidParameterException (an unknown flow, or a name that is too
# long). Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.CreateUserPoolClient]
# Create an app client without a secret that allows the given sign-in flows.
#   $1 user pool ID   $2 client name   $3... flows, such as ALLOW_ADMIN_USER_PASSWORD_AUTH
# Prints Cognito's answer (JSON). On an error, prints Cognito's error and what it means on
# stderr and returns the aws command's exit status.
cognito_create_user_pool_client() {
  local user_pool_id=$1 client_name=$2 error status=0
  local flows=("${@:3}")
  # Cognito's JSON answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp create-user-pool-client \
    --user-pool-id "$user_pool_id" \
    --client-name "$client_name" \
    --no-generate-secret \
    --explicit-auth-flows "${flows[@]}" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't create app client $client_name. Here's why:$error" >&2
    case $error in
      *ResourceNotFoundException*)
        echo "There is no user pool with that ID in this Region." >&2 ;;
      *InvalidParameterException*)
        echo "Cognito refused a setting: check the flow names (ALLOW_...)." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.CreateUserPoolClient]

main() {
  local user_pool_id="" client_name="" flows=()
  while (($#)); do
    case $1 in
      --user-pool-id) need_value "$@"; user_pool_id=$2; shift 2 ;;
      --client-name) need_value "$@"; client_name=$2; shift 2 ;;
      --auth-flow) need_value "$@"; flows+=("$2"); shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --user-pool-id "$user_pool_id" --client-name "$client_name"
  if ((${#flows[@]} == 0)); then
    flows=(ALLOW_ADMIN_USER_PASSWORD_AUTH ALLOW_USER_PASSWORD_AUTH ALLOW_USER_SRP_AUTH
      ALLOW_REFRESH_TOKEN_AUTH)
  fi
  cognito_create_user_pool_client "$user_pool_id" "$client_name" "${flows[@]}" | mask_tokens
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
