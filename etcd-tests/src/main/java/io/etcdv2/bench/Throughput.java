package io.etcdv2.bench;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.Watch;
import io.etcdv2.runtime.WatchListener;
import io.etcdv2.testing.LocalEtcd;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A harness that prints the client's throughput against a local single-member etcd it starts:
 * sequential sets and gets, pipelined async sets, and watch delivery. Figures, not assertions;
 * compare with the server's own ceiling in shared/reference/etcd-v2-server.md.
 *
 * <pre>{@code ./mvnw -q -pl etcd-tests exec:java -Dexec.mainClass=io.etcdv2.bench.Throughput}</pre>
 */
public final class Throughput {
  private static final int WARMUP = 5_000;
  private static final int OPERATIONS = 5_000;

  private Throughput() {}

  public static void main(String[] args) throws Exception {
    try (LocalEtcd etcd = LocalEtcd.start();
        EtcdClient client = EtcdClient.builder().host(etcd.clientUrl()).prefix("/bench").build()) {
      for (int i = 0; i < WARMUP; i++) {
        client.set("/warm/" + (i % 50), i);
        client.get("/warm/" + (i % 50));
      }

      long start = System.nanoTime();
      for (int i = 0; i < OPERATIONS; i++) client.set("/k/" + (i % 100), i);
      report("sequential set", OPERATIONS, start);

      start = System.nanoTime();
      for (int i = 0; i < OPERATIONS; i++) client.get("/k/" + (i % 100));
      report("sequential get", OPERATIONS, start);

      start = System.nanoTime();
      List<CompletableFuture<EtcdResponse<KeysResult>>> pending = new ArrayList<>();
      for (int i = 0; i < OPERATIONS; i++) {
        pending.add(client.async().set("/async/" + (i % 100), i).future());
      }
      for (CompletableFuture<EtcdResponse<KeysResult>> future : pending) future.get();
      report("async set, all in flight", OPERATIONS, start);

      CountDownLatch delivered = new CountDownLatch(OPERATIONS);
      Watch watch = client.watch("/watched").recursive().start(new WatchListener() {
        @Override
        public void onEvent(KeysResult event) {
          delivered.countDown();
        }

        @Override
        public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
          System.out.println("  (watch resynced at " + etcdIndex + ")");
        }

        @Override
        public void onError(Throwable error) {
          System.out.println("  (watch failed: " + error + ")");
        }
      });
      start = System.nanoTime();
      for (int i = 0; i < OPERATIONS; i++) client.set("/watched/" + (i % 100), i);
      boolean all = delivered.await(60, TimeUnit.SECONDS);
      report("set with a recursive watch delivering each event" + (all ? "" : " (INCOMPLETE)"),
          OPERATIONS, start);
      watch.stop();
    }
  }

  private static void report(String what, int operations, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf("%-60s %6d ops in %6.2f s = %8.0f ops/s, %6.3f ms/op%n", what, operations,
        seconds, operations / seconds, seconds * 1000 / operations);
  }
}
