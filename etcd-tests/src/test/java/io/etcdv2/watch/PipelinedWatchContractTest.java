package io.etcdv2.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.Watch;
import io.etcdv2.runtime.WatchListener;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A watch far behind a sparse history polls ahead, and the answers, which arrive reordered and
 * duplicated, still become each event once, in order.
 */
final class PipelinedWatchContractTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** Serves etcd's history: a poll from w answers the first event at or after w. */
  private static final class History extends Dispatcher {
    final NavigableSet<Long> indexes;
    final long last;
    final Random random = new Random(11);
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger mostOpen = new AtomicInteger();

    History(NavigableSet<Long> indexes) {
      this.indexes = indexes;
      this.last = indexes.last();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      long w = Long.parseLong(request.getRequestUrl().queryParameter("waitIndex"));
      if (w > last) return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
      mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      try {
        Thread.sleep(random.nextInt(4)); // answers overtake one another
      } finally {
        open.decrementAndGet();
      }
      long index = indexes.ceiling(w);
      return new MockResponse()
          .setHeader("Content-Type", "application/json")
          .setHeader("X-Etcd-Index", Long.toString(last))
          .setBody(
              "{\"action\":\"set\",\"node\":{\"key\":\"/w/k"
                  + index
                  + "\",\"value\":\"1\",\"modifiedIndex\":"
                  + index
                  + ",\"createdIndex\":"
                  + index
                  + "}}\n");
    }
  }

  @Test
  void watchFarBehindPollsAheadAndDeliversEachEventOnceInOrder() throws Exception {
    Random random = new Random(3);
    TreeSet<Long> history = new TreeSet<>();
    for (long i = 100; i < 2_100; i++) if (random.nextInt(4) > 0) history.add(i); // sparse
    History dispatcher = new History(history);
    server.setDispatcher(dispatcher);
    List<Long> delivered = new CopyOnWriteArrayList<>();
    List<Object> trouble = new CopyOnWriteArrayList<>();

    try (EtcdClient etcd =
        EtcdClient.builder().host("http://127.0.0.1:" + server.getPort()).build()) {
      Watch watch =
          etcd.watch("/w")
              .recursive()
              .fromIndex(100)
              .start(
                  new WatchListener() {
                    @Override
                    public void onEvent(KeysResult event) {
                      delivered.add(event.node().modifiedIndex());
                    }

                    @Override
                    public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
                      trouble.add("resync " + etcdIndex);
                    }

                    @Override
                    public void onError(Throwable error) {
                      trouble.add(error);
                    }
                  });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (delivered.size() < history.size() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      watch.stop();
    }

    assertTrue(trouble.isEmpty(), trouble.toString());
    assertEquals(new ArrayList<>(history), delivered, "each event once, in index order");
    assertTrue(
        dispatcher.mostOpen.get() > 1,
        "polls were pipelined: at most " + dispatcher.mostOpen.get() + " answered at once");
  }
}
