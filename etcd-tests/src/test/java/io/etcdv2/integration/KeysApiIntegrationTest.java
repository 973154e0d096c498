package io.etcdv2.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdError;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Node;
import io.etcdv2.testing.LocalEtcd;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every parameter of the keys API, sent through the {@code requests()} builders and the
 * conveniences, against a real etcd 3.4.
 */
@RealEtcd
@Timeout(30)
class KeysApiIntegrationTest {
  private static final Duration WATCH_REGISTERED = Duration.ofSeconds(5);

  private final ExecutorService waiter = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopWaiter() throws InterruptedException {
    waiter.shutdownNow();
    assertTrue(waiter.awaitTermination(10, TimeUnit.SECONDS));
  }

  // ---- value, ttl, empty ttl ------------------------------------------------------------------

  @Test
  void builderSendsValueAndTtl(EtcdClient etcd) {
    EtcdResponse<KeysResult> put = etcd.requests().putKey("/k").value("v").ttl(10).send();
    assertEquals(201, put.status(), put.toString());
    assertEquals("set", put.body().action());
    assertEquals("\"v\"", put.body().node().rawValue());
    assertEquals("v", put.body().node().value());
    assertEquals(10, put.body().node().ttl());
    assertNotNull(put.body().node().expiration());

    Node read = etcd.get("/k").body().node();
    assertEquals("v", read.value());
    assertTrue(read.ttl() > 0 && read.ttl() <= 10, "ttl " + read.ttl());
    assertNotNull(read.expiration());

    EtcdResponse<KeysResult> noValue = etcd.requests().putKey("/empty").send();
    assertEquals(201, noValue.status());
    assertEquals("", noValue.body().node().rawValue(), "PUT without value stores \"\"");
    assertEquals(-1, noValue.body().node().ttl());
  }

  @Test
  void emptyTtlClearsTheTtlOfAKey(LocalEtcd server) throws IOException {
    // A client whose default TTL would otherwise be sent: only an empty ttl leaves none.
    try (EtcdClient etcd = defaultTtlClient(server, "emptyTtlKey")) {
      Node set = etcd.set("/k", "v1", 100).body().node();
      assertEquals(100, set.ttl());

      EtcdCall<KeysResult> call =
          etcd.requests().putKey("/k").value("v2").clearTtl().prevExist(true).call();
      assertEquals(List.of("value=%22v2%22", "ttl=", "prevExist=true"), formFields(call));
      EtcdResponse<KeysResult> cleared = call.execute();
      assertEquals(200, cleared.status(), cleared.toString());
      assertEquals("update", cleared.body().action());
      assertEquals(-1, cleared.body().node().ttl());
      assertNull(cleared.body().node().expiration());
      assertEquals(set.expiration(), cleared.body().prevNode().expiration());

      Node read = etcd.get("/k").body().node();
      assertEquals("v2", read.value());
      assertEquals(-1, read.ttl());
      assertNull(read.expiration());
    }
  }

  @Test
  void emptyTtlClearsTheTtlOfADirectory(LocalEtcd server) throws IOException {
    try (EtcdClient etcd = defaultTtlClient(server, "emptyTtlDir")) {
      Node made = etcd.mkdir("/d", 100).body().node();
      assertEquals(100, made.ttl());

      EtcdCall<KeysResult> call =
          etcd.requests().putKey("/d").dir(true).clearTtl().prevExist(true).call();
      assertEquals(List.of("ttl=", "dir=true", "prevExist=true"), formFields(call));
      EtcdResponse<KeysResult> cleared = call.execute();
      assertEquals(200, cleared.status(), cleared.toString());
      assertEquals("update", cleared.body().action());
      assertTrue(cleared.body().node().isDir());
      assertEquals(-1, cleared.body().node().ttl());
      assertNull(cleared.body().node().expiration());
      assertEquals(made.expiration(), cleared.body().prevNode().expiration());

      Node read = etcd.readdir("/d").body().node();
      assertTrue(read.isDir());
      assertNull(read.expiration());
      assertEquals(-1, read.ttl());
    }
  }

