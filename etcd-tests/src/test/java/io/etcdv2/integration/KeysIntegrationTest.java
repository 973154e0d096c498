package io.etcdv2.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdError;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Node;
import io.etcdv2.testing.LocalEtcd;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's key operations and their documented outcomes, on a real etcd. */
@RealEtcd
class KeysIntegrationTest {

  @Test
  void setCreatesThenReplacesAndGetReadsTheJsonValueBack(EtcdClient etcd) {
    EtcdResponse<KeysResult> created = etcd.set("/greeting", "hello");
    assertEquals(201, created.status());
    assertEquals("set", created.body().action());
    assertEquals("\"hello\"", created.body().node().rawValue());
    assertTrue(created.etcdIndex() > 0, "X-Etcd-Index");
    assertTrue(created.raftIndex() > 0, "X-Raft-Index");
    assertTrue(created.raftTerm() > 0, "X-Raft-Term");

    EtcdResponse<KeysResult> replaced = etcd.set("/greeting", "hi");
    assertEquals(200, replaced.status());
    assertEquals("hello", replaced.body().prevNode().value());

    EtcdResponse<KeysResult> got = etcd.get("/greeting");
    assertEquals(200, got.status());
    assertEquals("get", got.body().action());
    assertEquals("hi", got.body().node().value());
    assertEquals(replaced.body().node().modifiedIndex(), got.body().node().modifiedIndex());
  }

  @Test
  void jsonValuesOfEveryKindRoundTrip(EtcdClient etcd) {
    etcd.set("/number", 42);
    etcd.set("/flag", true);
    etcd.set("/map", Map.of("replicas", 3, "zone", "a"));
    etcd.set("/list", List.of("x", "y"));

    assertEquals(42.0, etcd.get("/number").body().node().value());
    assertEquals(42, (int) etcd.get("/number").body().node().value(Integer.class));
    assertEquals(true, etcd.get("/flag").body().node().value());
    assertEquals(Map.of("replicas", 3.0, "zone", "a"), etcd.get("/map").body().node().value());
    assertEquals(List.of("x", "y"), etcd.get("/list").body().node().value());
  }

  @Test
  void missingKeyIs404WithErrorCode100(EtcdClient etcd) {
    EtcdResponse<KeysResult> missing = etcd.get("/nothing/here");
    assertEquals(404, missing.status());
    assertNull(missing.body());
    assertEquals(EtcdError.KEY_NOT_FOUND, missing.error().errorCode());
    assertEquals("Key not found", missing.error().message());
    assertTrue(
        missing.error().cause().startsWith("/KeysIntegrationTest/missingKey"),
        missing.error().cause());
  }

  @Test
  void keyWithTtlExpires(EtcdClient etcd) throws InterruptedException {
    EtcdResponse<KeysResult> set = etcd.set("/ephemeral", "v", 1);
    assertEquals(201, set.status());
    assertNotNull(set.body().node().expiration());
    assertEquals(1, set.body().node().ttl());

    assertEquals(404, awaitStatus(etcd, "/ephemeral", 404));
  }

  @Test
  void clientDefaultTtlAppliesWhenNoTtlIsGivenAndMinusOneMeansNone(LocalEtcd server) {
    try (EtcdClient etcd =
        EtcdClient.builder().host(server.clientUrl()).prefix("/default-ttl").ttl(30).build()) {
      Node withDefault = etcd.set("/a", "v").body().node();
      assertTrue(withDefault.ttl() > 0 && withDefault.ttl() <= 30, "ttl " + withDefault.ttl());
      Node explicit = etcd.set("/b", "v", 5).body().node();
      assertTrue(explicit.ttl() > 0 && explicit.ttl() <= 5, "ttl " + explicit.ttl());
      Node none = etcd.set("/c", "v", -1).body().node();
      assertEquals(-1, none.ttl());
      assertNull(none.expiration());
      Node dir = etcd.mkdir("/d").body().node();
      assertTrue(dir.isDir() && dir.ttl() > 0 && dir.ttl() <= 30, "dir ttl " + dir.ttl());
    }
  }

