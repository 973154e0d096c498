package io.etcdv2.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.Watch;
import io.etcdv2.runtime.WatchListener;
import io.etcdv2.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One recursive watch keeps up with 4 writers writing as fast as etcd takes it: v2 answers one
 * event per long poll, so the watch polls ahead while it lags, and never falls 1,000 events behind
 * into a resync.
 */
final class WatchKeepsUpTest {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.singleNode();

  @Test
  void recursiveWatchDeliversEveryEventOfFourWritersFlatOutWithoutResync() throws Exception {
    int writers = 4;
    int perWriter = 5_000;
    List<Long> delivered = Collections.synchronizedList(new ArrayList<>(writers * perWriter));
    List<Object> trouble = new CopyOnWriteArrayList<>();
    try (EtcdClient watcher = EtcdClient.builder().host(etcd.endpoints().get(0)).build();
        EtcdClient writer = EtcdClient.builder().host(etcd.endpoints().get(0)).build()) {
      Watch watch =
          watcher
              .watch("/flat-out")
              .recursive()
              .start(
                  new WatchListener() {
                    @Override
                    public void onEvent(KeysResult event) {
                      delivered.add(event.node().modifiedIndex());
                    }

                    @Override
                    public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
                      trouble.add("resync at " + etcdIndex);
                    }

                    @Override
                    public void onError(Throwable error) {
                      trouble.add(error);
                    }
                  });
      List<Long> written = Collections.synchronizedList(new ArrayList<>(writers * perWriter));
      List<Thread> threads = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < writers; t++) {
        int id = t;
        Thread thread =
            new Thread(
                () -> {
                  for (int i = 0; i < perWriter; i++) {
                    EtcdResponse<KeysResult> set =
                        writer.set("/flat-out/w" + id + "/k" + (i % 50), i);
                    written.add(set.body().node().modifiedIndex());
                  }
                });
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) thread.join();
      double writeSeconds = (System.nanoTime() - start) / 1e9;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (delivered.size() < written.size()
          && trouble.isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      watch.stop();
      System.out.printf(
          "watch kept up: %d writes in %.1f s (%.0f/s), all delivered after %.1f s"
              + " (%.0f events/s)%n",
          written.size(),
          writeSeconds,
          written.size() / writeSeconds,
          seconds,
          delivered.size() / seconds);

      assertTrue(trouble.isEmpty(), "no resync, no error: " + trouble);
      List<Long> expected = new ArrayList<>(written);
      Collections.sort(expected);
      assertEquals(expected, new ArrayList<>(delivered), "every event once, in index order");
    }
  }
}
