package io.etcdv2.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.testing.EtcdExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Asynchronous calls against a real etcd (and a bare socket where the server side must be
 * observed): callbacks off the caller's thread, futures that complete, cancellation that reaches
 * the server, failures as EtcdException, and long polls that do not starve other calls.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AsyncCallTest {
  @RegisterExtension static final EtcdExtension server = EtcdExtension.singleNode();

  private EtcdClient etcd;

  @BeforeEach
  void newClient(TestInfo test) {
    etcd =
        EtcdClient.builder()
            .host(server.endpoints().get(0))
            .prefix("/" + test.getTestMethod().orElseThrow().getName())
            .build();
  }

  @AfterEach
  void closeClient() {
    etcd.close();
  }

  /** Records the one outcome of an enqueued call and the thread it came on. */
  static final class Outcome<T> implements EtcdCallback<T> {
    final CountDownLatch done = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    volatile EtcdResponse<T> response;
    volatile EtcdException failure;
    volatile Thread thread;

    @Override
    public void onResponse(EtcdCall<T> call, EtcdResponse<T> response) {
      this.thread = Thread.currentThread();
      this.response = response;
      calls.incrementAndGet();
      done.countDown();
    }

    @Override
    public void onFailure(EtcdCall<T> call, EtcdException failure) {
      this.thread = Thread.currentThread();
      this.failure = failure;
      calls.incrementAndGet();
      done.countDown();
    }

    void await() throws InterruptedException {
      assertTrue(done.await(10, TimeUnit.SECONDS), "the callback never came");
    }
  }

  @Test
  void enqueueReportsOnAnotherThreadThanTheCallers() throws Exception {
    Outcome<KeysResult> set = new Outcome<>();
    etcd.async().set("/k", "v").enqueue(set);
    set.await();
    assertNull(set.failure);
    assertEquals(201, set.response.status());
    assertNotSame(Thread.currentThread(), set.thread);

    Outcome<KeysResult> get = new Outcome<>();
    etcd.async().get("/k").enqueue(get);
    get.await();
    assertEquals("v", get.response.body().node().value());
    assertNotSame(Thread.currentThread(), get.thread);

    Outcome<KeysResult> built = new Outcome<>();
    etcd.requests().putKey("/built").value("b").prevExist(false).call().enqueue(built);
    built.await();
    assertEquals(201, built.response.status(), () -> built.response.toString());
    assertEquals("create", built.response.body().action());
    assertNotSame(Thread.currentThread(), built.thread);

    Outcome<KeysResult> missing = new Outcome<>();
    etcd.async().delete("/missing").enqueue(missing);
    missing.await();
    assertEquals(404, missing.response.status(), "an etcd error is a response, not a failure");
    assertEquals(100, missing.response.error().errorCode());
    Threads.sleep(100);
    for (Outcome<?> outcome : List.of(set, get, built, missing))
      assertEquals(1, outcome.calls.get());
  }

  @Test
  void futuresComplete() throws Exception {
    EtcdResponse<KeysResult> set = etcd.async().set("/f", 42).future().get(10, TimeUnit.SECONDS);
    assertEquals(201, set.status());
    EtcdResponse<KeysResult> got = etcd.async().get("/f").future().get(10, TimeUnit.SECONDS);
    assertEquals(42.0, got.body().node().value());
    EtcdResponse<KeysResult> built =
        etcd.requests().getKey("/f").quorum(true).call().future().get(10, TimeUnit.SECONDS);
    assertEquals(set.body().node().modifiedIndex(), built.body().node().modifiedIndex());
    EtcdResponse<KeysResult> pushed =
        etcd.async().push("/queue", "job").future().get(10, TimeUnit.SECONDS);
    assertEquals(201, pushed.status());
    assertEquals("create", pushed.body().action());

    long next = set.body().node().modifiedIndex() + 1;
    CompletableFuture<EtcdResponse<KeysResult>> waited = etcd.async().wait("/f", next, 0).future();
    Threads.sleep(200);
    assertFalse(waited.isDone(), "a wait completed before any change");
    etcd.set("/f", 43);
    EtcdResponse<KeysResult> event = waited.get(10, TimeUnit.SECONDS);
    assertEquals(43.0, event.body().node().value());
  }

  @Test
  void asyncWaitThatRunsOutOfTimeCompletesWithThe408Entity() throws Exception {
    long next = etcd.set("/quiet", "v").body().node().modifiedIndex() + 1;
    long began = System.nanoTime();
    EtcdResponse<KeysResult> response =
        etcd.async().wait("/quiet", next, 1).future().get(10, TimeUnit.SECONDS);
    assertTrue(response.isTimeout(), response::toString);
    assertEquals(408, response.status());
    assertTrue(System.nanoTime() - began >= TimeUnit.MILLISECONDS.toNanos(900));
  }

  /**
   * Cancelling must win over the failure that cancelling the HTTP call causes on the dispatcher
   * thread: the future reports cancelled every time. A hundred in flight at once, half from the
   * convenience and half from the request builder, so that a race shows.
   */
  @Test
  void cancellingTheFutureOfALongWaitCancelsTheHttpCall() throws Exception {
    long next = etcd.set("/long", "v").body().node().modifiedIndex() + 1;
    long baseline = Watchers.settled(etcd);
    List<CompletableFuture<EtcdResponse<KeysResult>>> futures = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      futures.add(etcd.async().wait("/long", next, 0).future());
      futures.add(
          etcd.requests().getKey("/long").wait(true).waitIndex(next).timeout(0).call().future());
    }
    assertTrue(
        Threads.await(
            () -> etcd.statsStore().body().watchers() == baseline + 100, Duration.ofSeconds(10)),
        "the waits never all reached etcd");

    List<String> notCancelled = new ArrayList<>();
    for (CompletableFuture<EtcdResponse<KeysResult>> future : futures) {
      boolean cancelled = future.cancel(true);
      if (!cancelled || !future.isCancelled()) {
        notCancelled.add(
            "cancel() = "
                + cancelled
                + ", isCancelled() = "
                + future.isCancelled()
                + ", outcome "
                + outcome(future));
      }
    }
    assertEquals(List.of(), notCancelled, "futures that did not report their cancellation");
    for (CompletableFuture<EtcdResponse<KeysResult>> future : futures) {
      assertThrows(CancellationException.class, () -> future.get(1, TimeUnit.SECONDS));
    }
    assertTrue(
        Threads.await(() -> etcd.statsStore().body().watchers() == baseline, Duration.ofSeconds(5)),
        () ->
            "etcd still holds "
                + (etcd.statsStore().body().watchers() - baseline)
                + " cancelled waits");

    // The key still works, and a wait on it is answered as usual.
    CompletableFuture<EtcdResponse<KeysResult>> answered =
        etcd.async().wait("/long", next, 0).future();
    assertTrue(
        Threads.await(
            () -> etcd.statsStore().body().watchers() == baseline + 1, Duration.ofSeconds(5)));
    etcd.set("/long", "w");
    assertEquals("w", answered.get(10, TimeUnit.SECONDS).body().node().value());
  }

  private static String outcome(CompletableFuture<?> future) {
    try {
      return String.valueOf(future.getNow(null));
    } catch (RuntimeException e) {
      StringBuilder causes = new StringBuilder(e.toString());
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) causes.append(" <- ").append(t);
      return causes.toString();
    }
  }

  @Test
  void cancellingAFutureClosesTheConnectionTheServerSees() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        EtcdClient client =
            EtcdClient.builder().host("http://127.0.0.1:" + listener.getLocalPort()).build()) {
      listener.setSoTimeout(10_000);
      CompletableFuture<EtcdResponse<KeysResult>> future = client.async().wait("/k", 5, 0).future();
      try (Socket accepted = listener.accept()) {
        accepted.setSoTimeout(10_000);
        InputStream in = accepted.getInputStream();
        String head = readHead(in);
        assertTrue(head.startsWith("GET /v2/keys/k?wait=true&waitIndex=5 "), head);

        assertTrue(future.cancel(true), () -> "not cancelled: " + outcome(future));
        assertTrue(future.isCancelled());
        long began = System.nanoTime();
        assertEquals(-1, in.read(), "the server should see the connection closed");
        assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(5));
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) break;
      head.append((char) b);
    }
    return new String(
        head.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  @Test
  void cancellingAnEnqueuedCallReportsAFailure() throws Exception {
    long next = etcd.set("/c", "v").body().node().modifiedIndex() + 1;
    long baseline = Watchers.settled(etcd);
    EtcdCall<KeysResult> call = etcd.async().wait("/c", next, 0);
    Outcome<KeysResult> outcome = new Outcome<>();
    call.enqueue(outcome);
    assertTrue(
        Threads.await(
            () -> etcd.statsStore().body().watchers() == baseline + 1, Duration.ofSeconds(5)));
    call.cancel();
    outcome.await();
    assertTrue(call.isCanceled());
    assertNull(outcome.response, "a cancelled call is not a response (nor a 408)");
    assertInstanceOf(EtcdException.class, outcome.failure);
    assertTrue(outcome.failure.getMessage().contains("cancel"), outcome.failure::getMessage);
  }

  @Test
  void refusedConnectionCompletesExceptionallyWithEtcdException() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (EtcdClient refused = EtcdClient.builder().host("http://127.0.0.1:" + port).build()) {
      CompletableFuture<EtcdResponse<KeysResult>> future = refused.async().get("/k").future();
      ExecutionException thrown =
          assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
      assertInstanceOf(EtcdException.class, thrown.getCause());
      EtcdException failure = (EtcdException) thrown.getCause();
      assertEquals("http://127.0.0.1:" + port, failure.host());
      assertEquals("get", failure.operation());
      assertTrue(future.isCompletedExceptionally());
      assertFalse(future.isCancelled());

      Outcome<KeysResult> outcome = new Outcome<>();
      refused.async().set("/k", "v").enqueue(outcome);
      outcome.await();
      assertNull(outcome.response);
      assertEquals("set", outcome.failure.operation());
      assertNotSame(Thread.currentThread(), outcome.thread);

      CompletableFuture<EtcdResponse<KeysResult>> built =
          refused.requests().deleteKey("/k").call().future();
      ExecutionException builtThrown =
          assertThrows(ExecutionException.class, () -> built.get(10, TimeUnit.SECONDS));
      assertInstanceOf(EtcdException.class, builtThrown.getCause());
    }
  }

  @Test
  void longPollsDoNotStarveOtherCalls() throws Exception {
    long next = etcd.mkdir("/waits").body().node().modifiedIndex() + 1;
    long baseline = Watchers.settled(etcd);
    List<EtcdCall<KeysResult>> waits = new ArrayList<>();
    List<Outcome<KeysResult>> outcomes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      EtcdCall<KeysResult> wait = etcd.async().wait("/waits/w" + i, next, 0);
      Outcome<KeysResult> outcome = new Outcome<>();
      wait.enqueue(outcome);
      waits.add(wait);
      outcomes.add(outcome);
    }
    try {
      assertTrue(
          Threads.await(
              () -> etcd.statsStore().body().watchers() == baseline + 200, Duration.ofSeconds(15)),
          () ->
              "only "
                  + (etcd.statsStore().body().watchers() - baseline)
                  + " of 200 asynchronous waits reached etcd");

      long began = System.nanoTime();
      List<CompletableFuture<EtcdResponse<KeysResult>>> sets = new ArrayList<>();
      for (int i = 0; i < 50; i++) sets.add(etcd.async().set("/sets/s" + i, i).future());
      CompletableFuture<EtcdResponse<KeysResult>> get = etcd.async().get("/waits").future();
      CompletableFuture.allOf(sets.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
      assertEquals(200, get.get(10, TimeUnit.SECONDS).status());
      for (CompletableFuture<EtcdResponse<KeysResult>> set : sets) {
        assertEquals(201, set.get().status());
      }
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
      assertTrue(tookMillis < 10_000, "50 sets took " + tookMillis + " ms");

      for (Outcome<KeysResult> outcome : outcomes) {
        assertEquals(1, outcome.done.getCount(), "a wait ended without a change to its key");
      }
      // And the waits still work: a change to one of them answers it.
      etcd.set("/waits/w7", "now");
      outcomes.get(7).await();
      assertEquals("now", outcomes.get(7).response.body().node().value());
    } finally {
      for (EtcdCall<KeysResult> wait : waits) wait.cancel();
    }
    for (Outcome<KeysResult> outcome : outcomes) outcome.await();
    assertTrue(
        Threads.await(
            () -> etcd.statsStore().body().watchers() == baseline, Duration.ofSeconds(10)),
        "etcd still holds cancelled waits");
  }

  @Test
  void asyncCallOnAClosedClientFailsWithoutInterruptingTheCaller() throws Exception {
    EtcdClient closed = EtcdClient.builder().host(server.endpoints().get(0)).build();
    assertEquals(200, closed.async().get("/").future().get(10, TimeUnit.SECONDS).status());
    closed.close();

    Throwable failure = null;
    CompletableFuture<EtcdResponse<KeysResult>> future;
    try {
      future = closed.async().get("/").future();
    } finally {
      // Thread.interrupted() also clears the flag, so that nothing else here is disturbed.
      assertFalse(Thread.interrupted(), "an asynchronous call interrupted its caller's thread");
    }
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      failure = e.getCause();
    }
    assertInstanceOf(
        EtcdException.class, failure, "a call on a closed client fails with EtcdException");
  }
}