  @Test
  void clientDefaultTtlIsSentUnlessClearedOrOverridden(LocalEtcd server) {
    try (EtcdClient etcd = defaultTtlClient(server, "defaultTtl")) {
      assertEquals(30, etcd.set("/convenience", "v").body().node().ttl());
      assertEquals(30, etcd.mkdir("/dir").body().node().ttl());
      assertEquals(30, etcd.push("/dir", "v").body().node().ttl());
      assertEquals(30, etcd.requests().putKey("/builder").value("v").send().body().node().ttl());
      assertEquals(7, etcd.requests().putKey("/own").value("v").ttl(7).send().body().node().ttl());

      EtcdResponse<KeysResult> none = etcd.requests().putKey("/none").value("v").clearTtl().send();
      assertEquals(201, none.status());
      assertEquals(-1, none.body().node().ttl());
      assertNull(none.body().node().expiration());
      EtcdResponse<KeysResult> noneByMinusOne =
          etcd.requests().putKey("/none2").value("v").ttl(-1).send();
      assertEquals(-1, noneByMinusOne.body().node().ttl(), "ttl(-1) sends no ttl");
    }
  }

  // ---- refresh --------------------------------------------------------------------------------

  @Test
  void refreshKeepsTheValueResetsTheTtlAndNotifiesNoWatcher(EtcdClient etcd) throws Exception {
    Node before = etcd.set("/lease", "held", 5).body().node();
    long next = before.modifiedIndex() + 1;
    awaitWatchers(etcd, 0);

    CompletableFuture<EtcdResponse<KeysResult>> quiet =
        CompletableFuture.supplyAsync(() -> etcd.wait("/lease", next, 2), waiter);
    awaitWatchers(etcd, 1);

    EtcdResponse<KeysResult> refreshed = etcd.refresh("/lease", 60);
    assertEquals(200, refreshed.status(), refreshed.toString());
    assertEquals("update", refreshed.body().action());
    assertEquals("held", refreshed.body().node().value(), "refresh keeps the value");
    assertEquals(60, refreshed.body().node().ttl());
    assertNotEquals(before.expiration(), refreshed.body().node().expiration());
    // etcd rounds the remaining TTL up: the expiration, not the TTL, is what the set left.
    assertEquals(before.expiration(), refreshed.body().prevNode().expiration());
    assertTrue(refreshed.body().prevNode().ttl() <= 5, refreshed.toString());

    EtcdResponse<KeysResult> watched = quiet.get(10, TimeUnit.SECONDS);
    assertTrue(watched.isTimeout(), "a refresh must not wake a watcher: " + watched);

    Node read = etcd.get("/lease").body().node();
    assertEquals("held", read.value());
    assertTrue(read.ttl() > 5, "ttl after refresh " + read.ttl());

    // A real write after the refresh is seen by a watcher from the same index.
    awaitWatchers(etcd, 0);
    CompletableFuture<EtcdResponse<KeysResult>> seen =
        CompletableFuture.supplyAsync(() -> etcd.wait("/lease", next, 10), waiter);
    awaitWatchers(etcd, 1);
    EtcdResponse<KeysResult> set = etcd.set("/lease", "changed");
    EtcdResponse<KeysResult> event = seen.get(15, TimeUnit.SECONDS);
    assertEquals(200, event.status(), event.toString());
    assertEquals("set", event.body().action());
    assertEquals("changed", event.body().node().value());
    assertEquals(set.body().node().modifiedIndex(), event.body().node().modifiedIndex());
  }

  @Test
  void refreshThroughTheBuilderAndItsErrors(EtcdClient etcd) {
    etcd.set("/k", "v", 5);
    EtcdResponse<KeysResult> refreshed =
        etcd.requests().putKey("/k").refresh(true).prevExist(true).ttl(90).send();
    assertEquals(200, refreshed.status(), refreshed.toString());
    assertEquals("v", refreshed.body().node().value());
    assertEquals(90, refreshed.body().node().ttl());

    EtcdResponse<KeysResult> withValue =
        etcd.requests().putKey("/k").refresh(true).prevExist(true).ttl(9).value("x").send();
    assertEquals(400, withValue.status());
    assertEquals(211, withValue.error().errorCode());

    EtcdResponse<KeysResult> withoutTtl =
        etcd.requests().putKey("/k").refresh(true).prevExist(true).send();
    assertEquals(400, withoutTtl.status());
    assertEquals(212, withoutTtl.error().errorCode());

    EtcdResponse<KeysResult> missing = etcd.refresh("/missing", 10);
    assertEquals(404, missing.status());
    assertEquals(EtcdError.KEY_NOT_FOUND, missing.error().errorCode());
    assertEquals("v", etcd.get("/k").body().node().value());
  }

