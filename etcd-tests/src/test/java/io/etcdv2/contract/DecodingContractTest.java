package io.etcdv2.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.api.EtcdError;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.LeaderStats;
import io.etcdv2.api.Node;
import io.etcdv2.api.VersionInfo;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How answers become the response entity: statuses, headers, bodies and errors. */
final class DecodingContractTest {
  @RegisterExtension final MockEtcd etcd = new MockEtcd();

  /** Indexes past 2^31 and 2^32, as on long-lived clusters. */
  private static final long ETCD_INDEX = 4294967297L;

  private static final long RAFT_INDEX = 8589934592L;
  private static final long RAFT_TERM = 2147483648L;

  @Test
  void created201WithHeadersAsLongs() {
    etcd.server()
        .enqueue(
            withIndexes(
                MockEtcd.json(
                    201,
                    "{\"action\":\"set\",\"node\":{\"key\":\"/a\",\"value\":\"\\\"abc\\\"\","
                        + "\"modifiedIndex\":4294967297,\"createdIndex\":4294967296}}\n")));

    EtcdResponse<KeysResult> response = etcd.client().set("/a", "abc");

    assertEquals(201, response.status());
    assertTrue(response.isSuccessful());
    assertFalse(response.isTimeout());
    assertEquals(ETCD_INDEX, response.etcdIndex());
    assertEquals(RAFT_INDEX, response.raftIndex());
    assertEquals(RAFT_TERM, response.raftTerm());
    assertEquals("cdf818194e3a8c32", response.headers().get("X-Etcd-Cluster-Id"));
    assertNull(response.error());
    assertNull(response.text());
    KeysResult result = response.body();
    assertEquals("set", result.action());
    assertNull(result.prevNode());
    Node node = result.node();
    assertEquals("/a", node.key());
    assertEquals("\"abc\"", node.rawValue());
    assertEquals("abc", node.value());
    assertFalse(node.isDir());
    assertEquals(4294967297L, node.modifiedIndex());
    assertEquals(4294967296L, node.createdIndex());
    assertEquals(-1, node.ttl());
    assertNull(node.expiration());
    assertTrue(node.nodes().isEmpty());
  }

  @Test
  void ok200WithPrevNodeTtlAndExpiration() {
    etcd.enqueueJson(
        200,
        "{\"action\":\"compareAndSwap\",\"node\":{\"key\":\"/a\","
            + "\"value\":\"\\\"new\\\"\",\"expiration\":\"2026-11-26T02:30:00.123456789Z\","
            + "\"ttl\":25,\"modifiedIndex\":4294967298,\"createdIndex\":4294967296},"
            + "\"prevNode\":{\"key\":\"/a\",\"value\":\"\\\"old\\\"\",\"modifiedIndex\":4294967297,"
            + "\"createdIndex\":4294967296}}\n");

    EtcdResponse<KeysResult> response = etcd.client().setx("/a", "new", 25, 4294967297L);

    assertEquals(200, response.status());
    assertEquals(7, response.etcdIndex());
    assertEquals(-1, response.raftIndex(), "absent header");
    assertEquals(-1, response.raftTerm(), "absent header");
    KeysResult result = response.body();
    assertEquals("compareAndSwap", result.action());
    assertEquals("new", result.node().value());
    assertEquals(25, result.node().ttl());
    assertEquals("2026-11-26T02:30:00.123456789Z", result.node().expiration());
    assertEquals(4294967298L, result.node().modifiedIndex());
    Node prev = result.prevNode();
    assertEquals("/a", prev.key());
    assertEquals("old", prev.value());
    assertEquals(4294967297L, prev.modifiedIndex());
    assertEquals(-1, prev.ttl());
  }

  @Test
  void recursiveDirectoryNodes() {
    etcd.enqueueJson(
        200,
        "{\"action\":\"get\",\"node\":{\"key\":\"/d\",\"dir\":true,"
            + "\"nodes\":[{\"key\":\"/d/a\",\"value\":\"1\",\"modifiedIndex\":3,\"createdIndex\":3},"
            + "{\"key\":\"/d/sub\",\"dir\":true,\"unknownField\":{\"x\":[1]},\"nodes\":["
            + "{\"key\":\"/d/sub/b\",\"value\":\"[\\\"x\\\"]\",\"ttl\":9,"
            + "\"expiration\":\"2026-11-26T02:30:00Z\",\"modifiedIndex\":5,\"createdIndex\":5}],"
            + "\"modifiedIndex\":4,\"createdIndex\":4}],\"modifiedIndex\":2,\"createdIndex\":2}}\n");

    Node dir = etcd.client().readdir("/d", true).body().node();

    assertEquals("/d", dir.key());
    assertTrue(dir.isDir());
    assertNull(dir.rawValue());
    assertNull(dir.value());
    assertEquals(2, dir.nodes().size());
    Node a = dir.nodes().get(0);
    assertEquals("/d/a", a.key());
    assertEquals(1.0, a.value());
    assertFalse(a.isDir());
    Node sub = dir.nodes().get(1);
    assertEquals("/d/sub", sub.key());
    assertTrue(sub.isDir());
    assertEquals(4, sub.modifiedIndex());
    assertEquals(1, sub.nodes().size());
    Node b = sub.nodes().get(0);
    assertEquals("/d/sub/b", b.key());
    assertEquals(List.of("x"), b.value());
    assertEquals(9, b.ttl());
    assertEquals("2026-11-26T02:30:00Z", b.expiration());
    assertEquals(5, b.createdIndex());
  }

