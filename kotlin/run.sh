#!/usr/bin/env bash
# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
# Runs one of the Kotlin examples, building them first when their sources changed:
#   kotlin/run.sh SignUpUserWithMfa [--auto] [--endpoint URL] ...   the guided scenario
#   kotlin/run.sh <Action> [arguments]   an action, e.g. CreateUserPool --help, HelloCognito
# The scenario's local backend is the cognito-emulator on PATH (or named by COGNITO_EMULATOR);
# the actions use whatever the SDK's default chain finds (AWS_ENDPOINT_URL, AWS_REGION, ...).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -eq 0 ] || [ "$1" = "--help" ]; then
  sed -n '2,6s/^# \{0,1\}//p' "$0"
  echo "Actions:"
  find "$here/src/main/kotlin/actions" -name '*.kt' ! -name CommandLine.kt -printf '%f\n' |
    sed 's/\.kt$//' | sort | paste -sd' ' | fold -s -w 76 | sed 's/^/  /; s/ *$//'
  exit 0
fi
name="$1"
shift
case "$name" in
  SignUpUserWithMfa) main=com.example.cognito.scenario.SignUpUserWithMfaKt ;;
  *)
    if [ ! -f "$here/src/main/kotlin/actions/$name.kt" ]; then
      echo "run.sh: no example named $name (run.sh --help lists them)" >&2
      exit 2
    fi
    main="com.example.cognito.actions.${name}Kt"
    ;;
esac
jar="$here/target/cognito-idp-kotlin-examples.jar"
stamp="$here/target/examples.built"
if [ ! -f "$stamp" ] || [ ! -f "$jar" ] ||
  [ -n "$(find "$here/pom.xml" "$here/src/main" -newer "$stamp" -print -quit)" ]; then
  echo "Building the Kotlin examples (mvn package, without the tests)..." >&2
  mvn -q -B -f "$here/pom.xml" package -Dmaven.test.skip=true >&2
  touch "$stamp"
fi
export SCENARIO_LAUNCHER="${SCENARIO_LAUNCHER:-$0 $name}"
# The jar's manifest names its libraries (target/lib); the quick JIT suits a short run.
exec java -XX:TieredStopAtLevel=1 -cp "$jar" "$main" "$@"