  // ---- dir, prevExist, prevIndex, prevValue ----------------------------------------------------

  @Test
  void dirCreatesADirectoryThatValuesCannotOverwrite(EtcdClient etcd) {
    EtcdResponse<KeysResult> made = etcd.requests().putKey("/d").dir(true).send();
    assertEquals(201, made.status(), made.toString());
    assertEquals("set", made.body().action());
    assertTrue(made.body().node().isDir());
    assertNull(made.body().node().rawValue());

    EtcdResponse<KeysResult> again = etcd.requests().putKey("/d").dir(true).send();
    assertEquals(403, again.status());
    assertEquals(EtcdError.NOT_FILE, again.error().errorCode());
    EtcdResponse<KeysResult> valueOntoDir = etcd.requests().putKey("/d").value("x").send();
    assertEquals(403, valueOntoDir.status());
    assertEquals(EtcdError.NOT_FILE, valueOntoDir.error().errorCode());

    etcd.set("/file", "f");
    EtcdResponse<KeysResult> childOfFile = etcd.requests().putKey("/file/child").value("c").send();
    assertEquals(400, childOfFile.status());
    assertEquals(EtcdError.NOT_DIR, childOfFile.error().errorCode());

    EtcdResponse<KeysResult> notADir =
        etcd.requests().putKey("/plain").dir(false).value("p").send();
    assertEquals(201, notADir.status());
    assertFalse(notADir.body().node().isDir());
  }

  @Test
  void prevExistFalseCreatesOnlyOnceAndTrueUpdatesOnlyExisting(EtcdClient etcd) {
    EtcdResponse<KeysResult> updateMissing =
        etcd.requests().putKey("/k").value("u").prevExist(true).send();
    assertEquals(404, updateMissing.status());
    assertEquals(EtcdError.KEY_NOT_FOUND, updateMissing.error().errorCode());

    EtcdResponse<KeysResult> created =
        etcd.requests().putKey("/k").value("c").prevExist(false).send();
    assertEquals(201, created.status());
    assertEquals("create", created.body().action());

    EtcdResponse<KeysResult> createAgain =
        etcd.requests().putKey("/k").value("c2").prevExist(false).send();
    assertEquals(412, createAgain.status());
    assertEquals(EtcdError.NODE_EXIST, createAgain.error().errorCode());

    EtcdResponse<KeysResult> updated =
        etcd.requests().putKey("/k").value("u").prevExist(true).send();
    assertEquals(200, updated.status());
    assertEquals("update", updated.body().action());
    assertEquals("c", updated.body().prevNode().value());
    assertEquals("u", etcd.get("/k").body().node().value());
  }

  @Test
  void prevIndexSwapsOnlyAtTheModifiedIndex(EtcdClient etcd) {
    long index = etcd.set("/k", "one").body().node().modifiedIndex();

    EtcdResponse<KeysResult> stale =
        etcd.requests().putKey("/k").value("two").prevIndex(index + 100).send();
    assertEquals(412, stale.status());
    assertEquals(EtcdError.TEST_FAILED, stale.error().errorCode());
    assertEquals("[" + (index + 100) + " != " + index + "]", stale.error().cause());
    assertEquals("one", etcd.get("/k").body().node().value());

    EtcdResponse<KeysResult> swapped =
        etcd.requests().putKey("/k").value("two").prevIndex(index).send();
    assertEquals(200, swapped.status(), swapped.toString());
    assertEquals("compareAndSwap", swapped.body().action());
    assertEquals("two", swapped.body().node().value());

    EtcdResponse<KeysResult> staleAgain =
        etcd.requests().putKey("/k").value("three").prevIndex(index).send();
    assertEquals(412, staleAgain.status(), "the swap moved the modified index on");

    long current = swapped.body().node().modifiedIndex();
    EtcdResponse<KeysResult> convenience = etcd.compareAndSwapIndex("/k", "four", current, 20);
    assertEquals(200, convenience.status());
    assertEquals("compareAndSwap", convenience.body().action());
    assertEquals(20, convenience.body().node().ttl());
    EtcdResponse<KeysResult> convenienceStale = etcd.compareAndSwapIndex("/k", "five", current);
    assertEquals(412, convenienceStale.status());
    assertEquals(EtcdError.TEST_FAILED, convenienceStale.error().errorCode());
    assertEquals("four", etcd.get("/k").body().node().value());
  }

