package io.etcdv2.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.contract.Overloads.Overload;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 408 entity for requests that run out of time, and {@link EtcdException} for every other
 * failure to get an answer.
 */
final class TimeoutAndFailureContractTest {
  @RegisterExtension final MockEtcd etcd = new MockEtcd();

  static List<Overload> overloads() {
    return Overloads.all();
  }

  @Test
  void clientTimeoutWithoutAnswerGives408() {
    EtcdClient client = etcd.client(b -> b.timeout(1));
    etcd.server().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    long start = System.nanoTime();
    EtcdResponse<KeysResult> response = client.get("/a");

    assertElapsedAbout(1000, start);
    assertTimeoutEntity(response);
  }

  @Test
  void clientTimeoutWhileBodyIsPendingGives408() {
    // Like an etcd watch: 200 and headers at once, the body when the event happens.
    EtcdClient client = etcd.client(b -> b.timeout(1));
    etcd.server().enqueue(watchAnswerAfter(1500));

    long start = System.nanoTime();
    EtcdResponse<KeysResult> response = client.wait("/a");

    assertElapsedAbout(1000, start);
    assertTimeoutEntity(response);
  }

  @Test
  void waitTimeoutArgumentShorterThanClientTimeoutGives408() {
    EtcdClient client = etcd.client(b -> b.timeout(10));
    etcd.server().enqueue(watchAnswerAfter(1500));

    long start = System.nanoTime();
    EtcdResponse<KeysResult> response = client.wait("/a", 5, 1);

    assertElapsedAbout(1000, start);
    assertTimeoutEntity(response);
    assertEquals("/v2/keys/a?wait=true&waitIndex=5", etcd.takeRequest().getPath());
  }

  @Test
  void waitdirTimeoutArgumentShorterThanClientTimeoutGives408() {
    EtcdClient client = etcd.client(b -> b.timeout(10));
    etcd.server().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    long start = System.nanoTime();
    EtcdResponse<KeysResult> response = client.waitdir("/d", 5, 1);

    assertElapsedAbout(1000, start);
    assertTimeoutEntity(response);
  }

  @Test
  void waitWithTimeoutZeroOutlastsTheClientTimeout() {
    EtcdClient client = etcd.client(b -> b.timeout(1));
    etcd.server().enqueue(watchAnswerAfter(1500));

    long start = System.nanoTime();
    EtcdResponse<KeysResult> response = client.wait("/a", 7, 0);

    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(elapsedMillis >= 1400, "answered after " + elapsedMillis + " ms");
    assertEquals(200, response.status());
    assertFalse(response.isTimeout());
    assertEquals("abc", response.body().node().value());
  }

  @Test
  void timeoutOnRawApiCallGives408() {
    etcd.server().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    long start = System.nanoTime();
    EtcdResponse<KeysResult> response =
        etcd.client().api().getKey("/a", null, null, null, true, null).timeout(1).execute();

    assertElapsedAbout(1000, start);
    assertTimeoutEntity(response);
  }

  @Test
  void enqueuedCallThatTimesOutReports408ToOnResponse() throws Exception {
    EtcdClient client = etcd.client(b -> b.timeout(1));
    etcd.server().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    CompletableFuture<Object> outcome = new CompletableFuture<>();

    client.api().getKey("/a", null, null, null, null, null).enqueue(recordTo(outcome));

    Object result = outcome.get(3, TimeUnit.SECONDS);
    assertInstanceOf(EtcdResponse.class, result);
    assertTimeoutEntity((EtcdResponse<?>) result);
  }

  @Test
  void refusedConnectionFailsNamingHostAndOperation() {
    String host = "http://127.0.0.1:" + MockEtcd.closedPort();
    EtcdClient client = etcd.track(EtcdClient.builder().host(host).build());

    EtcdException e = assertThrows(EtcdException.class, () -> client.set("/a", "abc"));

    assertEquals("set", e.operation());
    assertEquals(host, e.host());
    assertTrue(e.getMessage().startsWith("etcd set on " + host + " failed: "), e.getMessage());
    assertInstanceOf(ConnectException.class, e.getCause());
  }

