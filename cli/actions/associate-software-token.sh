#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# AssociateSoftwareToken: get a new TOTP secret for a user's authenticator app.
#
# Cognito generates a random secret for time-based one-time passwords (RFC 6238: SHA-1,
# 6 digits, 30 seconds) and returns it as SecretCode, base32. The user types it into an
# authenticator app as its "setup key" (or scans a QR code of an otpauth:// URI holding it);
# the app then shows a new code every 30 seconds. Nothing is switched on yet: the user proves
# the app works with VerifySoftwareToken. Call it with the Session of an MFA_SETUP challenge
# (during sign-in), or with a signed-in user's access token. It needs no AWS credentials.
#
# Usage:
#   cli/actions/associate-software-token.sh (--session SESSION | --access-token TOKEN)
#
# Output (stdout): Cognito's AssociateSoftwareToken response as JSON. The SecretCode is shown
# whole (the user must type it); the Session, present when one was given, is masked:
#   {"SecretCode": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "Session": "AYABe...Xb4Q (920 chars)"}
#
# Errors (stderr, with the exit status of the aws command): NotAuthorizedException (the
# session expired or the access token is not valid), InvalidParameterException (neither
# or both of session and access token). Exit status 2: a usage mistake.

set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/entry_point.sh"

# snippet-start:[cli.cognito-idp.AssociateSoftwareToken]
# Ask Cognito for a new TOTP secret (the setup key of an authenticator app).
#   $1 the Session of an MFA_SETUP challenge, or "" to use $2
#   $2 a signed-in user's access token (when $1 is "")
# Prints Cognito's answer (JSON: SecretCode, and a new Session when $1 was given). On an
# error, prints Cognito's error and what it means on stderr and returns the aws command's
# exit status.
cognito_associate_software_token() {
  local session=$1 access_token=${2:-} error status=0 options
  if [[ -n $session ]]; then
    options=(--session="$session") # =: a session may start with "-", not an option
  else
    options=(--access-token="$access_token")
  fi
  # Cognito's JSON answer goes to stdout; the CLI's error message is kept in $error.
  { error=$(aws cognito-idp associate-software-token "${options[@]}" \
    --output json 2>&1 >&3); } 3>&1 || status=$?
  if ((status != 0)); then
    echo "Couldn't get a TOTP secret. Here's why:$error" >&2
    case $error in
      *NotAuthorizedException*)
        echo "The session expired (it lasts 3 minutes) or the access token is not valid:" \
          "sign in again." >&2 ;;
      *InvalidParameterException*)
        echo "Give exactly one of the session and the access token." >&2 ;;
    esac
  fi
  return "$status"
}
# snippet-end:[cli.cognito-idp.AssociateSoftwareToken]

main() {
  local session="" access_token=""
  while (($#)); do
    case $1 in
      --session) need_value "$@"; session=$2; shift 2 ;;
      --access-token) need_value "$@"; access_token=$2; shift 2 ;;
      -h | --help) show_help; return 0 ;;
      *) usage_error "unknown option $1" ;;
    esac
  done
  if [[ -z $session && -z $access_token ]] || [[ -n $session && -n $access_token ]]; then
    usage_error "give one of --session and --access-token"
  fi
  cognito_associate_software_token "$session" "$access_token" | mask_tokens
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