  @Test
  void prevValueSwapsOnlyFromTheExpectedValue(EtcdClient etcd) {
    etcd.set("/k", "one");

    EtcdResponse<KeysResult> wrong = etcd.compareAndSwap("/k", "two", "wrong");
    assertEquals(412, wrong.status());
    assertEquals(EtcdError.TEST_FAILED, wrong.error().errorCode());
    assertEquals("Compare failed", wrong.error().message());
    assertTrue(wrong.error().cause().contains("\"wrong\" != \"one\""), wrong.error().cause());
    assertEquals("one", etcd.get("/k").body().node().value());

    EtcdResponse<KeysResult> swapped = etcd.compareAndSwap("/k", "two", "one");
    assertEquals(200, swapped.status(), swapped.toString());
    assertEquals("compareAndSwap", swapped.body().action());
    assertEquals("one", swapped.body().prevNode().value());
    assertEquals("two", etcd.get("/k").body().node().value());

    EtcdResponse<KeysResult> withTtl = etcd.compareAndSwap("/k", "three", "two", 40);
    assertEquals(200, withTtl.status());
    assertEquals(40, withTtl.body().node().ttl());

    EtcdResponse<KeysResult> builderWrong =
        etcd.requests().putKey("/k").value("x").prevValue("two").send();
    assertEquals(412, builderWrong.status());
    EtcdResponse<KeysResult> builderRight =
        etcd.requests().putKey("/k").value("four").prevValue("three").send();
    assertEquals(200, builderRight.status());
    assertEquals("compareAndSwap", builderRight.body().action());

    EtcdResponse<KeysResult> missing = etcd.compareAndSwap("/missing", "v", "any");
    assertEquals(404, missing.status());
    assertEquals(EtcdError.KEY_NOT_FOUND, missing.error().errorCode());
  }

  // ---- reads: recursive, sorted, quorum --------------------------------------------------------

  @Test
  void recursiveReadsTheWholeTree(EtcdClient etcd) {
    etcd.set("/tree/a", "1");
    etcd.set("/tree/sub/b", "2");
    etcd.set("/tree/sub/deeper/c", "3");

    Node flat = etcd.requests().getKey("/tree").send().body().node();
    Node flatSub = KeysIntegrationTest.child(flat, "sub");
    assertTrue(flatSub.nodes().isEmpty(), "without recursive no grandchildren: " + flatSub);

    Node tree = etcd.requests().getKey("/tree").recursive(true).send().body().node();
    Node deeper = KeysIntegrationTest.child(KeysIntegrationTest.child(tree, "sub"), "deeper");
    assertEquals("3", KeysIntegrationTest.child(deeper, "c").value());

    Node viaRead = etcd.read("/tree", true, false, false).body().node();
    assertEquals(
        "2", KeysIntegrationTest.child(KeysIntegrationTest.child(viaRead, "sub"), "b").value());
  }

  @Test
  void sortedListsChildrenInKeyOrder(EtcdClient etcd) {
    List<String> created = List.of("h", "c", "f", "a", "g", "b", "e", "d");
    for (String name : created) etcd.set("/dir/" + name, name);
    etcd.set("/nested/z/2", "z2");
    etcd.set("/nested/z/1", "z1");
    etcd.set("/nested/y", "y");

    List<String> expected = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    assertEquals(expected, namesInOrder(etcd.read("/dir", false, true, false).body().node()));
    assertEquals(
        expected, namesInOrder(etcd.requests().getKey("/dir").sorted(true).send().body().node()));

    Node nested =
        etcd.requests().getKey("/nested").sorted(true).recursive(true).send().body().node();
    assertEquals(List.of("y", "z"), namesInOrder(nested));
    assertEquals(List.of("1", "2"), namesInOrder(KeysIntegrationTest.child(nested, "z")));
  }

