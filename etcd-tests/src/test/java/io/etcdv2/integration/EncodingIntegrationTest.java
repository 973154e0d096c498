package io.etcdv2.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Node;
import io.etcdv2.api.ValueSerializer;
import io.etcdv2.testing.LocalEtcd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys and values that need encoding, and values written by other clients, on a real etcd. */
@RealEtcd
class EncodingIntegrationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/with space",
        "/question?mark",
        "/hash#tag",
        "/per%cent",
        "/plus+sign",
        "/amp&ersand",
        "/équipe",
        "/日本/東京",
        "/emoji😀",
        "/quote\"d",
        "/semi;colon=eq",
        "/tilde~dash-dot.under_score"
      })
  void specialCharacterKeysRoundTrip(String key, LocalEtcd server) {
    try (EtcdClient etcd =
            EtcdClient.builder().host(server.clientUrl()).prefix("/special").build();
        EtcdClient root = EtcdClient.builder().host(server.clientUrl()).build()) {
      EtcdResponse<KeysResult> set = etcd.set(key, key);
      assertEquals(201, set.status(), set.toString());
      assertEquals("/special" + key, set.body().node().key());
      EtcdResponse<KeysResult> got = etcd.get(key);
      assertEquals(200, got.status());
      assertEquals(key, got.body().node().value());

      Node listed =
          KeysIntegrationTest.find(root.readdir("/special", true).body().node(), "/special" + key);
      assertEquals("/special" + key, listed.key());
      assertEquals(200, etcd.delete(key).status());
    }
  }

  @Test
  void uncleanKeysAreNormalisedNotRedirected(EtcdClient etcd) {
    EtcdResponse<KeysResult> set = etcd.set("a//b/./c/../d/", "v");
    assertEquals(201, set.status(), "etcd would answer an unclean path with 301");
    assertTrue(set.body().node().key().endsWith("/a/b/d"), set.body().node().key());
    assertEquals("v", etcd.get("/a/b/d").body().node().value());
  }

  @Test
  void rootKeyIsRejectedForWritesBeforeSending(EtcdClient etcd) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> etcd.set("/", "v"));
    assertTrue(e.getMessage().contains("key"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> etcd.mkdir("/x/.."));
  }

  @Test
  void rawSerializerStoresAndReadsTextUnchanged(LocalEtcd server) {
    try (EtcdClient raw =
            EtcdClient.builder()
                .host(server.clientUrl())
                .prefix("/raw")
                .serializer(ValueSerializer.RAW)
                .build();
        EtcdClient json = EtcdClient.builder().host(server.clientUrl()).prefix("/raw").build()) {
      raw.set("/plain", "hello world");
      Node node = raw.get("/plain").body().node();
      assertEquals("hello world", node.value());
      assertEquals("hello world", node.rawValue());
      assertEquals("hello world", json.get("/plain").body().node().rawValue());

      json.set("/quoted", "hello");
      assertEquals("\"hello\"", raw.get("/quoted").body().node().value());

      assertEquals(412, raw.delete("/plain", "other").status());
      assertEquals(200, raw.delete("/plain", "hello world").status());

      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> raw.set("/map", Map.of("a", 1)));
      assertTrue(e.getMessage().contains("value"), e.getMessage());
      assertEquals(404, raw.get("/map").status(), "a rejected value sends nothing");
    }
  }

  @Test
  void typedReadsDecodeIntoClassesAndGenericTypes(EtcdClient etcd) {
    etcd.set("/point", Map.of("x", 1, "y", 2));
    etcd.set("/names", List.of("a", "b"));
    Point point = etcd.get("/point").body().node().value(Point.class);
    assertEquals(1, point.x);
    assertEquals(2, point.y);
    List<String> names =
        etcd.get("/names")
            .body()
            .node()
            .value(com.squareup.moshi.Types.newParameterizedType(List.class, String.class));
    assertEquals(List.of("a", "b"), names);

    etcd.set("/pojo", new Point(5, 6));
    assertEquals(Map.of("x", 5.0, "y", 6.0), etcd.get("/pojo").body().node().value());
  }

  @Test
  void valueWrittenByEtcdctlReadsAsNullWithItsRawText(LocalEtcd server, EtcdClient etcd)
      throws Exception {
    String key = "/KeysWrittenByEtcdctl/plain";
    run(server, "set", key, "not json at all");
    try (EtcdClient root = EtcdClient.builder().host(server.clientUrl()).build()) {
      EtcdResponse<KeysResult> got = root.get(key);
      assertEquals(200, got.status());
      assertNull(got.body().node().value());
      assertNull(got.body().node().value(String.class));
      assertEquals("not json at all", got.body().node().rawValue());

      // And what this client writes, etcdctl reads as JSON text.
      root.set("/KeysWrittenByEtcdctl/json", "hi");
      assertEquals("\"hi\"", run(server, "get", "/KeysWrittenByEtcdctl/json").trim());
    }
  }

  private static String run(LocalEtcd server, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of("etcdctl", "--endpoints", server.clientUrl()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("ETCDCTL_API", "2");
    Process process = builder.start();
    String output = read(process.getInputStream());
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "etcdctl hung");
    assertEquals(0, process.exitValue(), "etcdctl " + String.join(" ", args) + ": " + output);
    return output;
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static final class Point {
    int x;
    int y;

    Point() {}

    Point(int x, int y) {
      this.x = x;
      this.y = y;
    }
  }
}
