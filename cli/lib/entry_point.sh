# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# shellcheck shell=bash
# The command-line plumbing every action script shares, kept out of the examples so that each
# snippet (the function around one `aws cognito-idp` call) stands alone when copied:
#
#   show_help            print the script's header comment (its usage, output and errors)
#   need_value OPT ...   a usage error unless the option OPT has a value
#   require OPT VALUE... a usage error for the first option whose value is empty
#   usage_error MESSAGE  one line on stderr, exit status 2
#   read_password PROMPT a password from the terminal (no echo) or the first line of stdin
#   mask_tokens          filter: Cognito's JSON with tokens, sessions and client secrets masked
#
# Sourced by each script in cli/actions/ (and through them by the scenario).

# The name the messages start with: the script that was run.
entry_point_name() {
  basename -- "$0"
}

# Print the header comment of the script that was run: everything from line 2 up to the
# first line that is not a comment, without the leading "# " and the license lines.
show_help() {
  sed -n '2,/^[^#]/{/^#/!d;/^# \(Copyright \|SPDX-License-Identifier:\)/d;s/^# \{0,1\}//;p}' -- "$0"
}

usage_error() {
  printf '%s: %s (see --help)\n' "$(entry_point_name)" "$1" >&2
  exit 2
}

# need_value "$@": the option in $1 must be followed by a value.
need_value() {
  if (($# < 2)); then
    usage_error "$1 needs a value"
  fi
}

# require --option "$value" [--option "$value" ...]: each value must be non-empty.
require() {
  while (($# >= 2)); do
    if [[ -z $2 ]]; then
      usage_error "missing $1"
    fi
    shift 2
  done
}

# Read a password: asked without echo on a terminal, else the first line of stdin. It never
# appears on a command line, where other users of the machine could see it (ps).
read_password() {
  local prompt=$1 password=""
  if [[ -t 0 ]]; then
    IFS= read -rsp "$prompt" password || true
    printf '\n' >&2
  else
    IFS= read -r password || true
  fi
  if [[ -z $password ]]; then
    usage_error "no password: type it when asked, or give it on the first line of stdin"
  fi
  printf '%s' "$password"
}

# Cognito's JSON on stdin, printed with every token, session and client secret masked:
# "eyJra...Q3xw (1071 chars)" is enough to tell two tokens apart, and useless to a thief.
mask_tokens() {
  jq '
    def mask:
      if length < 16 then "**** (\(length) chars)"
      else "\(.[:5])...\(.[-4:]) (\(length) chars)" end;
    walk(
      if type == "object" then
        with_entries(
          if (.key | IN("IdToken", "AccessToken", "RefreshToken", "Session", "ClientSecret"))
            and (.value | type) == "string"
          then .value |= mask
          else . end)
      else . end)'
}
