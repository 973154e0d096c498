package io.etcdv2.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.etcdv2.EtcdClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer standing in for one etcd member, started before each test on 127.0.0.1 and shut
 * down after it together with every client made from it. Register it with {@code @RegisterExtension
 * final MockEtcd etcd = new MockEtcd();}.
 */
final class MockEtcd implements BeforeEachCallback, AfterEachCallback {
  /** A successful keys answer, as real etcd sends it (trailing newline included). */
  static final String SET_BODY =
      "{\"action\":\"set\",\"node\":{\"key\":\"/a\",\"value\":\"\\\"abc\\\"\","
          + "\"modifiedIndex\":7,\"createdIndex\":7}}\n";

  private final List<EtcdClient> clients = new ArrayList<>();
  private MockWebServer server;
  private EtcdClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    for (EtcdClient c : clients) c.close();
    clients.clear();
    client = null;
    server.shutdown();
  }

  MockWebServer server() {
    return server;
  }

  /** The server as the client names it in errors: {@code http://127.0.0.1:PORT}. */
  String host() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** A client with the defaults, pointed at the server. */
  EtcdClient client() {
    if (client == null) client = client(b -> b);
    return client;
  }

  /** A client pointed at the server, with more options; closed after the test. */
  EtcdClient client(UnaryOperator<EtcdClient.Builder> options) {
    return track(options.apply(EtcdClient.builder().host(host())).build());
  }

  /** Closes {@code client} after the test. */
  EtcdClient track(EtcdClient client) {
    clients.add(client);
    return client;
  }

  /** Queues a JSON answer with etcd's headers. */
  void enqueueJson(int status, String body) {
    server.enqueue(json(status, body));
  }

  /** Queues a {@code 200 set} answer, for tests that only look at the request. */
  void enqueueOk() {
    enqueueJson(200, SET_BODY);
  }

  static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Etcd-Cluster-Id", "cdf818194e3a8c32")
        .setHeader("X-Etcd-Index", "7")
        .setBody(body);
  }

  /** The next request the server received; fails if none arrived within a second. */
  RecordedRequest takeRequest() {
    try {
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      assertNotNull(request, "the server received no request");
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Fails unless the server has received exactly {@code count} requests so far. */
  void assertRequestCount(int count) {
    assertEquals(count, server.getRequestCount(), "requests the server received");
  }

  /** A port on 127.0.0.1 that nothing listens on. */
  static int closedPort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
