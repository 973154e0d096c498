#!/usr/bin/env bash
# The build, the processor tests and the MockWebServer contract tests on JDK 25 (the current LTS),
# where one is installed beside the default JDK 17: JDK 23+ javac runs only processors it is
# told about, so this proves the build names them. Pass JAVA_HOME, or it looks in /usr/lib/jvm.
set -euo pipefail
cd "$(dirname "$0")/.."
jdk="${JDK25_HOME:-}"
if [ -z "$jdk" ]; then
  for candidate in /usr/lib/jvm/*-25-* /usr/lib/jvm/*jdk-25*; do
    [ -x "$candidate/bin/javac" ] && { jdk="$candidate"; break; }
  done
fi
if [ -z "$jdk" ]; then
  echo "No JDK 25 found under /usr/lib/jvm (set JDK25_HOME): skipping the JDK 25 run" >&2
  exit 0
fi
echo "JDK 25 run with $jdk"
JAVA_HOME="$jdk" exec ./mvnw -B verify \
  -Dtest='io.etcdv2.processor.*Test,*ContractTest,PollWindowTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dinvoker.skip=true "$@"