  @Test
  void quorumReadsGoThroughRaft(EtcdClient etcd) {
    long written = etcd.set("/k", "v").raftIndex();
    assertTrue(written > 0);

    // Each quorum read is a raft proposal: X-Raft-Index grows with every one. Plain reads do not
    // touch raft, so three in a row cannot all grow (the TTL sync ticks only every 500 ms).
    long previous = written;
    for (int i = 0; i < 3; i++) {
      EtcdResponse<KeysResult> read =
          i == 1
              ? etcd.requests().getKey("/k").quorum(true).send()
              : etcd.read("/k", false, false, true);
      assertEquals(200, read.status());
      assertEquals("v", read.body().node().value());
      assertTrue(
          read.raftIndex() > previous,
          "quorum read " + i + " raft index " + read.raftIndex() + " after " + previous);
      previous = read.raftIndex();
    }
    EtcdResponse<KeysResult> notQuorum = etcd.requests().getKey("/k").quorum(false).send();
    assertEquals(200, notQuorum.status());
    assertEquals("v", notQuorum.body().node().value());
  }

  // ---- wait, waitIndex, expire -----------------------------------------------------------------

  @Test
  void waitAndWaitIndexThroughTheBuilder(EtcdClient etcd) throws Exception {
    long first = etcd.set("/w", "one").body().node().modifiedIndex();
    long second = etcd.set("/w", "two").body().node().modifiedIndex();

    EtcdResponse<KeysResult> past = etcd.requests().getKey("/w").wait(true).waitIndex(first).send();
    assertEquals(200, past.status());
    assertEquals("one", past.body().node().value());
    assertEquals(first, past.body().node().modifiedIndex());
    assertEquals(
        "two",
        etcd.requests().getKey("/w").wait(true).waitIndex(second).send().body().node().value());

    EtcdResponse<KeysResult> nothingYet =
        etcd.requests().getKey("/w").wait(true).waitIndex(second + 1).timeout(1).send();
    assertTrue(nothingYet.isTimeout(), nothingYet.toString());

    CompletableFuture<EtcdResponse<KeysResult>> waited =
        CompletableFuture.supplyAsync(
            () -> etcd.requests().getKey("/w").wait(true).timeout(10).send(), waiter);
    awaitWatchers(etcd, 1);
    etcd.delete("/w");
    EtcdResponse<KeysResult> event = waited.get(15, TimeUnit.SECONDS);
    assertEquals(200, event.status(), event.toString());
    assertEquals("delete", event.body().action());
    assertEquals("two", event.body().prevNode().value());
  }

  @Test
  void expiryIsAnEventForWatchers(EtcdClient etcd) throws Exception {
    long next = etcd.set("/short", "lived", 1).body().node().modifiedIndex() + 1;
    EtcdResponse<KeysResult> event = etcd.wait("/short", next, 10);
    assertEquals(200, event.status(), event.toString());
    assertEquals("expire", event.body().action());
    assertEquals("lived", event.body().prevNode().value());
    assertEquals(404, etcd.get("/short").status());
  }

  // ---- noValueOnSuccess, POST ------------------------------------------------------------------

