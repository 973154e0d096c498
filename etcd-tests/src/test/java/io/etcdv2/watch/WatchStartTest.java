package io.etcdv2.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.Watch;
import io.etcdv2.runtime.WatchListener;
import io.etcdv2.testing.EtcdExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without {@code fromIndex}, a watch delivers every change made after {@code start()} returns, even
 * one made at once: start() reads etcd's current index before it returns.
 */
class WatchStartTest {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.singleNode();

  @RepeatedTest(5)
  void aWriteRightAfterStartIsDelivered() throws InterruptedException {
    etcd.client().rmdir("/start", true);
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch two = new CountDownLatch(2);
    Watch watch =
        etcd.client()
            .watch("/start")
            .recursive()
            .start(
                new WatchListener() {
                  @Override
                  public void onEvent(KeysResult event) {
                    seen.add(event.action() + " " + event.node().key());
                    two.countDown();
                  }

                  @Override
                  public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
                    seen.add("resync");
                  }

                  @Override
                  public void onError(Throwable error) {
                    seen.add("error " + error);
                  }
                });
    try {
      etcd.client().set("/start/a", 1);
      etcd.client().set("/start/b", 2);
      assertTrue(two.await(10, TimeUnit.SECONDS), "events seen: " + seen);
      assertEquals(List.of("set /start/a", "set /start/b"), seen);
    } finally {
      watch.stop();
    }
  }
}
