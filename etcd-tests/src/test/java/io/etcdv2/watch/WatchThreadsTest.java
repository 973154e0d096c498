package io.etcdv2.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.Watch;
import io.etcdv2.testing.EtcdExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many watches at once, ordinary calls meanwhile (beside, not among, the watches' connections), and
 * the threads they leave behind: none once the watches are stopped, none at all once the client is
 * closed. A member of its own, so that etcd's count of open watches belongs to these tests alone.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WatchThreadsTest {
  private static final int WATCHES = 200;
  @RegisterExtension static final EtcdExtension server = EtcdExtension.singleNode();

  @Test
  void twoHundredWatchesAndAThousandGetsCompleteAndStoppedWatchesLeaveNoThread() throws Exception {
    try (EtcdClient etcd = EtcdClient.builder().host(server.endpoints().get(0)).build()) {
      assertEquals(201, etcd.set("/other/value", "x").status()); // warm-up call
      long from = etcd.mkdir("/many").body().node().modifiedIndex() + 1;
      long baselineWatchers = Watchers.settled(etcd);
      Set<Thread> atStart = Threads.live();
      int countAtStart = Thread.activeCount();

      Recorder[] recorders = new Recorder[WATCHES];
      Watch[] watches = new Watch[WATCHES];
      for (int i = 0; i < WATCHES; i++) {
        recorders[i] = new Recorder();
        watches[i] = etcd.watch("/many/k" + i).fromIndex(from).start(recorders[i]);
      }
      assertTrue(
          Threads.await(
              () -> etcd.statsStore().body().watchers() == baselineWatchers + WATCHES,
              Duration.ofSeconds(20)),
          () ->
              "etcd sees "
                  + etcd.statsStore().body().watchers()
                  + " watches, not "
                  + (baselineWatchers + WATCHES));

      // 1,000 gets while the watches are open: 500 synchronous on 4 threads, 500 asynchronous.
      ExecutorService getters = Executors.newFixedThreadPool(4);
      List<Future<Integer>> syncGets = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        syncGets.add(
            getters.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < 125; i++) {
                    if (etcd.get("/other/value").status() == 200) ok++;
                  }
                  return ok;
                }));
      }
      int asyncOk = 0;
      for (int wave = 0; wave < 10; wave++) {
        List<CompletableFuture<EtcdResponse<KeysResult>>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) futures.add(etcd.async().get("/other/value").future());
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
            .get(10, TimeUnit.SECONDS);
        for (CompletableFuture<EtcdResponse<KeysResult>> future : futures) {
          if (future.get().status() == 200) asyncOk++;
        }
      }
      int syncOk = 0;
      for (Future<Integer> gets : syncGets) syncOk += gets.get(30, TimeUnit.SECONDS);
      getters.shutdown();
      assertTrue(getters.awaitTermination(10, TimeUnit.SECONDS));
      assertEquals(500, syncOk, "synchronous gets answered 200");
      assertEquals(500, asyncOk, "asynchronous gets answered 200");
      // The long polls have a pool of their own: OkHttp looks through every connection of a pool
      // for each call, so 200 of them in this one would slow every get down.
      int pooled = etcd.config().okHttpClient().connectionPool().connectionCount();
      assertTrue(
          pooled <= 4 + 50,
          "the gets' pool holds " + pooled + " connections, the polls' among them");

      // Every watch is still live: a write to each key reaches its watcher, and only it.
      long[] written = new long[WATCHES];
      for (int i = 0; i < WATCHES; i++) {
        written[i] = etcd.set("/many/k" + i, "w" + i).body().node().modifiedIndex();
      }
      for (int i = 0; i < WATCHES; i++) {
        Recorder recorder = recorders[i];
        assertTrue(
            recorder.awaitIndex(written[i], Duration.ofSeconds(10)),
            "watch " + i + ": " + recorder);
      }
      Threads.sleep(200);
      for (int i = 0; i < WATCHES; i++) {
        List<KeysResult> events = recorders[i].events();
        assertEquals(1, events.size(), "watch " + i + ": " + events);
        assertEquals("/many/k" + i, events.get(0).node().key());
        assertEquals("w" + i, events.get(0).node().value());
        assertTrue(watches[i].isRunning());
      }
      assertTrue(
          Thread.activeCount() >= countAtStart + WATCHES,
          "a thread per running watch: " + Thread.activeCount() + " vs " + countAtStart);

      for (Watch watch : watches) watch.stop();
      for (Watch watch : watches) assertFalse(watch.isRunning());

      // Back to the threads of the start. OkHttp's dispatcher keeps workers that ran the
      // asynchronous gets for 60 s, idle; they are the client's, released by close() (below).
      List<String> left =
          Threads.awaitNoneAdded(
              atStart,
              t -> Threads.isIdleDispatcherWorker(t) || Threads.isOkHttpTaskRunner(t),
              Duration.ofSeconds(5));
      assertEquals(
          List.of(),
          left,
          "threads left after every watch was stopped ("
              + countAtStart
              + " at the start, "
              + Thread.activeCount()
              + " now)");
      for (Recorder recorder : recorders) {
        assertEquals(List.of(), recorder.errors());
        assertEquals(List.of(), recorder.resyncs());
      }
      assertTrue(
          Threads.await(
              () -> etcd.statsStore().body().watchers() == baselineWatchers, Duration.ofSeconds(5)),
          () ->
              "etcd still holds "
                  + (etcd.statsStore().body().watchers() - baselineWatchers)
                  + " of the polls");
    }
  }

  @Test
  void closeReleasesEveryThreadTheClientCreated() throws Exception {
    Set<Thread> beforeClient = Threads.live();
    EtcdClient etcd = EtcdClient.builder().host(server.endpoints().get(0)).build();
    List<Watch> watches = new ArrayList<>();
    CountDownLatch waitsEnded = new CountDownLatch(20);
    AtomicInteger waitsCancelled = new AtomicInteger();
    List<String> waitResponses = java.util.Collections.synchronizedList(new ArrayList<>());
    long baselineWatchers;
    try {
      long from = etcd.mkdir("/closing").body().node().modifiedIndex() + 1;
      baselineWatchers = etcd.statsStore().body().watchers();
      for (int i = 0; i < 20; i++) {
        watches.add(etcd.watch("/closing/w" + i).fromIndex(from).start(new Recorder()));
      }
      for (int i = 0; i < 20; i++) {
        etcd.async()
            .wait("/closing/a" + i, from, 0)
            .enqueue(
                new EtcdCallback<KeysResult>() {
                  @Override
                  public void onResponse(
                      EtcdCall<KeysResult> call, EtcdResponse<KeysResult> response) {
                    waitResponses.add(response.toString());
                    waitsEnded.countDown();
                  }

                  @Override
                  public void onFailure(EtcdCall<KeysResult> call, EtcdException failure) {
                    waitsCancelled.incrementAndGet();
                    waitsEnded.countDown();
                  }
                });
      }
      List<CompletableFuture<EtcdResponse<KeysResult>>> gets = new ArrayList<>();
      for (int i = 0; i < 50; i++) gets.add(etcd.async().get("/closing").future());
      CompletableFuture.allOf(gets.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
      assertTrue(
          Threads.await(
              () -> etcd.statsStore().body().watchers() == baselineWatchers + 40,
              Duration.ofSeconds(10)),
          "the 20 watches and 20 long polls never all reached etcd");
      assertTrue(
          Threads.added(beforeClient, Threads::isOkHttpTaskRunner).size() >= 40,
          "the client runs a thread per watch and per open asynchronous call");
    } finally {
      etcd.close(); // with everything still open
    }

    List<String> left =
        Threads.awaitNoneAdded(beforeClient, Threads::isOkHttpTaskRunner, Duration.ofSeconds(5));
    assertEquals(List.of(), left, "threads left after close()");
    for (Watch watch : watches) assertFalse(watch.isRunning());
    assertTrue(waitsEnded.await(5, TimeUnit.SECONDS), "close() left asynchronous waits open");
    assertEquals(
        20,
        waitsCancelled.get(),
        () -> "the open waits failed as cancelled, but some were answered: " + waitResponses);
    try (EtcdClient other = EtcdClient.builder().host(server.endpoints().get(0)).build()) {
      assertTrue(
          Threads.await(
              () -> other.statsStore().body().watchers() == baselineWatchers,
              Duration.ofSeconds(5)),
          "etcd still holds polls of the closed client");
    }
  }
}
