package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Node;
import io.etcdv2.api.PeerUrls;
import io.etcdv2.runtime.Watch;
import io.etcdv2.runtime.WatchListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** FakeEtcd through the library's own generated client, the way users' tests meet it. */
@Timeout(30)
class FakeEtcdTest {
  private FakeEtcd fake;

  @AfterEach
  void close() {
    if (fake != null) fake.close();
  }

  private EtcdClient start(FakeEtcd.Builder builder) {
    fake = builder.start();
    return fake.client();
  }

  @Test
  void setAndGetKeepEtcdsIndexes() {
    EtcdClient etcd = start(FakeEtcd.builder());
    EtcdResponse<KeysResult> created = etcd.set("/config/mode", "blue");
    assertEquals(201, created.status());
    assertEquals(4, created.etcdIndex(), "a fresh etcd is at index 3");
    assertEquals(4, created.body().node().modifiedIndex());
    EtcdResponse<KeysResult> replaced = etcd.set("/config/mode", "green");
    assertEquals(200, replaced.status());
    assertEquals("blue", replaced.body().prevNode().value());
    EtcdResponse<KeysResult> read = etcd.get("/config/mode");
    assertEquals("green", read.body().node().value());
    assertEquals(5, read.body().node().createdIndex(), "set replaces the node");
    assertEquals(5, read.etcdIndex());
    assertEquals(6, read.raftIndex());
    assertEquals(2, read.raftTerm());
    assertEquals(5, fake.index());
  }

  @Test
  void errorsAreEtcds() {
    EtcdClient etcd = start(FakeEtcd.builder());
    EtcdResponse<KeysResult> missing = etcd.get("/nope");
    assertEquals(404, missing.status());
    assertEquals(100, missing.error().errorCode());
    assertEquals("Key not found", missing.error().message());
    assertEquals("/nope", missing.error().cause());
    assertEquals(3, missing.error().index());

    etcd.set("/k", "one");
    EtcdResponse<KeysResult> exists = etcd.setnx("/k", "two");
    assertEquals(412, exists.status());
    assertEquals(105, exists.error().errorCode());
    EtcdResponse<KeysResult> swap = etcd.compareAndSwap("/k", "two", "wrong");
    assertEquals(101, swap.error().errorCode());
    assertEquals("[\"wrong\" != \"one\"]", swap.error().cause());
    EtcdResponse<KeysResult> notDir = etcd.set("/k/child", "x");
    assertEquals(400, notDir.status());
    assertEquals(104, notDir.error().errorCode());
  }

  @Test
  void directoriesInOrderKeysAndSortedListings() {
    EtcdClient etcd = start(FakeEtcd.builder());
    assertEquals(201, etcd.mkdir("/jobs").status());
    EtcdResponse<KeysResult> first = etcd.push("/jobs", "a");
    EtcdResponse<KeysResult> second = etcd.push("/jobs", "b");
    assertEquals("/jobs/00000000000000000005", first.body().node().key());
    assertEquals("/jobs/00000000000000000006", second.body().node().key());
    etcd.set("/jobs/_lock", "hidden");
    List<Node> listed = etcd.read("/jobs", false, true, false).body().node().nodes();
    assertEquals(2, listed.size(), "hidden keys are not listed: " + listed);
    assertEquals("a", listed.get(0).value());
    assertEquals(403, etcd.rmdir("/jobs").status());
    assertEquals(200, etcd.rmdir("/jobs", true).status());
  }

  @Test
  void waitAnswersTheNextChange() throws Exception {
    EtcdClient etcd = start(FakeEtcd.builder());
    CompletableFuture<EtcdResponse<KeysResult>> waiting =
        CompletableFuture.supplyAsync(() -> etcd.wait("/flag", 0, 10));
    Thread.sleep(200);
    assertFalse(waiting.isDone());
    etcd.set("/flag", "up");
    EtcdResponse<KeysResult> event = waiting.get(5, TimeUnit.SECONDS);
    assertEquals(200, event.status());
    assertEquals("set", event.body().action());
    assertEquals("up", event.body().node().value());
    assertEquals(3, event.etcdIndex(), "a watch's X-Etcd-Index is the index it began at");
  }

