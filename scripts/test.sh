#!/usr/bin/env bash
# Runs every test: processor (compile-testing), MockWebServer contract tests, and
# integration tests against real etcd members that the tests start themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-etcd.sh
exec ./mvnw -B verify "$@"
