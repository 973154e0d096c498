package io.etcdv2.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.Watch;
import io.etcdv2.runtime.WatchListener;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers a broken or hostile server may send, and what the client makes of them. */
final class HostileServerContractTest {
  private MockWebServer server;
  private EtcdClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    if (client != null) client.close();
    server.shutdown();
  }

  private String host() {
    return "http://127.0.0.1:" + server.getPort();
  }

  private EtcdClient client(long maxResponseBytes) {
    client = EtcdClient.builder().host(host()).maxResponseBytes(maxResponseBytes).build();
    return client;
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  private static Buffer bytes(long size) {
    Buffer buffer = new Buffer();
    byte[] chunk = new byte[8192];
    java.util.Arrays.fill(chunk, (byte) ' ');
    for (long left = size; left > 0; left -= chunk.length) {
      buffer.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
    return buffer;
  }

  @Test
  void bodyOverTheLimitWithContentLengthFailsNamingSizeAndLimit() {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(bytes(2 * 1024 * 1024)));

    EtcdException e = assertThrows(EtcdException.class, () -> client(1024 * 1024).get("/big"));

    assertEquals(
        "etcd get on "
            + host()
            + " failed: "
            + host()
            + " answered 200 with a body of"
            + " 2097152 bytes, over maxResponseBytes (1048576 bytes); raise maxResponseBytes or read"
            + " less at a time (a smaller directory, not recursive)",
        e.getMessage());
  }

  @Test
  void chunkedBodyOverTheLimitFailsOnceItPassesTheLimit() {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setChunkedBody(bytes(3 * 1024 * 1024), 64 * 1024));

    EtcdException e = assertThrows(EtcdException.class, () -> client(1024 * 1024).get("/big"));

    assertTrue(
        e.getMessage()
            .endsWith(
                "answered 200 with a body of more than 1048576 bytes,"
                    + " over maxResponseBytes (1048576 bytes); raise maxResponseBytes or read less at a time"
                    + " (a smaller directory, not recursive)"),
        e.getMessage());
  }

  @Test
  void futureOfABodyOverTheLimitCompletesExceptionally() {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(bytes(2 * 1024 * 1024)));

    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> client(1024 * 1024).async().get("/big").future().get(5, TimeUnit.SECONDS));

    assertInstanceOf(EtcdException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("over maxResponseBytes"), e.getMessage());
  }

  @Test
  void defaultLimitIs64MiB() {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(bytes(64L * 1024 * 1024 + 1)));
    client = EtcdClient.builder().host(host()).build();

    EtcdException e = assertThrows(EtcdException.class, () -> client.get("/big"));

    assertTrue(
        e.getMessage()
            .contains("a body of 67108865 bytes, over maxResponseBytes" + " (67108864 bytes)"),
        e.getMessage());
  }

  /** Counts polls, answering each with {@code answer}. */
  private static final class Repeating extends Dispatcher {
    final MockResponse answer;
    final AtomicInteger requests = new AtomicInteger();

    Repeating(MockResponse answer) {
      this.answer = answer;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.incrementAndGet();
      return answer.clone();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "{}", "<html><body>Please log in</body></html>"})
  void watchAnsweredWithoutAnEventBacksOffAndSaysSo(String body) throws Exception {
    MockResponse answer =
        body.startsWith("<")
            ? new MockResponse().setHeader("Content-Type", "text/html").setBody(body)
            : json(body);
    Repeating dispatcher = new Repeating(answer);
    server.setDispatcher(dispatcher);
    List<String> reports = new CopyOnWriteArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    client = EtcdClient.builder().host(host()).build();

    Watch watch =
        client
            .watch("/w")
            .fromIndex(1)
            .start(
                new WatchListener() {
                  @Override
                  public void onEvent(KeysResult event) {}

                  @Override
                  public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {}

                  @Override
                  public void onError(Throwable error) {
                    errors.add(error);
                  }

                  @Override
                  public void onRetrying(Throwable problem, int failuresInARow) {
                    reports.add(failuresInARow + " " + problem.getMessage());
                  }
                });
    Thread.sleep(3_000);
    watch.stop();

    // Before: 21,600-31,000 polls in 3 s. Backing off 100 ms doubling to 5 s allows about 7.
    int polls = dispatcher.requests.get();
    assertTrue(polls <= 12, polls + " polls in 3 s");
    assertTrue(polls >= 3, polls + " polls in 3 s");
    assertTrue(errors.isEmpty(), "the watch goes on: " + errors);
    assertTrue(!reports.isEmpty() && reports.get(0).startsWith("3 etcd "), reports.toString());
  }

  @Test
  void errorBodyOfTheWrongShapeSaysItIsNotAnEtcdError() {
    server.enqueue(json("{\"errorCode\":\"abc\"}").setResponseCode(404));

    EtcdException e = assertThrows(EtcdException.class, () -> client(1 << 20).get("/a"));

    assertTrue(
        e.getMessage()
            .contains(
                "answered 404 with an error body that is not etcd's error"
                    + " JSON ({\"errorCode\", \"message\", \"cause\", \"index\"}): Expected an int but was"
                    + " abc at path $.errorCode"),
        e.getMessage());
  }

  @Test
  void validJsonOfTheWrongShapeSaysSoAndMalformedJsonSaysThat() {
    server.enqueue(json("{\"action\":\"get\",\"node\":[1,2]}"));
    server.enqueue(json("{\"action\":"));

    EtcdException shape = assertThrows(EtcdException.class, () -> client(1 << 20).get("/a"));
    EtcdException malformed = assertThrows(EtcdException.class, () -> client.get("/a"));

    assertTrue(
        shape.getMessage().contains("answered 200 with JSON that does not match" + " KeysResult: "),
        shape.getMessage());
    assertTrue(
        malformed
            .getMessage()
            .contains(
                "answered 200 with a body that is not valid JSON"
                    + " although its Content-Type says so"),
        malformed.getMessage());
  }

  @Test
  void unparseableIndexHeaderReadsAsMinusOne() {
    server.enqueue(
        json("{\"action\":\"get\",\"node\":{\"key\":\"/a\",\"value\":\"1\"}}")
            .setHeader("X-Etcd-Index", "abc"));

    EtcdResponse<KeysResult> response = client(1 << 20).get("/a");

    assertEquals(-1, response.etcdIndex(), "documented: -1 when absent or not a number");
  }

  @Test
  void toStringLabelsTextAsText() {
    server.enqueue(new MockResponse().setResponseCode(404).setBody("404 page not found\n"));

    EtcdResponse<KeysResult> response = client(1 << 20).get("/a");

    assertNull(response.body());
    assertTrue(response.toString().contains("text=404 page not found"), response.toString());
    assertTrue(!response.toString().contains("body="), response.toString());
  }
}
