#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# VerifySoftwareToken: prove that the user's authenticator app works.
#
# Cognito checks the app's current code against the secret that AssociateSoftwareToken
# handed out (one 30-second step of clock drift is allowed). When it matches, Cognito
# registers the app as the user's MFA device (Status SUCCESS); from then on, sign-ins ask for
# its code. During sign-in (with the MFA_SETUP challenge's Session) the answer carries a new
# Session: pass it to (Admin)RespondToAuthChallenge to finish signing in. Call it with a
# Session or with a signed-in user's access token. It needs no AWS credentials.
#
# Usage:
#   cli/actions/verify-software-token.sh --user-code CODE (--session SESSION |
#       --access-token TOKEN) [--friendly-device-name NAME]
#
# Output (stdout): Cognito's VerifySoftwareToken response as JSON, the session masked:
#   {"Status": "SUCCESS", "Session": "AYABe...Xb4Q (920 chars)"}
#
# Errors (stderr, with the exit status of the aws command): EnableSoftwareTokenMFAException
# or CodeMismatchException (the code doesn't match: check the app's account and the
# device's clock), NotAuthorizedException (the session expired or the access token is not
# valid), InvalidParameterException (a code that is not 6 digits). Exit status 2: a usage
# mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.VerifySoftwareToken]
# Send the authenticator app's current code to register the app as the user's MFA.
#   $1 the 6-digit code the app shows
#   $2 the Session from AssociateSoftwareToken, or "" to use $3
#   $3 a signed-in user's access token (when $2 is "")
#   $4 optional name for the app, shown to the user later
# Prints Cognito's answer (JSON: Status, and a new Session when $2 was given). On an error,
# prints Cognito's error and what it means on stderr and returns the aws command's status.
cognito_verify_software_token() {
  local user_code=$1 session=$2 access_token=${3:-} device_name=${4:-} error status=0
  local options
  if [[ -n $session ]]; then
    options=(--session="$session") # =: a session may start with "-", not an option
  else
    options=(--access-token="$access_token")
  fi
  if [[ -n $device_name ]]; then
    options+=(--friendly-device-name "$device_name")
  fi
  # Cognito's JSON answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp verify-software-token \
    --user-code "$user_code" "${options[@]}" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't verify the authenticator app. Here's why:$error" >&2
    case $error in
      *EnableSoftwareTokenMFAException* | *CodeMismatchException*)
        echo "The code doesn't match the secret: check the account in the app and the" \
          "device's clock, then send the code the app shows now." >&2 ;;
      *NotAuthorizedException*)
        echo "The session expired (it lasts 3 minutes) or the access token is not valid:" \
          "sign in again." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.VerifySoftwareToken]

main() {
  local user_code="" session="" access_token="" device_name=""
  while (($#)); do
    case $1 in
      --user-code) need_value "$@"; user_code=$2; shift 2 ;;
      --session) need_value "$@"; session=$2; shift 2 ;;
      --access-token) need_value "$@"; access_token=$2; shift 2 ;;
      --friendly-device-name) need_value "$@"; device_name=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  require --user-code "$user_code"
  if [[ -z $session && -z $access_token ]] || [[ -n $session && -n $access_token ]]; then
    usage_error "give one of --session and --access-token"
  fi
  cognito_verify_software_token "$user_code" "$session" "$access_token" "$device_name" |
    mask_tokens
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
