package io.etcdv2.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Node;
import io.etcdv2.runtime.Watch;
import io.etcdv2.testing.EtcdExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The continuous watch against a real etcd: every event once, in order, without gaps; a resync when
 * the watcher falls out of etcd's 1000-event history; expiry; stopping; throwing listeners. Each
 * test uses a directory of its own; the tests of this class run one after another on one etcd
 * member, so nothing else writes while a test runs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ContinuousWatchTest {
  @RegisterExtension static final EtcdExtension server = EtcdExtension.singleNode();

  private EtcdClient etcd;
  private final List<Watch> watches = new ArrayList<>();

  @BeforeEach
  void newClient() {
    etcd = EtcdClient.builder().host(server.endpoints().get(0)).build();
  }

  @AfterEach
  void closeClient() {
    for (Watch watch : watches) watch.stop();
    etcd.close();
  }

  private Watch track(Watch watch) {
    watches.add(watch);
    return watch;
  }

  @Test
  void recursiveWatchDeliversTenThousandWritesOnceInOrderWithoutAGap() throws Exception {
    long start = etcd.mkdir("/tenk").body().node().modifiedIndex();
    Recorder recorder = new Recorder();
    Watch watch = track(etcd.watch("/tenk").recursive().fromIndex(start + 1).start(recorder));

    int writes = 10_000;
    long[] indexes = new long[writes];
    String[] keys = new String[writes];
    String[] rawValues = new String[writes];
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < writes; i++) {
                  EtcdResponse<KeysResult> written = etcd.set("/tenk/k" + (i % 100), "v" + i);
                  if (!written.isSuccessful())
                    throw new AssertionError("write " + i + ": " + written);
                  indexes[i] = written.body().node().modifiedIndex();
                  keys[i] = written.body().node().key();
                  rawValues[i] = written.body().node().rawValue();
                }
              } catch (Throwable t) {
                writerFailure.set(t);
              }
            },
            "tenk-writer");
    writer.start();
    writer.join(90_000);
    assertFalse(writer.isAlive(), "10,000 writes did not finish within 90 s");
    assertNull(writerFailure.get(), () -> "writer failed: " + writerFailure.get());

    long first = indexes[0];
    long last = indexes[writes - 1];
    for (int i = 0; i < writes; i++) {
      // The premise: these writes are the only changes in etcd meanwhile.
      if (indexes[i] != first + i)
        fail("write " + i + " got index " + indexes[i] + ", not " + (first + i));
    }

    assertTrue(
        recorder.awaitIndex(last, Duration.ofSeconds(30)),
        () -> "the watcher did not reach index " + last + " within 30 s: " + recorder);
    Threads.sleep(200); // anything delivered twice would arrive now
    List<KeysResult> events = recorder.events();
    assertEquals(List.of(), recorder.resyncs(), "the watcher kept up, so it never had to resync");
    assertEquals(List.of(), recorder.errors());
    assertEquals(writes, events.size(), "one event per write");
    for (int i = 0; i < writes; i++) {
      KeysResult event = events.get(i);
      Node node = event.node();
      if (node.modifiedIndex() != first + i) {
        fail(
            "event "
                + i
                + " has index "
                + node.modifiedIndex()
                + " where "
                + (first + i)
                + " was expected (events must be consecutive, each once, in order): "
                + event);
      }
      if (!"set".equals(event.action())
          || !keys[i].equals(node.key())
          || !rawValues[i].equals(node.rawValue())
          || !("v" + i).equals(node.value())) {
        fail(
            "event at index "
                + node.modifiedIndex()
                + " is "
                + event
                + " but the write there was "
                + keys[i]
                + " = "
                + rawValues[i]);
      }
    }
    assertTrue(watch.isRunning());
    assertEquals(last + 1, watch.nextIndex());
  }

  @Test
  void watcherThatFallsOutOfTheHistoryResyncsAndEndsWithTheServersState() throws Exception {
    for (int i = 0; i < 20; i++) etcd.set("/lag/k" + i, "initial" + i);
    EtcdResponse<KeysResult> initial = etcd.readdir("/lag", true);
    assertEquals(200, initial.status());

    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    Recorder recorder =
        new Recorder(
            event -> {
              if (calls.getAndIncrement() == 0) {
                blocked.countDown();
                if (!release.await(60, TimeUnit.SECONDS))
                  throw new IllegalStateException("never released");
              }
            });
    Watch watch =
        track(etcd.watch("/lag").recursive().fromIndex(initial.etcdIndex() + 1).start(recorder));

    etcd.set("/lag/k0", "first");
    assertTrue(blocked.await(10, TimeUnit.SECONDS), "the first event never reached the listener");
    // 1,600 changes while the listener is stuck in its first call: beyond etcd's 1000 events.
    long lastWhileBlocked = 0;
    for (int i = 0; i < 1_600; i++) {
      EtcdResponse<KeysResult> change;
      if (i % 7 == 3) {
        change = etcd.delete("/lag/k" + (i % 40));
      } else if (i % 50 == 10) {
        change = etcd.set("/lag/sub/s" + (i % 3), "sub" + i);
      } else {
        change = etcd.set("/lag/k" + (i % 40), "b" + i);
      }
      if (change.isSuccessful()) {
        lastWhileBlocked = change.body().node().modifiedIndex();
      } else {
        assertEquals(404, change.status(), () -> "unexpected " + change); // deleting a deleted key
      }
    }
    release.countDown();
    long lastBlocked = lastWhileBlocked;

    assertTrue(
        recorder.await(r -> !r.resyncs().isEmpty(), Duration.ofSeconds(15)),
        () -> "no resync after falling 1,600 events behind: " + recorder);
    Recorder.Resync resync = recorder.resyncs().get(0);
    assertEquals(1, resync.eventsBefore, "only the blocked first event came before the resync");
    assertEquals(200, resync.state.status());
    assertTrue(
        resync.etcdIndex >= lastBlocked,
        () -> "the resync at " + resync.etcdIndex + " misses writes up to " + lastBlocked);

    // The watch goes on after the resync: these arrive as events, each once.
    List<Long> afterResync = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      EtcdResponse<KeysResult> change =
          i % 5 == 2
              ? etcd.delete("/lag/k" + (i % 30))
              : etcd.set("/lag/k" + (i % 45), "after" + i);
      if (change.isSuccessful()) afterResync.add(change.body().node().modifiedIndex());
    }
    EtcdResponse<KeysResult> removed = etcd.rmdir("/lag/sub", true);
    assertEquals(200, removed.status());
    afterResync.add(removed.body().node().modifiedIndex());
    long lastWrite = afterResync.get(afterResync.size() - 1);
    assertTrue(
        recorder.awaitIndex(lastWrite, Duration.ofSeconds(15)),
        () -> "the watch did not continue after its resync: " + recorder);
    Threads.sleep(100);

    assertEquals(1, recorder.resyncs().size(), () -> "resynced more than once: " + recorder);
    assertEquals(List.of(), recorder.errors());
    List<Long> indexes = recorder.eventIndexes();
    assertEquals(
        afterResync,
        indexes.subList(1, indexes.size()),
        "after the resync, exactly the later changes, in order");

    // The listener's view: the initial read, events, the resync snapshot replacing what came
    // before, then later events; it must equal what etcd holds now.
    Map<String, String> view = new HashMap<>();
    flatten(initial.body().node(), view);
    List<KeysResult> events = recorder.events();
    for (int i = 0; i < events.size(); i++) {
      if (i == resync.eventsBefore) {
        view.clear();
        flatten(resync.state.body().node(), view);
      }
      apply(events.get(i), view);
    }
    Map<String, String> now = new HashMap<>();
    flatten(etcd.readdir("/lag", true).body().node(), now);
    assertEquals(now, view);
    assertTrue(watch.isRunning());
  }

  @Test
  void watchFromAnIndexOutsideTheHistoryStartsWithAResync() {
    long first = etcd.set("/old/k0", "start").body().node().modifiedIndex();
    long last = first;
    for (int i = 0; i < 1_100; i++) {
      last = etcd.set("/old/k" + (i % 10), "v" + i).body().node().modifiedIndex();
    }
    Recorder recorder = new Recorder();
    Watch watch = track(etcd.watch("/old").recursive().fromIndex(first).start(recorder));
    assertTrue(
        recorder.await(r -> !r.resyncs().isEmpty(), Duration.ofSeconds(10)),
        () -> "no resync for an index etcd has cleared: " + recorder);
    Recorder.Resync resync = recorder.resyncs().get(0);
    assertEquals(0, resync.eventsBefore);
    assertTrue(resync.etcdIndex >= last);
    Map<String, String> state = new HashMap<>();
    flatten(resync.state.body().node(), state);
    Map<String, String> now = new HashMap<>();
    flatten(etcd.readdir("/old", true).body().node(), now);
    assertEquals(now, state);

    long next = etcd.set("/old/k3", "after").body().node().modifiedIndex();
    assertTrue(recorder.awaitIndex(next, Duration.ofSeconds(10)), recorder::toString);
    assertEquals(List.of(next), recorder.eventIndexes());
    assertEquals(1, recorder.resyncs().size());
    assertTrue(watch.isRunning());
  }

  @Test
  void quietPollsAreRenewedWithoutLosingTheNextEvent() {
    long baseline = Watchers.settled(etcd);
    long start = etcd.mkdir("/renew").body().node().modifiedIndex();
    Recorder recorder = new Recorder();
    Watch watch =
        track(etcd.watch("/renew").recursive().fromIndex(start + 1).pollTimeout(1).start(recorder));
    Threads.sleep(2_600); // two renewals of a 1 s poll
    assertTrue(watch.isRunning());
    assertEquals(List.of(), recorder.events());
    assertEquals(List.of(), recorder.errors());
    assertTrue(
        etcd.statsStore().body().watchers() <= baseline + 1,
        "renewed polls must not pile up on etcd");
    long index = etcd.set("/renew/k", "v").body().node().modifiedIndex();
    assertTrue(recorder.awaitIndex(index, Duration.ofSeconds(10)), recorder::toString);
    Threads.sleep(1_200); // the next renewal must not deliver it again
    assertEquals(List.of(index), recorder.eventIndexes());
    assertEquals(index + 1, watch.nextIndex());
  }

  @Test
  void expiryOfAKeyWithATtlIsDeliveredAsAnExpireEvent() {
    long index = etcd.set("/ttl/short", "brief", 1).body().node().modifiedIndex();
    Recorder onDir = new Recorder();
    Recorder onKey = new Recorder();
    track(etcd.watch("/ttl").recursive().fromIndex(index + 1).start(onDir));
    track(etcd.watch("/ttl/short").fromIndex(index + 1).start(onKey));

    for (Recorder recorder : List.of(onDir, onKey)) {
      assertTrue(
          recorder.awaitEvents(1, Duration.ofSeconds(10)),
          () -> "no event within 10 s of a 1 s TTL: " + recorder);
      KeysResult expired = recorder.events().get(0);
      assertEquals("expire", expired.action());
      assertEquals("/ttl/short", expired.node().key());
      assertEquals("brief", expired.prevNode().value());
    }
    assertEquals(404, etcd.get("/ttl/short").status());
  }

  @Test
  void stopWhileWritesGoOnReturnsPromptlyAndNoCallbackFollows() throws Exception {
    Recorder recorder = new Recorder();
    long start = etcd.mkdir("/stop").body().node().modifiedIndex();
    Watch watch = track(etcd.watch("/stop").recursive().fromIndex(start + 1).start(recorder));
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong written = new AtomicLong();
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                while (writing.get()) {
                  etcd.set("/stop/k" + (written.get() % 10), "v" + written.get());
                  written.incrementAndGet();
                }
              } catch (Throwable t) {
                writerFailure.set(t);
              }
            },
            "stop-writer");
    writer.start();
    try {
      assertTrue(recorder.awaitEvents(50, Duration.ofSeconds(10)), recorder::toString);

      long began = System.nanoTime();
      watch.stop();
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
      recorder.stopReturned.set(true);
      assertTrue(tookMillis < 2_000, "stop() took " + tookMillis + " ms");
      assertFalse(watch.isRunning());

      long writtenAtStop = written.get();
      assertTrue(
          Threads.await(() -> written.get() >= writtenAtStop + 200, Duration.ofSeconds(10)),
          "the writer stalled");
    } finally {
      writing.set(false);
      writer.join(10_000);
    }
    assertNull(writerFailure.get());
    assertEquals(List.of(), recorder.callbacksAfterStop(), "callbacks after stop() returned");
    long again = System.nanoTime();
    watch.stop(); // a second stop is harmless
    assertTrue(System.nanoTime() - again < TimeUnit.SECONDS.toNanos(2));
    assertFalse(watch.isRunning());
    assertTrue(
        Threads.await(() -> watchThreads("/stop").isEmpty(), Duration.ofSeconds(2)),
        () -> "the watch thread is still alive: " + watchThreads("/stop"));
  }

  @Test
  void stopDuringAQuietLongPollReturnsPromptlyAndEndsThePoll() {
    long baseline = Watchers.settled(etcd);
    Recorder recorder = new Recorder();
    Watch watch = track(etcd.watch("/quiet").recursive().pollTimeout(60).start(recorder));
    assertTrue(
        Threads.await(
            () -> etcd.statsStore().body().watchers() == baseline + 1, Duration.ofSeconds(5)),
        "the watch never reached etcd");

    long began = System.nanoTime();
    watch.stop();
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    assertTrue(tookMillis < 2_000, "stop() took " + tookMillis + " ms");
    assertFalse(watch.isRunning());
    assertTrue(
        Threads.await(() -> etcd.statsStore().body().watchers() == baseline, Duration.ofSeconds(5)),
        "the long poll stayed open on etcd after stop()");
    assertEquals(List.of(), recorder.events());
    assertEquals(List.of(), recorder.errors());
  }

  /**
   * The listener call outlasts the one second stop() waits for the thread: stop() must still wait
   * for it, however long it takes, since no callback may run once stop() has returned.
   */
  @Test
  void stopWaitsForAListenerCallThatIsRunning() throws Exception {
    AtomicBoolean inListener = new AtomicBoolean();
    CountDownLatch entered = new CountDownLatch(1);
    Recorder recorder =
        new Recorder(
            event -> {
              inListener.set(true);
              entered.countDown();
              long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
              while (System.nanoTime() < end) {
                try {
                  Thread.sleep(10);
                } catch (InterruptedException stopInterrupts) {
                  // this listener finishes its work regardless
                }
              }
              inListener.set(false);
            });
    long start = etcd.set("/busy/k", "0").body().node().modifiedIndex();
    Watch watch = track(etcd.watch("/busy").recursive().fromIndex(start + 1).start(recorder));
    etcd.set("/busy/k", "1");
    assertTrue(entered.await(10, TimeUnit.SECONDS));

    long began = System.nanoTime();
    watch.stop();
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    assertFalse(
        inListener.get(),
        "stop() returned after " + tookMillis + " ms while a listener call was still running");
    recorder.stopReturned.set(true);
    assertTrue(tookMillis < 3_500, "stop() took " + tookMillis + " ms for a 1.5 s listener call");
    assertFalse(watch.isRunning());
    etcd.set("/busy/k", "2");
    Threads.sleep(300);
    assertEquals(List.of(), recorder.callbacksAfterStop());
    assertEquals(1, recorder.events().size());
  }

  @Test
  void stopFromInsideTheListenerEndsTheWatch() {
    AtomicReference<Watch> self = new AtomicReference<>();
    Recorder recorder = new Recorder(event -> self.get().stop());
    long start = etcd.set("/selfstop/k", "0").body().node().modifiedIndex();
    self.set(track(etcd.watch("/selfstop").recursive().fromIndex(start + 1).start(recorder)));
    etcd.set("/selfstop/k", "1");
    assertTrue(recorder.awaitEvents(1, Duration.ofSeconds(10)));
    assertTrue(
        Threads.await(() -> watchThreads("/selfstop").isEmpty(), Duration.ofSeconds(3)),
        () -> "the watch thread did not end: " + watchThreads("/selfstop"));
    assertFalse(self.get().isRunning());
    etcd.set("/selfstop/k", "2");
    etcd.set("/selfstop/k", "3");
    Threads.sleep(300);
    assertEquals(1, recorder.events().size(), () -> "events after stop(): " + recorder.events());
  }

  @Test
  void listenerThatThrowsDoesNotEndTheWatch() {
    Recorder recorder =
        new Recorder(
            event -> {
              if (event.node().modifiedIndex() % 2 == 0) {
                throw new IllegalStateException("listener bug on " + event.node().modifiedIndex());
              }
            });
    assertSurvivesAThrowingListener("/throws", recorder);
  }

  /**
   * A Kotlin listener, or Java code rethrowing sneakily, can throw a checked exception such as
   * IOException from onEvent; the watch must survive that like any other listener failure.
   */
  @Test
  void listenerThatThrowsACheckedExceptionDoesNotEndTheWatch() {
    Recorder recorder =
        new Recorder(
            event -> {
              if (event.node().modifiedIndex() % 2 == 0) {
                throw new IOException("listener failed to store " + event.node().modifiedIndex());
              }
            });
    assertSurvivesAThrowingListener("/throwschecked", recorder);
  }

  private void assertSurvivesAThrowingListener(String dir, Recorder recorder) {
    long start = etcd.mkdir(dir).body().node().modifiedIndex();
    Watch watch = track(etcd.watch(dir).recursive().fromIndex(start + 1).start(recorder));
    List<Long> written = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      written.add(etcd.set(dir + "/k" + i, "v" + i).body().node().modifiedIndex());
    }
    long last = written.get(written.size() - 1);
    assertTrue(
        recorder.awaitIndex(last, Duration.ofSeconds(10)),
        () ->
            "events stopped after the listener threw: "
                + recorder.eventIndexes()
                + " of "
                + written
                + "; watch "
                + watch);
    assertEquals(written, recorder.eventIndexes());
    assertTrue(watch.isRunning(), watch::toString);
    long later = etcd.set(dir + "/later", "x").body().node().modifiedIndex();
    assertTrue(recorder.awaitIndex(later, Duration.ofSeconds(10)));
    assertEquals(List.of(), recorder.errors());
  }

  private static List<String> watchThreads(String key) {
    List<String> names = new ArrayList<>();
    for (Thread thread : Threads.live()) {
      if (thread.getName().equals("etcd-watch " + key) && thread.isAlive()) {
        names.add(thread.getName() + " " + thread.getState());
      }
    }
    return names;
  }

  /** Every key with a value below {@code node}, by full key. */
  static void flatten(Node node, Map<String, String> into) {
    if (node == null) return;
    if (!node.isDir()) {
      into.put(node.key(), node.rawValue());
      return;
    }
    for (Node child : node.nodes()) flatten(child, into);
  }

  /** Applies one watch event to a key -> raw value view. */
  static void apply(KeysResult event, Map<String, String> view) {
    Node node = event.node();
    switch (event.action()) {
      case "set", "create", "update", "compareAndSwap" -> {
        if (!node.isDir()) view.put(node.key(), node.rawValue());
      }
      case "delete", "expire", "compareAndDelete" -> {
        view.remove(node.key());
        view.keySet().removeIf(key -> key.startsWith(node.key() + "/"));
      }
      default -> throw new AssertionError("unexpected action in " + event);
    }
  }
}
