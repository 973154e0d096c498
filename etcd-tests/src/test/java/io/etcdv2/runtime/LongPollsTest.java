package io.etcdv2.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Long polls on a connection pool of their own, every other call on the client's. */
final class LongPollsTest {
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient calls = new OkHttpClient();

  @AfterEach
  void shutDown() throws IOException {
    calls.connectionPool().evictAll();
    server.shutdown();
  }

  @Test
  void aLongPollIsARequestWithWaitTrue() {
    HttpUrl base = HttpUrl.get("http://127.0.0.1:2379/v2/keys/");
    assertTrue(LongPolls.isLongPoll(get(base.resolve("a?wait=true"))));
    assertTrue(LongPolls.isLongPoll(get(base.resolve("a?recursive=true&wait=true&waitIndex=7"))));
    assertFalse(LongPolls.isLongPoll(get(base.resolve("a"))));
    assertFalse(LongPolls.isLongPoll(get(base.resolve("a?wait=false"))));
    assertFalse(LongPolls.isLongPoll(get(base.resolve("wait?quorum=true"))), "a key named wait");
    assertFalse(LongPolls.isLongPoll(get(base.resolve("a?waited=true"))));
  }

  @Test
  void longPollsLeaveTheClientsPoolToOtherCalls() throws Exception {
    LongPolls factory = new LongPolls(calls);
    for (int i = 0; i < 3; i++) server.enqueue(new MockResponse().setBody("{}"));

    send(factory, "/v2/keys/a");
    assertEquals(1, calls.connectionPool().connectionCount(), "a get uses the client's pool");
    send(factory, "/v2/keys/a?wait=true&waitIndex=5");
    send(factory, "/v2/keys/a?wait=true&waitIndex=6");
    assertEquals(1, calls.connectionPool().connectionCount(), "the long polls used another");
    assertEquals(1, calls.connectionPool().idleConnectionCount());
    // Two connections in all: the get's, and the polls' which the second poll reused.
    assertEquals(0, server.takeRequest().getSequenceNumber());
    assertEquals(0, server.takeRequest().getSequenceNumber());
    assertEquals(1, server.takeRequest().getSequenceNumber());
  }

  private void send(LongPolls factory, String path) throws IOException {
    try (Response response = factory.newCall(get(server.url(path))).execute()) {
      assertEquals("{}", response.body().string());
    }
  }

  private static Request get(HttpUrl url) {
    return new Request.Builder().url(url).build();
  }
}
