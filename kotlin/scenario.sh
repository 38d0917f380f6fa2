#!/usr/bin/env bash
# Runs the Kotlin MFA scenario, building it first when its sources changed:
#   kotlin/scenario.sh [--auto] [--target local|aws] [--endpoint URL] [--keep] [--help]
# The local backend is the cognito-emulator on PATH (or named by COGNITO_EMULATOR).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classpath="$here/target/classpath.txt"
if [ ! -f "$classpath" ] || [ ! -d "$here/target/classes" ] ||
  [ -n "$(find "$here/pom.xml" "$here/src/main" -newer "$classpath" -print -quit)" ]; then
  echo "Building the Kotlin examples (mvn compile)..." >&2
  mvn -q -B -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$classpath" >&2
  touch "$classpath"
fi
export SCENARIO_LAUNCHER="${SCENARIO_LAUNCHER:-$0}"
exec java -XX:TieredStopAtLevel=1 -cp "$here/target/classes:$(cat "$classpath")" \
  com.example.cognito.scenario.SignUpUserWithMfaKt "$@"