  @Test
  void shutDownServerFailsNamingHostAndOperation() throws Exception {
    EtcdClient client = etcd.client();
    String host = etcd.host();
    etcd.server().shutdown();

    EtcdException e = assertThrows(EtcdException.class, () -> client.mkdirnx("/d"));

    assertEquals("mkdirnx", e.operation());
    assertEquals(host, e.host());
    assertTrue(e.getMessage().startsWith("etcd mkdirnx on " + host + " failed: "), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overloads")
  void everyOverloadNamesItsOperation(Overload overload) {
    String host = "http://127.0.0.1:" + MockEtcd.closedPort();
    EtcdClient client = etcd.track(EtcdClient.builder().host(host).build());

    EtcdException e = assertThrows(EtcdException.class, () -> overload.call(client, "/k"));

    assertEquals(overload.operation(), e.operation());
    assertEquals(host, e.host());
  }

  @Test
  void rawApiCallIsNamedAfterItsMethod() {
    String host = "http://127.0.0.1:" + MockEtcd.closedPort();
    EtcdClient client = etcd.track(EtcdClient.builder().host(host).build());

    EtcdException e =
        assertThrows(
            EtcdException.class,
            () ->
                client
                    .api()
                    .putKey("/raw", "x", null, null, null, null, null, null, null)
                    .execute());

    assertEquals("putKey", e.operation());
    assertTrue(e.getMessage().startsWith("etcd putKey on " + host + " failed: "), e.getMessage());
  }

  @Test
  void connectionClosedWithoutAnswerFails() {
    etcd.server()
        .enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    etcd.server()
        .enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.client().get("/a"));

    assertEquals("get", e.operation());
    assertEquals(etcd.host(), e.host());
  }

  @Test
  void writeWhoseConnectionDropsAfterTheRequestIsNotSentAgain() {
    // The first exchange leaves a pooled keep-alive connection; the push then reaches the server,
    // which drops the connection without answering. etcd may have applied the push: sending it
    // again would create a second in-order key (or turn a setnx success into a 412).
    etcd.enqueueOk();
    etcd.server()
        .enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    etcd.enqueueOk();
    etcd.client().get("/a");

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.client().push("/q", "job"));

    assertEquals("push", e.operation());
    etcd.assertRequestCount(2);
  }