  @Test
  void noValueOnSuccessAnswersTheActionAlone(EtcdClient etcd) {
    EtcdResponse<KeysResult> created =
        etcd.requests().putKey("/k").value("v").noValueOnSuccess(true).send();
    assertEquals(201, created.status(), created.toString());
    assertEquals("set", created.body().action());
    assertNull(created.body().node(), "no node with noValueOnSuccess");
    assertNull(created.body().prevNode());
    assertEquals("v", etcd.get("/k").body().node().value());

    EtcdResponse<KeysResult> updated =
        etcd.requests().putKey("/k").value("w").prevExist(true).noValueOnSuccess(true).send();
    assertEquals(200, updated.status());
    assertEquals("update", updated.body().action());
    assertNull(updated.body().node());

    EtcdResponse<KeysResult> failed =
        etcd.requests().putKey("/k").value("x").prevExist(false).noValueOnSuccess(true).send();
    assertEquals(412, failed.status(), "failures still carry the error");
    assertEquals(EtcdError.NODE_EXIST, failed.error().errorCode());

    EtcdResponse<KeysResult> withNode =
        etcd.requests().putKey("/k").value("y").noValueOnSuccess(false).send();
    assertEquals("y", withNode.body().node().value());

    EtcdResponse<KeysResult> posted =
        etcd.requests().postKey("/queue").value("job").noValueOnSuccess(true).send();
    assertEquals(201, posted.status());
    assertEquals("create", posted.body().action());
    assertNull(posted.body().node());
    assertEquals(1, etcd.readdir("/queue").body().node().nodes().size());
  }

  @Test
  void postCreatesInOrderKeysWithATtl(EtcdClient etcd) {
    String dir = "/KeysApiIntegrationTest/postCreatesInOrderKeysWithATtl/queue";
    EtcdResponse<KeysResult> first = etcd.requests().postKey("/queue").value("job-1").ttl(5).send();
    assertEquals(201, first.status(), first.toString());
    assertEquals("create", first.body().action());
    Node node = first.body().node();
    assertTrue(node.key().matches(dir + "/\\d{20}"), node.key());
    assertEquals(5, node.ttl());
    assertNotNull(node.expiration());
    assertEquals("job-1", node.value());
    assertEquals(node.createdIndex(), Long.parseLong(node.key().substring(dir.length() + 1)));

    EtcdResponse<KeysResult> second = etcd.requests().postKey("/queue").value("job-2").send();
    assertEquals(-1, second.body().node().ttl());
    assertTrue(second.body().node().key().compareTo(node.key()) > 0, "in order");
    EtcdResponse<KeysResult> pushed = etcd.push("/queue", "job-3", 9);
    assertEquals(9, pushed.body().node().ttl());

    EtcdResponse<KeysResult> inOrderDir = etcd.requests().postKey("/queue").dir(true).send();
    assertEquals(201, inOrderDir.status());
    assertTrue(inOrderDir.body().node().isDir());

    List<String> sorted = new ArrayList<>();
    for (Node child : etcd.read("/queue", false, true, false).body().node().nodes()) {
      sorted.add(child.isDir() ? "dir" : child.value(String.class));
    }
    assertEquals(List.of("job-1", "job-2", "job-3", "dir"), sorted);
  }

  // ---- DELETE: dir, recursive, prevValue, prevIndex --------------------------------------------

  @Test
  void deleteDirectoriesWithDirAndRecursive(EtcdClient etcd) {
    etcd.mkdir("/empty");
    etcd.set("/full/a", "1");
    etcd.set("/full/sub/b", "2");

    EtcdResponse<KeysResult> noFlags = etcd.requests().deleteKey("/empty").send();
    assertEquals(403, noFlags.status());
    assertEquals(EtcdError.NOT_FILE, noFlags.error().errorCode());

    EtcdResponse<KeysResult> empty = etcd.requests().deleteKey("/empty").dir(true).send();
    assertEquals(200, empty.status(), empty.toString());
    assertEquals("delete", empty.body().action());
    assertTrue(empty.body().prevNode().isDir());
    assertEquals(404, etcd.readdir("/empty").status());

    EtcdResponse<KeysResult> notEmpty = etcd.requests().deleteKey("/full").dir(true).send();
    assertEquals(403, notEmpty.status());
    assertEquals(EtcdError.DIR_NOT_EMPTY, notEmpty.error().errorCode());
    assertEquals(200, etcd.get("/full/sub/b").status());

    EtcdResponse<KeysResult> recursive =
        etcd.requests().deleteKey("/full").dir(true).recursive(true).send();
    assertEquals(200, recursive.status());
    assertEquals(404, etcd.get("/full/sub/b").status());
    assertEquals(404, etcd.readdir("/full").status());

    etcd.set("/again/x", "1");
    assertEquals(
        200,
        etcd.requests().deleteKey("/again").recursive(true).send().status(),
        "recursive alone deletes a directory");
    assertEquals(404, etcd.readdir("/again").status());
  }

