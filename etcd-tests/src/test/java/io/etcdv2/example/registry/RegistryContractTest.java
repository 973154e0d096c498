package io.etcdv2.example.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact requests of the worked example's own conveniences, and the inherited ones. */
class RegistryContractTest {
  private static final String CREATED =
      "{\"action\":\"create\",\"node\":{\"key\":"
          + "\"/services/web/a\",\"value\":\"\\\"10.0.0.1:80\\\"\",\"modifiedIndex\":7,"
          + "\"createdIndex\":7}}";

  private final MockWebServer server = new MockWebServer();
  private RegistryClient registry;

  @BeforeEach
  void start() throws Exception {
    server.start();
    registry = RegistryClient.builder().host(server.url("/").toString()).ttl(30).build();
  }

  @AfterEach
  void stop() throws Exception {
    registry.close();
    server.shutdown();
  }

  @Test
  void registerWritesUnderTheServicesDirectoryWithTheDefaultTtl() throws Exception {
    server.enqueue(json(201, CREATED));
    EtcdResponse<KeysResult> response = registry.register("/web/a", "10.0.0.1:80");

    RecordedRequest request = take();
    assertEquals("PUT", request.getMethod());
    assertEquals("/v2/keys/services/web/a", request.getPath());
    assertEquals("value=%2210.0.0.1%3A80%22&ttl=30&prevExist=false", request.getBody().readUtf8());
    assertEquals("application/x-www-form-urlencoded", request.getHeader("Content-Type"));
    assertEquals(201, response.status());
    assertEquals("10.0.0.1:80", response.body().node().value());
  }

  @Test
  void registerWithAnExplicitTtlAndNone() throws Exception {
    server.enqueue(json(201, CREATED));
    server.enqueue(json(201, CREATED));
    registry.register("/web/a", "x", 5);
    registry.register("/web/a", "x", -1);
    assertEquals("value=%22x%22&ttl=5&prevExist=false", take().getBody().readUtf8());
    assertEquals("value=%22x%22&prevExist=false", take().getBody().readUtf8());
  }

  @Test
  void registerRejectsABadTtlAndTheRootBeforeSending() {
    IllegalArgumentException ttl =
        assertThrows(IllegalArgumentException.class, () -> registry.register("/web/a", "x", 0));
    assertEquals("ttl must be -1 (no TTL) or at least 1 second but was 0", ttl.getMessage());
    assertThrows(IllegalArgumentException.class, () -> registry.register("/", "x"));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void heartbeatRefreshesWithoutAValue() throws Exception {
    server.enqueue(json(200, CREATED));
    registry.heartbeat("/web/a", 10);
    RecordedRequest request = take();
    assertEquals("PUT", request.getMethod());
    assertEquals("/v2/keys/services/web/a", request.getPath());
    assertEquals("ttl=10&refresh=true&prevExist=true", request.getBody().readUtf8());
  }

  @Test
  void heartbeatNeedsARealTtl() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> registry.heartbeat("/web/a", -1));
    assertEquals("ttl must be 1 or more but was -1", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void instancesReadsRecursiveAndSorted() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"action\":\"get\",\"node\":{\"key\":\"/services/web\","
                + "\"dir\":true,\"nodes\":[],\"modifiedIndex\":3,\"createdIndex\":3}}"));
    registry.instances("/web");
    RecordedRequest request = take();
    assertEquals("GET", request.getMethod());
    assertEquals("/v2/keys/services/web?recursive=true&sorted=true", request.getPath());
    assertEquals(0, request.getBodySize());
  }

  @Test
  void deregisterDeletes() throws Exception {
    server.enqueue(json(200, CREATED));
    registry.deregister("/web/a");
    RecordedRequest request = take();
    assertEquals("DELETE", request.getMethod());
    assertEquals("/v2/keys/services/web/a", request.getPath());
  }

  @Test
  void metricsIsText() throws Exception {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "text/plain; version=0.0.4")
            .setBody("etcd_server_has_leader 1\n"));
    EtcdResponse<String> metrics = registry.metrics();
    assertEquals("/metrics", take().getPath());
    assertEquals("etcd_server_has_leader 1\n", metrics.body());
    assertNull(metrics.error());
  }

  @Test
  void inheritsTheLibraryConveniencesAndBuilders() throws Exception {
    server.enqueue(json(201, CREATED));
    server.enqueue(json(200, CREATED));
    registry.set("/plain", "v");
    registry.requests().getServices("/web").recursive(true).send();
    assertEquals("/v2/keys/plain", take().getPath());
    assertEquals("/v2/keys/services/web?recursive=true", take().getPath());
    assertTrue(
        registry
            .async()
            .register("/web/b", "x")
            .request()
            .url()
            .encodedPath()
            .endsWith("/v2/keys/services/web/b"));
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    if (request == null) throw new AssertionError("no request reached the server");
    return request;
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }
}
