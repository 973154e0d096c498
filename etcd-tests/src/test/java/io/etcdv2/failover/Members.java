package io.etcdv2.failover;

import io.etcdv2.EtcdClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Three MockWebServers standing in for the members of one cluster, started before each test on
 * 127.0.0.1 and shut down after it with every client made from them.
 */
final class Members implements BeforeEachCallback, AfterEachCallback {
  static final String SET_BODY =
      "{\"action\":\"set\",\"node\":{\"key\":\"/a\",\"value\":\"\\\"abc\\\"\","
          + "\"modifiedIndex\":7,\"createdIndex\":7}}\n";

  private final List<MockWebServer> servers = new ArrayList<>();
  private final List<EtcdClient> clients = new ArrayList<>();

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    for (int i = 0; i < 3; i++) {
      MockWebServer server = new MockWebServer();
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      servers.add(server);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    for (EtcdClient client : clients) client.close();
    for (MockWebServer server : servers) server.shutdown();
  }

  MockWebServer server(int i) {
    return servers.get(i);
  }

  /** {@code http://127.0.0.1:PORT} of member {@code i}. */
  String url(int i) {
    return "http://127.0.0.1:" + servers.get(i).getPort();
  }

  /** A client with all three members as endpoints, in order, plus {@code options}. */
  EtcdClient client(UnaryOperator<EtcdClient.Builder> options) {
    return track(options.apply(EtcdClient.builder().endpoints(url(0), url(1), url(2))).build());
  }

  EtcdClient track(EtcdClient client) {
    clients.add(client);
    return client;
  }

  /** Member {@code i}'s port closed: connections to it are refused. */
  String shutDown(int i) {
    String url = url(i);
    try {
      servers.get(i).shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return url;
  }

  void enqueueOk(int i) {
    servers.get(i).enqueue(json(200, SET_BODY));
  }

  static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Etcd-Index", "7")
        .setBody(body);
  }

  static MockResponse requestTimedOut() {
    return json(
        500,
        "{\"errorCode\":300,\"message\":\"Raft Internal Error\","
            + "\"cause\":\"etcdserver: request timed out\",\"index\":0}\n");
  }
}