  @Test
  void deleteComparesValueAndIndex(EtcdClient etcd) {
    long index = etcd.set("/k", "one").body().node().modifiedIndex();

    EtcdResponse<KeysResult> wrongValue = etcd.requests().deleteKey("/k").prevValue("two").send();
    assertEquals(412, wrongValue.status());
    assertEquals(EtcdError.TEST_FAILED, wrongValue.error().errorCode());
    EtcdResponse<KeysResult> wrongIndex =
        etcd.requests().deleteKey("/k").prevIndex(index + 50).send();
    assertEquals(412, wrongIndex.status());
    assertEquals(EtcdError.TEST_FAILED, wrongIndex.error().errorCode());
    assertEquals(200, etcd.get("/k").status());

    EtcdResponse<KeysResult> byBuilder =
        etcd.requests().deleteKey("/k").prevValue("one").prevIndex(index).send();
    assertEquals(200, byBuilder.status(), byBuilder.toString());
    assertEquals("compareAndDelete", byBuilder.body().action());
    assertEquals(404, etcd.get("/k").status());

    etcd.set("/v", "keep");
    EtcdResponse<KeysResult> casWrong = etcd.compareAndDelete("/v", "other");
    assertEquals(412, casWrong.status());
    assertEquals(EtcdError.TEST_FAILED, casWrong.error().errorCode());
    assertEquals(200, etcd.get("/v").status());
    EtcdResponse<KeysResult> casRight = etcd.compareAndDelete("/v", "keep");
    assertEquals(200, casRight.status());
    assertEquals("compareAndDelete", casRight.body().action());
    assertEquals("keep", casRight.body().prevNode().value());
    assertEquals(404, etcd.get("/v").status());

    long i = etcd.set("/i", "x").body().node().modifiedIndex();
    EtcdResponse<KeysResult> indexWrong = etcd.compareAndDeleteIndex("/i", i + 1);
    assertEquals(412, indexWrong.status());
    assertEquals(EtcdError.TEST_FAILED, indexWrong.error().errorCode());
    EtcdResponse<KeysResult> indexRight = etcd.compareAndDeleteIndex("/i", i);
    assertEquals(200, indexRight.status());
    assertEquals("compareAndDelete", indexRight.body().action());
    assertEquals(404, etcd.get("/i").status());

    EtcdResponse<KeysResult> missing = etcd.compareAndDelete("/i", "x");
    assertEquals(404, missing.status());
    assertEquals(EtcdError.KEY_NOT_FOUND, missing.error().errorCode());
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** A client with a default TTL of 30 s, under a prefix of its own. */
  private static EtcdClient defaultTtlClient(LocalEtcd server, String name) {
    return EtcdClient.builder()
        .host(server.clientUrl())
        .prefix("/KeysApiIntegrationTest/" + name)
        .ttl(30)
        .build();
  }

  /**
   * The form fields a write sends, as encoded: etcd treats an empty ttl like an absent one on an
   * update, so only the request shows that {@code ttl=} went out.
   */
  private static List<String> formFields(EtcdCall<?> call) throws IOException {
    Buffer buffer = new Buffer();
    call.request().body().writeTo(buffer);
    return Arrays.asList(buffer.readUtf8().split("&"));
  }

  /** The last path segment of each child, in the order etcd listed them. */
  private static List<String> namesInOrder(Node dir) {
    List<String> names = new ArrayList<>();
    for (Node node : dir.nodes()) names.add(node.key().substring(node.key().lastIndexOf('/') + 1));
    return names;
  }

  /** Waits until the member counts exactly {@code count} watchers, so a long poll is in place. */
  private static void awaitWatchers(EtcdClient etcd, long count) {
    long seen =
        Await.until(() -> etcd.statsStore().body().watchers(), n -> n == count, WATCH_REGISTERED);
    assertEquals(count, seen, "watchers on the member");
  }
}
