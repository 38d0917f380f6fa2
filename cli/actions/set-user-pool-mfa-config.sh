#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# SetUserPoolMfaConfig: make multi-factor sign-in with an authenticator app (TOTP) required
# or optional in a user pool.
#
# With MFA ON, every sign-in needs a second factor: a user without one is asked to set up an
# authenticator app at the next sign-in (the MFA_SETUP challenge), a user with one is asked
# for its current code (SOFTWARE_TOKEN_MFA). With OPTIONAL, only users who turned MFA on are
# asked. Cognito returns the pool's MFA settings as they are now. The call needs AWS
# credentials allowed to call cognito-idp:SetUserPoolMfaConfig.
#
# Usage:
#   cli/actions/set-user-pool-mfa-config.sh --user-pool-id ID [--mfa-configuration ON|OPTIONAL|OFF]
# (ON when left out; authenticator apps are enabled in every case.)
#
# Output (stdout): Cognito's SetUserPoolMfaConfig response as JSON:
#   {"SoftwareTokenMfaConfiguration": {"Enabled": true}, "MfaConfiguration": "ON"}
#
# Errors (stderr, with the exit status of the aws command): ResourceNotFoundException (no
# pool with that ID), InvalidParameterException (a value Cognito doesn't accept).
# Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.SetUserPoolMfaConfig]
# Turn on multi-factor sign-in by authenticator app (software token) for a user pool.
#   $1 user pool ID   $2 MFA configuration: ON (required), OPTIONAL or OFF
# Prints Cognito's answer (JSON). On an error, prints Cognito's error and what it means on
# stderr and returns the aws command's exit status.
cognito_set_user_pool_mfa_config() {
  local user_pool_id=$1 mfa_configuration=$2 error status=0
  # Cognito's JSON answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp set-user-pool-mfa-config \
    --user-pool-id "$user_pool_id" \
    --software-token-mfa-configuration Enabled=true \
    --mfa-configuration "$mfa_configuration" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't set the MFA configuration of $user_pool_id. Here's why:$error" >&2
    case $error in
      *ResourceNotFoundException*)
        echo "There is no user pool with that ID in this Region." >&2 ;;
      *InvalidParameterException*)
        echo "Cognito refused a setting: the MFA configuration is ON, OPTIONAL or OFF." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.SetUserPoolMfaConfig]

main() {
  local user_pool_id="" mfa_configuration=ON
  while (($#)); do
    case $1 in
      --user-pool-id) need_value "$@"; user_pool_id=$2; shift 2 ;;
      --mfa-configuration) need_value "$@"; mfa_configuration=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --user-pool-id "$user_pool_id"
  case $mfa_configuration in
    ON | OPTIONAL | OFF) ;;
    *) usage_error "--mfa-configuration is ON, OPTIONAL or OFF, not $mfa_configuration" ;;
  esac
  cognito_set_user_pool_mfa_config "$user_pool_id" "$mfa_configuration"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