  @Test
  void rootDirectoryHasNoKey() {
    etcd.enqueueJson(
        200,
        "{\"action\":\"get\",\"node\":{\"dir\":true,\"nodes\":["
            + "{\"key\":\"/a\",\"value\":\"\\\"abc\\\"\",\"modifiedIndex\":7,\"createdIndex\":7}]}}\n");

    Node root = etcd.client().get("/").body().node();

    assertNull(root.key());
    assertTrue(root.isDir());
    assertEquals("abc", root.nodes().get(0).value());
  }

  @Test
  void noValueOnSuccessHasNoNode() {
    etcd.enqueueJson(200, "{\"action\":\"set\"}\n");

    KeysResult result = etcd.client().set("/a", "abc").body();

    assertEquals("set", result.action());
    assertNull(result.node());
    assertNull(result.prevNode());
  }

  @Test
  void keyNotFound404() {
    etcd.server()
        .enqueue(
            withIndexes(
                MockEtcd.json(
                    404,
                    "{\"errorCode\":100,\"message\":\"Key not found\",\"cause\":\"/a\","
                        + "\"index\":4294967297}\n")));

    EtcdResponse<KeysResult> response = etcd.client().get("/a");

    assertEquals(404, response.status());
    assertFalse(response.isSuccessful());
    assertFalse(response.isTimeout());
    assertNull(response.body());
    assertNull(response.text());
    assertEquals(ETCD_INDEX, response.etcdIndex());
    EtcdError error = response.error();
    assertEquals(EtcdError.KEY_NOT_FOUND, error.errorCode());
    assertEquals("Key not found", error.message());
    assertEquals("/a", error.cause());
    assertEquals(4294967297L, error.index());
  }

  @Test
  void compareFailed412() {
    etcd.enqueueJson(
        412,
        "{\"errorCode\":101,\"message\":\"Compare failed\","
            + "\"cause\":\"[wrong != two]\",\"index\":8}\n");

    EtcdResponse<KeysResult> response = etcd.client().delete("/a", "wrong");

    assertEquals(412, response.status());
    assertNull(response.body());
    EtcdError error = response.error();
    assertEquals(EtcdError.TEST_FAILED, error.errorCode());
    assertEquals("Compare failed", error.message());
    assertEquals("[wrong != two]", error.cause());
    assertEquals(8, error.index());
  }

  @Test
  void keyAlreadyExists412() {
    etcd.enqueueJson(
        412,
        "{\"errorCode\":105,\"message\":\"Key already exists\","
            + "\"cause\":\"/a\",\"index\":9}\n");

    EtcdResponse<KeysResult> response = etcd.client().setnx("/a", "abc");

    assertEquals(412, response.status());
    assertEquals(EtcdError.NODE_EXIST, response.error().errorCode());
    assertEquals("Key already exists", response.error().message());
    assertEquals(9, response.error().index());
  }

  @Test
  void raftInternalError500() {
    etcd.enqueueJson(
        500,
        "{\"errorCode\":300,\"message\":\"Raft Internal Error\","
            + "\"cause\":\"etcdserver: request timed out\",\"index\":0}\n");

    EtcdResponse<KeysResult> response = etcd.client().set("/a", "abc");

    assertEquals(500, response.status());
    assertNull(response.body());
    assertEquals(300, response.error().errorCode());
    assertEquals("Raft Internal Error", response.error().message());
    assertEquals("etcdserver: request timed out", response.error().cause());
    assertEquals(0, response.error().index());
  }

  @Test
  void errorWithMessageOnlyHasCodeZero() {
    etcd.enqueueJson(403, "{\"message\":\"not current leader\"}\n");

    EtcdResponse<LeaderStats> response = etcd.client().statsLeader();

    assertEquals(403, response.status());
    assertNull(response.body());
    assertEquals(0, response.error().errorCode());
    assertEquals("not current leader", response.error().message());
    assertNull(response.error().cause());
  }