  @Test
  void interruptedCallerGetsAFailureNotATimeout() {
    etcd.enqueueOk();
    Thread.currentThread().interrupt();
    try {
      EtcdException e = assertThrows(EtcdException.class, () -> etcd.client().get("/a"));

      assertEquals("get", e.operation());
      assertTrue(Thread.currentThread().isInterrupted(), "interrupt status kept");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void ipv6HostIsNamedAsAUrl() {
    int port = MockEtcd.closedPort();
    EtcdClient client = etcd.track(EtcdClient.builder().host("http://[::1]:" + port).build());

    EtcdException e = assertThrows(EtcdException.class, () -> client.get("/a"));

    assertEquals("http://[::1]:" + port, e.host());
    assertTrue(
        e.getMessage().startsWith("etcd get on http://[::1]:" + port + " failed: "),
        e.getMessage());
  }

  @Test
  void cancelledCallFailsRatherThanTimingOut() throws Exception {
    etcd.server().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    EtcdCall<KeysResult> call = etcd.client().api().getKey("/a", null, null, null, true, null);

    CompletableFuture<EtcdResponse<KeysResult>> running =
        CompletableFuture.supplyAsync(call::execute);
    etcd.takeRequest(); // the request is on the wire and unanswered
    call.cancel();

    ExecutionException e =
        assertThrows(ExecutionException.class, () -> running.get(2, TimeUnit.SECONDS));
    EtcdException failure = assertInstanceOf(EtcdException.class, e.getCause());
    assertEquals("getKey", failure.operation());
    assertEquals(etcd.host(), failure.host());
    assertEquals(
        "etcd getKey on " + etcd.host() + " failed: call was cancelled", failure.getMessage());
    assertTrue(call.isCanceled());
  }

  @Test
  void callCancelledBeforeExecuteFailsWithoutSending() {
    EtcdCall<KeysResult> call = etcd.client().api().getKey("/a", null, null, null, null, null);
    call.cancel();

    EtcdException e = assertThrows(EtcdException.class, call::execute);

    assertEquals("etcd getKey on " + etcd.host() + " failed: call was cancelled", e.getMessage());
    etcd.assertRequestCount(0);
  }

  @Test
  void cancelledEnqueuedCallReportsOnFailure() throws Exception {
    etcd.server().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    EtcdCall<KeysResult> call = etcd.client().api().getKey("/a", null, null, null, true, null);

    call.enqueue(recordTo(outcome));
    etcd.takeRequest();
    call.cancel();

    Object result = outcome.get(2, TimeUnit.SECONDS);
    EtcdException failure = assertInstanceOf(EtcdException.class, result);
    assertEquals(
        "etcd getKey on " + etcd.host() + " failed: call was cancelled", failure.getMessage());
  }

  @Test
  void negativeTimeoutSecondsIsRejectedBeforeSending() {
    IllegalArgumentException wait =
        assertThrows(IllegalArgumentException.class, () -> etcd.client().wait("/a", 1, -1));
    IllegalArgumentException waitdir =
        assertThrows(IllegalArgumentException.class, () -> etcd.client().waitdir("/a", 1, -5));

    assertEquals(
        "timeoutSeconds must be 0 (no limit) or more seconds but was -1", wait.getMessage());
    assertEquals(
        "timeoutSeconds must be 0 (no limit) or more seconds but was -5", waitdir.getMessage());
    etcd.assertRequestCount(0);
  }

  @Test
  void negativeBuilderTimeoutIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EtcdClient.builder().timeout(-1));

    assertEquals("timeout must be 0 (no limit) or more seconds but was -1", e.getMessage());
  }

  /**
   * A watch answer as etcd sends it: status, headers and all but the last byte of the body at once
   * (MockWebServer flushes them with the first throttled chunk), the last byte after {@code
   * millis}.
   */
  private static MockResponse watchAnswerAfter(long millis) {
    return MockEtcd.json(200, MockEtcd.SET_BODY)
        .throttleBody(MockEtcd.SET_BODY.length() - 1, millis, TimeUnit.MILLISECONDS);
  }

  private static void assertTimeoutEntity(EtcdResponse<?> response) {
    assertEquals(408, response.status());
    assertTrue(response.isTimeout());
    assertFalse(response.isSuccessful());
    assertEquals(0, response.headers().size());
    assertNull(response.body());
    assertNull(response.error());
    assertNull(response.text());
    assertEquals(-1, response.etcdIndex());
  }

  /** Asserts that about {@code expectedMillis} passed since {@code startNanos}, not much less. */
  private static void assertElapsedAbout(long expectedMillis, long startNanos) {
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    assertTrue(
        elapsed >= expectedMillis - 100 && elapsed < expectedMillis + 1500,
        "took " + elapsed + " ms, expected about " + expectedMillis);
  }

  private static <T> EtcdCallback<T> recordTo(CompletableFuture<Object> outcome) {
    return new EtcdCallback<T>() {
      @Override
      public void onResponse(EtcdCall<T> call, EtcdResponse<T> response) {
        outcome.complete(response);
      }

      @Override
      public void onFailure(EtcdCall<T> call, EtcdException failure) {
        outcome.complete(failure);
      }
    };
  }
}
