#!/usr/bin/env bash
# Runs the example program: lua-resty-etcd's operations against etcd on 127.0.0.1:2379,
# printing each status and body. Starts a local etcd in a temp dir when none answers there.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-etcd.sh
./mvnw -B -q install -DskipTests
exec ./mvnw -B -q -pl etcd-tests exec:java
