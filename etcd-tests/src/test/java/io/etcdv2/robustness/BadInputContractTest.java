package io.etcdv2.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.UserRequest;
import io.etcdv2.example.registry.RegistryClient;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input is refused before anything is sent, with the argument and the rule named. */
final class BadInputContractTest {
  private static final String SET_BODY =
      "{\"action\":\"set\",\"node\":{\"key\":\"/a\","
          + "\"value\":\"1\",\"modifiedIndex\":7,\"createdIndex\":7}}\n";

  private MockWebServer server;
  private EtcdClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = EtcdClient.builder().host(host()).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private String host() {
    return "http://127.0.0.1:" + server.getPort();
  }

  private void assertRefusedBeforeSending(String message, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(message, e.getMessage());
    assertEquals(0, server.getRequestCount(), "nothing sent");
  }

  @Test
  void loneSurrogatesAreRefusedInKeysValuesPrefixesAndSegments() {
    // Both would have been sent as "/a?", the second overwriting the first.
    assertRefusedBeforeSending(
        "key has a lone UTF-16 surrogate \\uD800 at index 2, which UTF-8"
            + " cannot encode (it would be sent as '?'); pass well-formed text",
        () -> client.set("/a\uD800", "x"));
    assertRefusedBeforeSending(
        "key has a lone UTF-16 surrogate \\uDBFF at index 2, which UTF-8"
            + " cannot encode (it would be sent as '?'); pass well-formed text",
        () -> client.get("/a\uDBFF"));
    assertRefusedBeforeSending(
        "value has a lone UTF-16 surrogate \\uDC00 at index 1, which UTF-8"
            + " cannot encode (it would be sent as '?'); pass well-formed text",
        () -> client.set("/a", "x\uDC00"));
    assertRefusedBeforeSending(
        "prefix has a lone UTF-16 surrogate \\uD800 at index 4, which UTF-8"
            + " cannot encode (it would be sent as '?'); pass well-formed text",
        () -> EtcdClient.builder().prefix("/app\uD800"));
    assertRefusedBeforeSending(
        "user has a lone UTF-16 surrogate \\uD800 at index 1, which UTF-8"
            + " cannot encode (it would be sent as '?'); pass well-formed text",
        () -> client.user("a\uD800"));
    assertRefusedBeforeSending(
        "password has a lone UTF-16 surrogate \\uD800 at index 0, which"
            + " UTF-8 cannot encode (it would be sent as '?'); pass well-formed text",
        () -> EtcdClient.builder().auth("root", "\uD800"));
  }

  @Test
  void surrogatePairsAreWellFormed() throws InterruptedException {
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody(SET_BODY));

    client.set("/emoji\uD83D\uDE00", "x");

