#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# CreateUserPool: create a user pool, the directory that holds users and their sign-in rules.
#
# Cognito creates the pool with its default password policy (8 characters with upper and
# lower case, a number and a symbol) and returns its description, including the pool's ID
# that every other call names. Here the pool verifies e-mail addresses: Cognito e-mails a
# code when a user signs up. With --remember-devices the pool also tracks the devices users
# sign in from (a new device must pass MFA once; the app may then remember it). The call
# needs AWS credentials allowed to call cognito-idp:CreateUserPool.
#
# Usage:
#   cli/actions/create-user-pool.sh --pool-name NAME [--remember-devices]
#
# Output (stdout): Cognito's CreateUserPool response as JSON:
#   {"UserPool": {"Id": "us-east-1_EXAMPLE", "Name": "NAME", "Policies": {...},
#                 "AutoVerifiedAttributes": ["email"], "DeviceConfiguration": {...},
#                 "CreationDate": ..., ...}}
#
# Errors (stderr, with the exit status of the aws command): InvalidParameterException (a
# name that is empty or longer than 128 characters), LimitExceededException (the account
# has as many pools as its quota allows), NotAuthorizedException (the credentials may not
# create pools). Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.CreateUserPool]
# Create a user pool that verifies e-mail addresses.
#   $1 pool name
#   $2 optional device configuration in the CLI's shorthand, for example
#      ChallengeRequiredOnNewDevice=true,DeviceOnlyRememberedOnUserPrompt=false
# Prints Cognito's answer (JSON). On an error, prints Cognito's error and what it means on
# stderr and returns the aws command's exit status.
cognito_create_user_pool() {
  local pool_name=$1 device_configuration=${2:-} error status=0
  local options=(--pool-name "$pool_name" --auto-verified-attributes email)
  if [[ -n $device_configuration ]]; then
    options+=(--device-configuration "$device_configuration")
  fi
  # Cognito's JSON answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp create-user-pool "${options[@]}" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't create user pool $pool_name. Here's why:$error" >&2
    case $error in
      *LimitExceededException*)
        echo "The account has as many user pools as its quota allows: delete one first." >&2 ;;
      *InvalidParameterException*)
        echo "The name must have 1 to 128 letters, digits, spaces or + = , . @ -." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.CreateUserPool]

main() {
  local pool_name="" devices=""
  while (($#)); do
    case $1 in
      --pool-name) need_value "$@"; pool_name=$2; shift 2 ;;
      --remember-devices)
        devices=ChallengeRequiredOnNewDevice=true,DeviceOnlyRememberedOnUserPrompt=false
        shift ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --pool-name "$pool_name"
  cognito_create_user_pool "$pool_name" "$devices"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
