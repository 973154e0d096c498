#!/usr/bin/env bash
# Runs the etcd-bench harness: this client, hand-written OkHttp (text, and Moshi to a Map) and
# etcd4j side by side against a local etcd it starts, and prints markdown tables of the medians
# (also written to etcd-bench/target/bench.md). Arguments are JVM options, for example
#   scripts/bench.sh -Dbench.quick=true                  # a ~30 s smoke run
#   scripts/bench.sh -Dbench.only=get64 -Dbench.clients=etcd-client,okhttp-moshi \
#     -XX:StartFlightRecording=filename=etcd-bench/target/get64.jfr
# See io.etcdv2.bench.Bench for every -Dbench.* property. BENCH_HEAP sets -Xms/-Xmx (default 1g).
# Maven only builds; the run is a JVM of its own, so Maven's threads and heap are not measured.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-etcd.sh
./mvnw -q -B -pl etcd-bench -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
heap="${BENCH_HEAP:-1g}"
java "-Xms$heap" "-Xmx$heap" -Dbench.out=etcd-bench/target/bench.md "$@" \
  -cp "etcd-bench/target/test-classes:$(cat etcd-bench/target/bench.classpath)" \
  io.etcdv2.bench.Bench