    assertEquals("/v2/keys/emoji%F0%9F%98%80", server.takeRequest().getPath());
  }

  @Test
  void passwordInAHostThatDoesNotParseIsNotRepeated() {
    IllegalArgumentException scheme =
        assertThrows(
            IllegalArgumentException.class,
            () -> EtcdClient.builder().host("ftp://root:s3cret@h:2379"));
    IllegalArgumentException bare =
        assertThrows(
            IllegalArgumentException.class,
            () -> EtcdClient.builder().host("root:s3cret@127.0.0.1:2379"));
    IllegalArgumentException list =
        assertThrows(
            IllegalArgumentException.class,
            () -> EtcdClient.builder().endpoints("http://a:2379", "x://u:s3cret@b@c"));

    assertEquals(
        "host must be an http or https URL such as http://127.0.0.1:2379 but was"
            + " \"ftp://***@h:2379\"",
        scheme.getMessage());
    assertEquals(
        "host must be an http or https URL such as http://127.0.0.1:2379 but was"
            + " \"***@127.0.0.1:2379\"",
        bare.getMessage());
    assertFalse(list.getMessage().contains("s3cret"), list.getMessage());
  }

  @Test
  void everyCallAfterCloseFailsAndSendsNothing() throws Exception {
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody(SET_BODY));
    client.set("/before", "x");
    client.close();

    EtcdException sync = assertThrows(EtcdException.class, () -> client.set("/after", "x"));
    ExecutionException async =
        assertThrows(
            ExecutionException.class,
            () -> client.async().set("/after", "x").future().get(5, TimeUnit.SECONDS));

    assertEquals("etcd set on " + host() + " failed: the client is closed", sync.getMessage());
    assertEquals(
        "etcd set on " + host() + " failed: the client is closed", async.getCause().getMessage());
    assertEquals(1, server.getRequestCount(), "nothing sent after close()");
  }

  @Test
  void callsAfterCloseFailOnASharedOkHttpClientToo() {
    OkHttpClient shared = new OkHttpClient();
    EtcdClient etcd = EtcdClient.builder().host(host()).okHttpClient(shared).build();
    etcd.close();

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.get("/a"));

    assertEquals("etcd get on " + host() + " failed: the client is closed", e.getMessage());
    assertEquals(0, server.getRequestCount());
    assertEquals(0, shared.connectionPool().connectionCount(), "no connection opened");
  }

  @Test
  void destructiveCallsOnTheRootOrTheWholePrefixAreRefused() {
    EtcdClient prefixed = EtcdClient.builder().host(host()).prefix("/app").build();
    try {
      assertRefusedBeforeSending(
          "key must name a key below the prefix but \"..\" normalises to"
              + " the prefix /app itself; writing or deleting it would replace or remove everything"
              + " under the prefix",
          () -> prefixed.rmdir("..", true));
      assertRefusedBeforeSending(
          "key must name a key below the prefix but \"/\" normalises to"
              + " the prefix /app itself; writing or deleting it would replace or remove everything"
              + " under the prefix",
          () -> prefixed.delete("/"));
      assertRefusedBeforeSending(
          "key must name a key below the root but \"/x/..\" normalises to"
              + " \"/\", which etcd keeps read-only",
          () -> client.compareAndDelete("/x/..", "v"));
      assertRefusedBeforeSending(
          "key must name a key below the root but \".\" normalises to"
              + " \"/\", which etcd keeps read-only",
          () -> client.compareAndDeleteIndex(".", 3));
    } finally {
      prefixed.close();
    }
  }

  @Test
  void ttlAndTimeoutBeyondWhatEtcdAndOkHttpTakeAreRefusedInTheSetter() {
    IllegalArgumentException ttl =
        assertThrows(
            IllegalArgumentException.class, () -> EtcdClient.builder().ttl(Long.MAX_VALUE));
    java.util.regex.Matcher max =
        java.util.regex.Pattern.compile(
                "ttl must be at most (\\d+) seconds but was 9223372036854775807: etcd stores expiry times"
                    + " as nanoseconds since 1970, which end in April 2262, and silently keeps a key"
                    + " forever past that; use -1 for no TTL")
            .matcher(ttl.getMessage());
    assertTrue(max.matches(), ttl.getMessage());
    // The last second etcd can store (2262-04-11) less now, less a day for the members' clocks.
    long expected = Long.MAX_VALUE / 1_000_000_000L - System.currentTimeMillis() / 1000 - 86_400;
    assertTrue(Math.abs(Long.parseLong(max.group(1)) - expected) <= 5, max.group(1));
    IllegalArgumentException perCall =
        assertThrows(IllegalArgumentException.class, () -> client.set("/a", "x", 8_000_000_000L));
    assertTrue(perCall.getMessage().startsWith("ttl must be at most "), perCall.getMessage());
    assertEquals(0, server.getRequestCount());

    IllegalArgumentException timeout =
        assertThrows(
            IllegalArgumentException.class, () -> EtcdClient.builder().timeout(Long.MAX_VALUE));
    assertEquals(
        "timeout must be at most 2147483 seconds (OkHttp counts timeouts in int"
            + " milliseconds) but was 9223372036854775807; use 0 for no limit",
        timeout.getMessage());
    assertRefusedBeforeSending(
        "timeoutSeconds must be at most 2147483 seconds (OkHttp counts"
            + " timeouts in int milliseconds) but was 3000000; use 0 for no limit",
        () -> client.wait("/a", 0, 3_000_000));
  }

  @Test
  void keyTooLongForEtcdsRequestLineIsRefusedSayingSo() {
    String key = "/" + "k".repeat(2 * 1024 * 1024);

    EtcdException e = assertThrows(EtcdException.class, () -> client.set(key, "x"));

    assertFalse(e.outcomeUnknown(), "nothing was sent");
    assertTrue(
        e.getMessage()
            .startsWith(
                "etcd set on "
                    + host()
                    + " failed: the request is too"
                    + " large for etcd: its request line would be 2097176 bytes"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "etcd resets the connection of any request line over 4096"
                    + " bytes; use a shorter key; nothing was sent"),
        e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void prefixPutsUserEndpointsUnderSubPathsInTheSameNamespace() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(
          new MockResponse().setHeader("Content-Type", "application/json").setBody(SET_BODY));
    }
    try (RegistryClient registry =
        RegistryClient.builder().host(host()).prefix("/tenant").build()) {
      registry.register("/web/a", "10.0.0.1:80");
      registry.get("/services/web/a");
      registry.api().putKey("/raw", "1", null, null, null, null, null, null, null).execute();
      registry.get("/");
    }

    assertEquals(
        "/v2/keys/tenant/services/web/a", server.takeRequest().getRequestUrl().encodedPath());
    assertEquals(
        "/v2/keys/tenant/services/web/a", server.takeRequest().getRequestUrl().encodedPath());
    assertEquals("/v2/keys/tenant/raw", server.takeRequest().getRequestUrl().encodedPath());
    assertEquals("/v2/keys/tenant", server.takeRequest().getRequestUrl().encodedPath());
  }

  @Test
  void userRequestWithMalformedTextIsRefused() {
    assertInstanceOf(
        IllegalArgumentException.class,
        assertThrows(
            RuntimeException.class, () -> client.putUser("\uDC00", UserRequest.create("a", "pw"))));
    assertEquals(0, server.getRequestCount());
  }
}