  @Test
  void setnxCreatesOnlyWhenMissing(EtcdClient etcd) {
    EtcdResponse<KeysResult> created = etcd.setnx("/lock", "owner-1", 30);
    assertEquals(201, created.status());
    assertEquals("create", created.body().action());

    EtcdResponse<KeysResult> taken = etcd.setnx("/lock", "owner-2");
    assertEquals(412, taken.status());
    assertEquals(EtcdError.NODE_EXIST, taken.error().errorCode());
    assertEquals("owner-1", etcd.get("/lock").body().node().value());
  }

  @Test
  void setxUpdatesOnlyWhenPresentAndComparesTheIndex(EtcdClient etcd) {
    EtcdResponse<KeysResult> missing = etcd.setx("/config", "v1");
    assertEquals(404, missing.status());
    assertEquals(EtcdError.KEY_NOT_FOUND, missing.error().errorCode());
    assertEquals(404, etcd.get("/config").status());

    long index = etcd.set("/config", "v1").body().node().modifiedIndex();
    EtcdResponse<KeysResult> updated = etcd.setx("/config", "v2");
    assertEquals(200, updated.status());
    assertEquals("update", updated.body().action());

    EtcdResponse<KeysResult> stale = etcd.setx("/config", "v3", -1, index);
    assertEquals(412, stale.status());
    assertEquals(EtcdError.TEST_FAILED, stale.error().errorCode());
    assertEquals("v2", etcd.get("/config").body().node().value());

    long current = updated.body().node().modifiedIndex();
    EtcdResponse<KeysResult> swapped = etcd.setx("/config", "v3", 10, current);
    assertEquals(200, swapped.status());
    assertEquals("compareAndSwap", swapped.body().action());
    assertEquals("v3", etcd.get("/config").body().node().value());
    assertTrue(etcd.get("/config").body().node().ttl() > 0);
  }

  @Test
  void deleteComparesValueAndIndex(EtcdClient etcd) {
    long index = etcd.set("/k", Map.of("v", 1)).body().node().modifiedIndex();

    EtcdResponse<KeysResult> wrongValue = etcd.delete("/k", Map.of("v", 2));
    assertEquals(412, wrongValue.status());
    assertEquals(EtcdError.TEST_FAILED, wrongValue.error().errorCode());
    EtcdResponse<KeysResult> wrongIndex = etcd.delete("/k", null, index + 1000);
    assertEquals(412, wrongIndex.status());
    EtcdResponse<KeysResult> rightValueWrongIndex = etcd.delete("/k", Map.of("v", 1), index + 1);
    assertEquals(412, rightValueWrongIndex.status());
    assertEquals(200, etcd.get("/k").status());

    EtcdResponse<KeysResult> deleted = etcd.delete("/k", Map.of("v", 1), index);
    assertEquals(200, deleted.status());
    assertEquals("compareAndDelete", deleted.body().action());
    assertEquals(Map.of("v", 1.0), deleted.body().prevNode().value());
    assertEquals(404, etcd.get("/k").status());

    etcd.set("/plain", "x");
    EtcdResponse<KeysResult> plain = etcd.delete("/plain");
    assertEquals(200, plain.status());
    assertEquals("delete", plain.body().action());
    assertEquals(404, etcd.delete("/plain").status());
  }

