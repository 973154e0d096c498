package io.etcdv2.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import com.squareup.moshi.Types;
import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdError;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.LeaderStats;
import io.etcdv2.api.Node;
import io.etcdv2.api.SelfStats;
import io.etcdv2.api.StoreStats;
import io.etcdv2.api.ValueSerializer;
import io.etcdv2.api.VersionInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How answers become the response entity: statuses, headers, bodies, errors and node values. */
final class DecodingContractTest {
  @RegisterExtension final MockEtcd etcd = new MockEtcd();

  /** Indexes past 2^31 and 2^32, as on long-lived clusters. */
  private static final long ETCD_INDEX = 4294967297L;
  private static final long RAFT_INDEX = 8589934592L;
  private static final long RAFT_TERM = 2147483648L;

  @Test
  void created201WithHeadersAsLongs() {
    etcd.server().enqueue(withIndexes(MockEtcd.json(201,
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
    etcd.enqueueJson(200, "{\"action\":\"compareAndSwap\",\"node\":{\"key\":\"/a\","
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
    etcd.enqueueJson(200, "{\"action\":\"get\",\"node\":{\"key\":\"/d\",\"dir\":true,"
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
    etcd.enqueueJson(200, "{\"action\":\"get\",\"node\":{\"dir\":true,\"nodes\":["
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
    etcd.server().enqueue(withIndexes(MockEtcd.json(404,
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
    etcd.enqueueJson(412, "{\"errorCode\":101,\"message\":\"Compare failed\","
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
    etcd.enqueueJson(412, "{\"errorCode\":105,\"message\":\"Key already exists\","
        + "\"cause\":\"/a\",\"index\":9}\n");

    EtcdResponse<KeysResult> response = etcd.client().setnx("/a", "abc");

    assertEquals(412, response.status());
    assertEquals(EtcdError.NODE_EXIST, response.error().errorCode());
    assertEquals("Key already exists", response.error().message());
    assertEquals(9, response.error().index());
  }

  @Test
  void raftInternalError500() {
    etcd.enqueueJson(500, "{\"errorCode\":300,\"message\":\"Raft Internal Error\","
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
    etcd.server().enqueue(new MockResponse()
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
  void successfulNonJsonBodyIsLeftAsText() {
    // /health answers JSON text labelled text/plain; only the Content-Type decides.
    etcd.server().enqueue(new MockResponse()
        .setHeader("Content-Type", "text/plain; charset=utf-8")
        .setBody("{\"health\":\"true\"}"));

    EtcdResponse<VersionInfo> response = etcd.client().version();

    assertEquals(200, response.status());
    assertEquals("{\"health\":\"true\"}", response.text());
    assertNull(response.body());
    assertNull(response.error());
  }

  @Test
  void jsonContentTypeWithNonJsonBodyFailsNamingHostAndOperation() {
    etcd.server().enqueue(new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setBody("<html>proxy error</html>"));

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.client().get("/a"));

    assertEquals("get", e.operation());
    assertEquals(etcd.host(), e.host());
    assertTrue(e.getMessage().startsWith("etcd get on " + etcd.host() + " failed: "),
        e.getMessage());
  }

  @Test
  void jsonContentTypeWithNonJsonErrorBodyFailsNamingHostAndOperation() {
    etcd.server().enqueue(new MockResponse()
        .setResponseCode(502)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody("Bad Gateway"));

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.client().setnx("/a", 1));

    assertEquals("setnx", e.operation());
    assertEquals(etcd.host(), e.host());
    assertTrue(e.getMessage().startsWith("etcd setnx on " + etcd.host() + " failed: "),
        e.getMessage());
  }

  @Test
  void noContent204() {
    etcd.server().enqueue(new MockResponse()
        .setResponseCode(204)
        .setHeader("X-Etcd-Index", "12"));

    EtcdResponse<KeysResult> response = etcd.client().delete("/a");

    assertEquals(204, response.status());
    assertTrue(response.isSuccessful());
    assertEquals(12, response.etcdIndex());
    assertNull(response.body());
    assertNull(response.error());
    assertNull(response.text());
  }

  @Test
  void emptyJsonBodyDecodesToNothing() {
    etcd.server().enqueue(new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setBody(""));

    EtcdResponse<KeysResult> response = etcd.client().get("/a");

    assertEquals(200, response.status());
    assertNull(response.body());
    assertNull(response.error());
  }

  @Test
  void jsonValuesDecodeAsMoshiDoes() {
    assertEquals("abc", storedValue("\"abc\"").value());
    assertEquals(42.0, storedValue("42").value());
    assertEquals(-1.5, storedValue("-1.5").value());
    assertEquals(Boolean.TRUE, storedValue("true").value());
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1.0);
    map.put("b", Arrays.asList(1.0, "x", null));
    assertEquals(map, storedValue("{\"a\":1,\"b\":[1,\"x\",null]}").value());
    assertEquals(List.of("x", 2.0), storedValue("[\"x\",2]").value());
    assertNull(storedValue("null").value());
  }

  @Test
  void valueThatIsNotJsonReadsAsNullWithRawValueKept() {
    Node hello = storedValue("hello");
    assertEquals("hello", hello.rawValue());
    assertNull(hello.value());
    assertNull(hello.value(String.class));
    assertNull(hello.value(Types.newParameterizedType(List.class, String.class)));

    Node trailing = storedValue("\"a\" tail");
    assertEquals("\"a\" tail", trailing.rawValue());
    assertNull(trailing.value());

    Node empty = storedValue("");
    assertEquals("", empty.rawValue());
    assertNull(empty.value());
  }

  @Test
  void typedReads() {
    assertEquals(Integer.valueOf(42), storedValue("42").value(Integer.class));
    assertEquals(Long.valueOf(4294967296L), storedValue("4294967296").value(Long.class));
    assertEquals("abc", storedValue("\"abc\"").value(String.class));
    Item item = storedValue("{\"name\":\"x\",\"count\":2}").value(Item.class);
    assertEquals("x", item.name);
    assertEquals(2, item.count);
    List<String> list =
        storedValue("[\"a\",\"b\"]").value(Types.newParameterizedType(List.class, String.class));
    assertEquals(List.of("a", "b"), list);
    Map<String, Integer> map = storedValue("{\"a\":1}")
        .value(Types.newParameterizedType(Map.class, String.class, Integer.class));
    assertEquals(Map.of("a", 1), map);
  }

  @Test
  void typedReadOfJsonOfAnotherShapeThrows() {
    Node node = storedValue("\"abc\"");
    assertThrows(JsonDataException.class, () -> node.value(Integer.class));
  }

  @Test
  void rawSerializerReadsTextUnchanged() {
    EtcdClient raw = etcd.client(b -> b.serializer(ValueSerializer.RAW));
    etcd.enqueueJson(200, nodeWithValue("hello"));
    etcd.enqueueJson(200, nodeWithValue("\"quoted\""));

    Node hello = raw.get("/a").body().node();
    Node quoted = raw.get("/a").body().node();

    assertEquals("hello", hello.value());
    assertEquals("hello", hello.value(String.class));
    assertEquals("\"quoted\"", quoted.value());
  }

  @Test
  void builderMoshiAdaptersServeTypedReads() {
    // ClientBuilder.moshi: "adapters added to it also serve typed reads".
    Moshi moshi = new Moshi.Builder().add(new DurationAdapter()).build();
    EtcdClient client = etcd.client(b -> b.moshi(moshi));
    etcd.enqueueJson(200, nodeWithValue("\"PT5S\""));

    Node node = client.get("/a").body().node();

    assertEquals(Duration.ofSeconds(5), node.value(Duration.class));
  }

  @Test
  void serializerWithOwnMoshiWritesAndReadsItsTypes() {
    Moshi moshi = new Moshi.Builder().add(new DurationAdapter()).build();
    EtcdClient client = etcd.client(b -> b.serializer(ValueSerializer.json(moshi)));
    etcd.enqueueJson(200, nodeWithValue("\"PT5S\""));

    Node node = client.set("/a", Duration.ofSeconds(5)).body().node();

    assertEquals("value=%22PT5S%22", etcd.takeRequest().getBody().readUtf8());
    assertEquals(Duration.ofSeconds(5), node.value(Duration.class));
  }

  @Test
  void version() {
    etcd.enqueueJson(200, "{\"etcdserver\":\"3.4.23\",\"etcdcluster\":\"3.4.0\"}");

    VersionInfo version = etcd.client().version().body();

    assertEquals("3.4.23", version.server());
    assertEquals("3.4.0", version.cluster());
  }

  @Test
  void statsLeader() {
    etcd.enqueueJson(200, "{\"leader\":\"8e9e05c52164694d\",\"followers\":{"
        + "\"91bc3c398fb3c146\":{\"latency\":{\"current\":0.0015,\"average\":0.002,"
        + "\"standardDeviation\":0.0005,\"minimum\":0.0009,\"maximum\":0.01},"
        + "\"counts\":{\"fail\":1,\"success\":4294967296}}}}\n");

    LeaderStats stats = etcd.client().statsLeader().body();

    assertEquals("8e9e05c52164694d", stats.leader());
    LeaderStats.Follower follower = stats.followers().get("91bc3c398fb3c146");
    assertEquals(0.0015, follower.latency().current());
    assertEquals(0.002, follower.latency().average());
    assertEquals(0.01, follower.latency().maximum());
    assertEquals(4294967296L, follower.counts().success());
    assertEquals(1, follower.counts().fail());
  }

  @Test
  void statsLeaderOfSingleMember() {
    etcd.enqueueJson(200, "{\"leader\":\"8e9e05c52164694d\",\"followers\":{}}\n");

    LeaderStats stats = etcd.client().statsLeader().body();

    assertEquals("8e9e05c52164694d", stats.leader());
    assertTrue(stats.followers().isEmpty());
  }

  @Test
  void statsSelf() {
    etcd.enqueueJson(200, "{\"name\":\"n1\",\"id\":\"8e9e05c52164694d\","
        + "\"state\":\"StateLeader\",\"startTime\":\"2026-11-26T02:00:00.5Z\","
        + "\"leaderInfo\":{\"leader\":\"8e9e05c52164694d\",\"uptime\":\"1m2.5s\","
        + "\"startTime\":\"2026-11-26T02:00:01Z\"},\"recvAppendRequestCnt\":4294967296,"
        + "\"sendAppendRequestCnt\":3}\n");

    SelfStats stats = etcd.client().statsSelf().body();

    assertEquals("n1", stats.name());
    assertEquals("8e9e05c52164694d", stats.id());
    assertEquals("StateLeader", stats.state());
    assertEquals("2026-11-26T02:00:00.5Z", stats.startTime());
    assertEquals("1m2.5s", stats.leaderInfo().uptime());
    assertEquals("8e9e05c52164694d", stats.leaderInfo().leader());
    assertEquals(4294967296L, stats.recvAppendRequestCnt());
    assertEquals(3, stats.sendAppendRequestCnt());
  }

  @Test
  void statsStore() {
    etcd.enqueueJson(200, "{\"getsSuccess\":4294967296,\"getsFail\":2,\"setsSuccess\":3,"
        + "\"setsFail\":4,\"deleteSuccess\":5,\"deleteFail\":6,\"updateSuccess\":7,"
        + "\"updateFail\":8,\"createSuccess\":9,\"createFail\":10,\"compareAndSwapSuccess\":11,"
        + "\"compareAndSwapFail\":12,\"compareAndDeleteSuccess\":13,"
        + "\"compareAndDeleteFail\":14,\"expireCount\":15,\"watchers\":16}\n");

    StoreStats stats = etcd.client().statsStore().body();

    assertEquals(4294967296L, stats.getsSuccess());
    assertEquals(2, stats.getsFail());
    assertEquals(3, stats.setsSuccess());
    assertEquals(5, stats.deleteSuccess());
    assertEquals(15, stats.expireCount());
    assertEquals(16, stats.watchers());
  }

  /** The node of a get answer whose stored text is {@code raw}. */
  private Node storedValue(String raw) {
    etcd.enqueueJson(200, nodeWithValue(raw));
    return etcd.client().get("/a").body().node();
  }

  private static String nodeWithValue(String raw) {
    String quoted = raw.replace("\\", "\\\\").replace("\"", "\\\"");
    return "{\"action\":\"get\",\"node\":{\"key\":\"/a\",\"value\":\"" + quoted + "\","
        + "\"modifiedIndex\":7,\"createdIndex\":7}}\n";
  }

  private static MockResponse withIndexes(MockResponse response) {
    return response
        .setHeader("X-Etcd-Index", Long.toString(ETCD_INDEX))
        .setHeader("X-Raft-Index", Long.toString(RAFT_INDEX))
        .setHeader("X-Raft-Term", Long.toString(RAFT_TERM));
  }

  /** A plain object stored as JSON. */
  static final class Item {
    String name;
    int count;
  }

  /** A platform type that Moshi reads only with an adapter of one's own. */
  static final class DurationAdapter {
    @ToJson
    String toJson(Duration duration) {
      return duration.toString();
    }

    @FromJson
    Duration fromJson(String text) {
      return Duration.parse(text);
    }
  }
}