  @Test
  void nonJsonBodyIsLeftAsText() {
    etcd.server()
        .enqueue(
            new MockResponse()
                .setResponseCode(404)
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setBody("404 page not found\n"));

    EtcdResponse<KeysResult> response = etcd.client().get("/a");

    assertEquals(404, response.status());
    assertEquals("404 page not found\n", response.text());
    assertNull(response.body());
    assertNull(response.error());
  }

  @Test
  void successfulTextBodyIsKeptAndDecodedLeniently() {
    // /health answers JSON labelled text/plain: the text is kept, and a typed body is decoded
    // from it when it is JSON.
    etcd.server()
        .enqueue(
            new MockResponse()
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setBody("{\"etcdserver\":\"3.4.23\",\"etcdcluster\":\"3.4.0\"}"));

    EtcdResponse<VersionInfo> response = etcd.client().version();

    assertEquals(200, response.status());
    assertEquals("{\"etcdserver\":\"3.4.23\",\"etcdcluster\":\"3.4.0\"}", response.text());
    assertEquals("3.4.23", response.body().server());
    assertEquals("3.4.0", response.body().cluster());
    assertNull(response.error());
  }

  @Test
  void successfulTextBodyThatIsNotJsonFailsSayingWhatCame() {
    // A proxy's page or a wrong endpoint: 200 without what the endpoint declares is no success.
    etcd.server()
        .enqueue(
            new MockResponse()
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setBody("ok\n"));

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.client().version());

    assertEquals(
        "etcd version on "
            + etcd.host()
            + " failed: answered 200 text/plain;"
            + " charset=utf-8 \"ok\", not the JSON of VersionInfo that the endpoint declares",
        e.getMessage());
  }

  @Test
  void jsonContentTypeWithNonJsonBodyFailsNamingHostAndOperation() {
    etcd.server()
        .enqueue(
            new MockResponse()
                .setHeader("Content-Type", "application/json")
                .setBody("<html>proxy error</html>"));

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.client().get("/a"));

    assertEquals("get", e.operation());
    assertEquals(etcd.host(), e.host());
    assertTrue(
        e.getMessage().startsWith("etcd get on " + etcd.host() + " failed: "), e.getMessage());
  }

  @Test
  void jsonContentTypeWithNonJsonErrorBodyFailsNamingHostAndOperation() {
    etcd.server()
        .enqueue(
            new MockResponse()
                .setResponseCode(502)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody("Bad Gateway"));

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.client().setnx("/a", 1));

    assertEquals("setnx", e.operation());
    assertEquals(etcd.host(), e.host());
    assertTrue(
        e.getMessage().startsWith("etcd setnx on " + etcd.host() + " failed: "), e.getMessage());
  }

  @Test
  void noContent204WhereABodyIsDeclaredFails() {
    etcd.server().enqueue(new MockResponse().setResponseCode(204).setHeader("X-Etcd-Index", "12"));

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.client().delete("/a"));

    assertEquals(
        "etcd delete on "
            + etcd.host()
            + " failed: answered 204 with no body, not the"
            + " KeysResult that the endpoint declares",
        e.getMessage());
  }

  @Test
  void emptyOrNullJsonBodyFailsRatherThanSucceedingWithNothing() {
    etcd.server()
        .enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(""));
    etcd.server()
        .enqueue(
            new MockResponse().setHeader("Content-Type", "application/json").setBody("null\n"));

    EtcdException empty = assertThrows(EtcdException.class, () -> etcd.client().get("/a"));
    EtcdException nullBody = assertThrows(EtcdException.class, () -> etcd.client().get("/a"));

    assertEquals(
        "etcd get on "
            + etcd.host()
            + " failed: answered 200 with an empty body, not the"
            + " KeysResult that the endpoint declares",
        empty.getMessage());
    assertEquals(
        "etcd get on "
            + etcd.host()
            + " failed: answered 200 with the JSON null, not the"
            + " KeysResult that the endpoint declares",
        nullBody.getMessage());
  }

  @Test
  void emptyAnswerOfAVoidEndpointIsASuccess() {
    etcd.server().enqueue(new MockResponse().setResponseCode(204));

    EtcdResponse<Void> response = etcd.client().removeMember("8e9e05c52164694d");

    assertEquals(204, response.status());
    assertNull(response.body());
    assertNull(response.error());
  }

  private static MockResponse withIndexes(MockResponse response) {
    return response
        .setHeader("X-Etcd-Index", Long.toString(ETCD_INDEX))
        .setHeader("X-Raft-Index", Long.toString(RAFT_INDEX))
        .setHeader("X-Raft-Term", Long.toString(RAFT_TERM));
  }
}