  @Test
  void directoriesAreCreatedListedAndRemoved(EtcdClient etcd) {
    EtcdResponse<KeysResult> made = etcd.mkdir("/dir");
    assertEquals(201, made.status());
    assertTrue(made.body().node().isDir());
    assertEquals(412, etcd.mkdirnx("/dir").status());
    assertEquals(201, etcd.mkdirnx("/other", 30).status());
    assertEquals(EtcdError.NOT_FILE, etcd.mkdir("/dir").error().errorCode());

    etcd.set("/dir/a", "1");
    etcd.set("/dir/sub/b", "2");

    Node flat = etcd.readdir("/dir").body().node();
    assertTrue(flat.isDir());
    assertEquals(List.of("a", "sub"), names(flat.nodes()));
    Node sub = child(flat, "sub");
    assertTrue(sub.isDir());
    assertTrue(sub.nodes().isEmpty(), "non-recursive read lists no grandchildren");

    Node tree = etcd.readdir("/dir", true).body().node();
    assertEquals(List.of("b"), names(child(tree, "sub").nodes()));
    assertEquals("2", child(child(tree, "sub"), "b").value());

    EtcdResponse<KeysResult> notEmpty = etcd.rmdir("/dir");
    assertEquals(403, notEmpty.status());
    assertEquals(EtcdError.DIR_NOT_EMPTY, notEmpty.error().errorCode());
    assertEquals(200, etcd.rmdir("/other").status());
    EtcdResponse<KeysResult> removed = etcd.rmdir("/dir", true);
    assertEquals(200, removed.status());
    assertEquals("delete", removed.body().action());
    assertEquals(404, etcd.readdir("/dir").status());
  }

  @Test
  void pushCreatesInOrderKeys(EtcdClient etcd) {
    etcd.mkdir("/queue");
    List<String> pushed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      EtcdResponse<KeysResult> response = etcd.push("/queue", "job-" + i, i == 4 ? 60 : -1);
      assertEquals(201, response.status());
      assertEquals("create", response.body().action());
      pushed.add(response.body().node().key());
    }
    List<String> sortedKeys = new ArrayList<>(pushed);
    sortedKeys.sort(Comparator.naturalOrder());
    assertEquals(pushed, sortedKeys, "in-order keys sort in push order");

    List<Node> items = new ArrayList<>(etcd.readdir("/queue").body().node().nodes());
    items.sort(Comparator.comparing(Node::key));
    List<Object> values = new ArrayList<>();
    for (Node item : items) values.add(item.value());
    assertEquals(List.of("job-0", "job-1", "job-2", "job-3", "job-4"), values);
    assertTrue(items.get(4).ttl() > 0);
  }

  @Test
  void prefixNamespacesKeyOperations(LocalEtcd server) {
    try (EtcdClient app =
            EtcdClient.builder().host(server.clientUrl()).prefix("/tenant-a").build();
        EtcdClient root = EtcdClient.builder().host(server.clientUrl()).build()) {
      app.set("/a", "in-tenant");
      assertEquals("/tenant-a/a", app.get("/a").body().node().key());
      assertEquals("in-tenant", root.get("/tenant-a/a").body().node().value());
      assertEquals(404, root.get("/a").status());
      assertEquals(200, app.version().status(), "version ignores the prefix");
    }
  }

  private static int awaitStatus(EtcdClient etcd, String key, int wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    int status = etcd.get(key).status();
    while (status != wanted && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = etcd.get(key).status();
    }
    return status;
  }

  static List<String> names(List<Node> nodes) {
    List<String> names = new ArrayList<>();
    for (Node node : nodes) names.add(node.key().substring(node.key().lastIndexOf('/') + 1));
    names.sort(Comparator.naturalOrder());
    return names;
  }

  static Node child(Node dir, String name) {
    for (Node node : dir.nodes()) {
      if (node.key().endsWith("/" + name)) return node;
    }
    throw new AssertionError(name + " not in " + dir);
  }

  /** The node with {@code key} anywhere in a recursive listing. */
  static Node find(Node dir, String key) {
    for (Node node : dir.nodes()) {
      if (node.key().equals(key)) return node;
      if (node.isDir() && key.startsWith(node.key() + "/")) return find(node, key);
    }
    throw new AssertionError(key + " not in " + dir);
  }
}