  @Test
  void waitIndexReadsTheHistoryUntilItIsCleared() {
    EtcdClient etcd = start(FakeEtcd.builder());
    long first = etcd.set("/h", "1").body().node().modifiedIndex();
    etcd.set("/h", "2");
    EtcdResponse<KeysResult> past = etcd.wait("/h", first);
    assertEquals("1", past.body().node().value());

    fake.clearHistory();
    EtcdResponse<KeysResult> cleared = etcd.wait("/h", first);
    assertEquals(400, cleared.status());
    assertEquals(401, cleared.error().errorCode());
    assertEquals("The event in requested index is outdated and cleared", cleared.error().message());
    assertEquals("the requested history has been cleared [6/4]", cleared.error().cause());
    assertEquals(5, cleared.error().index());
  }

  @Test
  void historyHoldsTheLastThousandEvents() {
    EtcdClient etcd = start(FakeEtcd.builder());
    for (int i = 0; i < 1001; i++) etcd.set("/many", i);
    EtcdResponse<KeysResult> cleared = etcd.wait("/many", 4);
    assertEquals(401, cleared.error().errorCode());
    assertEquals("the requested history has been cleared [5/4]", cleared.error().cause());
    assertEquals(200, etcd.wait("/many", 5).status());
  }

  @Test
  void continuousWatchSeesEveryChange() throws Exception {
    EtcdClient etcd = start(FakeEtcd.builder());
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    Watch watch =
        etcd.watch("/w")
            .recursive()
            .start(
                new WatchListener() {
                  @Override
                  public void onEvent(KeysResult event) {
                    seen.add(event.action() + " " + event.node().key());
                  }

                  @Override
                  public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
                    seen.add("resync");
                  }

                  @Override
                  public void onError(Throwable error) {
                    seen.add("error " + error);
                  }
                });
    try {
      etcd.set("/w/a", 1);
      etcd.set("/w/b", 2);
      etcd.delete("/w/a");
      for (String expected : List.of("set /w/a", "set /w/b", "delete /w/a")) {
        assertEquals(expected, seen.poll(5, TimeUnit.SECONDS));
      }
    } finally {
      watch.stop();
    }
  }

  @Test
  void ttlsFollowTheManualClock() throws Exception {
    EtcdClient etcd = start(FakeEtcd.builder().manualClock());
    assertEquals(10, etcd.set("/lease", "me", 10).body().node().ttl());
    fake.clock().advance(Duration.ofSeconds(4));
    assertEquals(6, etcd.get("/lease").body().node().ttl());
    assertEquals(200, etcd.refresh("/lease", 10).status());
    fake.clock().advance(Duration.ofSeconds(9));
    assertEquals(1, etcd.get("/lease").body().node().ttl());

    CompletableFuture<EtcdResponse<KeysResult>> waiting =
        CompletableFuture.supplyAsync(() -> etcd.wait("/lease", 0, 10));
    Thread.sleep(200);
    long before = fake.index();
    fake.clock().advance(Duration.ofSeconds(1));
    EtcdResponse<KeysResult> expired = waiting.get(5, TimeUnit.SECONDS);
    assertEquals("expire", expired.body().action());
    assertEquals(before + 1, expired.body().node().modifiedIndex(), "expiry takes an index");
    assertNull(expired.body().node().value());
    assertEquals("me", expired.body().prevNode().value());
    assertEquals(404, etcd.get("/lease").status());
  }

  @Test
  void ttlsExpireInRealTimeByDefault() throws Exception {
    EtcdClient etcd = start(FakeEtcd.builder());
    assertFalse(fake.clock().isManual());
    etcd.set("/short", "x", 1);
    EtcdResponse<KeysResult> expired = etcd.wait("/short", 0, 5);
    assertEquals("expire", expired.body().action());
  }

  @Test
  void failNextFailsThatManyRequestsAndAppliesNothing() {
    EtcdClient etcd = start(FakeEtcd.builder());
    fake.failNext(1, FakeEtcd.Failure.HTTP_500);
    EtcdResponse<KeysResult> failed = etcd.set("/f", "x");
    assertEquals(500, failed.status());
    assertEquals(300, failed.error().errorCode());
    assertEquals("etcdserver: request timed out", failed.error().cause());

    fake.failNext(1, FakeEtcd.Failure.RESET);
    assertThrows(EtcdException.class, () -> etcd.set("/f", "x"));

    fake.failNext(1, FakeEtcd.Failure.TIMEOUT);
    try (EtcdClient impatient = EtcdClient.builder().host(fake.url()).timeout(1).build()) {
      assertTrue(impatient.set("/f", "x").isTimeout());
    }
    assertEquals(404, etcd.get("/f").status(), "no failed request was applied");
    assertEquals(201, etcd.set("/f", "x").status());
  }

  @Test
  void partitionedMemberRefusesWritesAndQuorumReads() {
    EtcdClient etcd = start(FakeEtcd.builder());
    etcd.set("/p", "before");
    fake.partition(true);
    EtcdResponse<KeysResult> write = etcd.set("/p", "during");
    assertEquals(500, write.status());
    assertEquals(300, write.error().errorCode());
    assertEquals("before", etcd.get("/p").body().node().value(), "plain reads still answer");
    assertEquals(500, etcd.read("/p", false, false, true).status(), "quorum reads do not");
    assertEquals(503, etcd.health().status());
    fake.partition(false);
    assertEquals(200, etcd.set("/p", "after").status());
    assertTrue(etcd.health().body().isHealthy());
  }

  @Test
  void basicAuthWhenUsersAreConfigured() {
    EtcdClient anonymous = start(FakeEtcd.builder().user("root", "pw"));
    EtcdResponse<KeysResult> refused = anonymous.get("/secret");
    assertEquals(401, refused.status());
    assertEquals(110, refused.error().errorCode());
    assertEquals("Insufficient credentials", refused.error().cause());
    try (EtcdClient wrong = EtcdClient.builder().host(fake.url()).auth("root", "nope").build();
        EtcdClient root = EtcdClient.builder().host(fake.url()).auth("root", "pw").build()) {
      assertEquals(401, wrong.set("/secret", "x").status());
      assertEquals(201, root.set("/secret", "x").status());
      assertTrue(root.authStatus().body().isEnabled());
    }
  }

  @Test
  void dispatcherServesFromTheUsersOwnMockWebServer() throws Exception {
    FakeEtcd own = FakeEtcd.builder().build();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(own.dispatcher());
      server.start();
      try (EtcdClient etcd = EtcdClient.builder().host(server.url("/").toString()).build()) {
        assertEquals(201, etcd.set("/own", "yes").status());
        assertEquals("3.4.23", etcd.version().body().server());
      }
      IllegalStateException e = assertThrows(IllegalStateException.class, own::url);
      assertTrue(e.getMessage().contains("dispatcher()"), e.getMessage());
    } finally {
      own.close();
    }
  }

  @Test
  void whatTheFakeLeavesOutAnswers501() {
    EtcdClient etcd = start(FakeEtcd.builder());
    EtcdResponse<?> add = etcd.addMember(PeerUrls.of("http://127.0.0.1:2390"));
    assertEquals(501, add.status());
    String message = add.error().message();
    assertTrue(message.startsWith("FakeEtcd does not implement POST /v2/members"), message);
    EtcdResponse<?> users = etcd.users();
    assertEquals(501, users.status());
  }

  @Test
  void serverEndpoints() {
    EtcdClient etcd = start(FakeEtcd.builder().name("n1"));
    assertEquals("3.4.23", etcd.version().body().server());
    assertEquals("3.4.0", etcd.version().body().cluster());
    assertTrue(etcd.health().body().isHealthy());
    assertEquals(1, etcd.members().body().members().size());
    assertEquals("n1", etcd.members().body().members().get(0).name());
    assertEquals(List.of(fake.url()), etcd.members().body().members().get(0).clientURLs());
    assertEquals(fake.url(), etcd.machines().body());
    assertEquals("n1", etcd.statsSelf().body().name());
    assertEquals("StateLeader", etcd.statsSelf().body().state());
    etcd.set("/s", 1);
    etcd.get("/s");
    etcd.get("/missing");
    assertEquals(1, etcd.statsStore().body().setsSuccess());
    assertEquals(1, etcd.statsStore().body().getsSuccess());
    assertEquals(1, etcd.statsStore().body().getsFail());
  }

  @Test
  void closeEndsOpenWatches() throws Exception {
    start(FakeEtcd.builder());
    try (EtcdClient other = EtcdClient.builder().host(fake.url()).build()) {
      CompletableFuture<Object> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return other.wait("/never", 0, 10);
                } catch (EtcdException e) {
                  return e;
                }
              });
      Thread.sleep(200);
      fake.close();
      // The watch ends (as with a stopping etcd: headers, then a broken body) instead of hanging.
      Object outcome = waiting.get(5, TimeUnit.SECONDS);
      assertTrue(outcome instanceof EtcdException, String.valueOf(outcome));
    }
    fake = null;
  }
}
