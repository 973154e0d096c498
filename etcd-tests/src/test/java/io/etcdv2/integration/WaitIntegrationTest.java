package io.etcdv2.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.testing.LocalEtcd;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed's wait and waitdir on a real etcd: one event, or the 408 entity on timeout. */
@RealEtcd
class WaitIntegrationTest {
  private final ExecutorService waiter = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopWaiter() throws InterruptedException {
    waiter.shutdownNow();
    assertTrue(waiter.awaitTermination(10, TimeUnit.SECONDS));
  }

  @Test
  void waitWithNothingHappeningTimesOutAs408(EtcdClient etcd) {
    long next = etcd.set("/quiet", "v").body().node().modifiedIndex() + 1;
    EtcdResponse<KeysResult> response = etcd.wait("/quiet", next, 1);
    assertEquals(408, response.status());
    assertTrue(response.isTimeout());
    assertEquals(0, response.headers().size());
    assertNull(response.body());
    assertNull(response.error());
  }

  @Test
  void waitWithoutTimeoutArgumentUsesTheClientTimeout(LocalEtcd server) {
    try (EtcdClient etcd =
        EtcdClient.builder()
            .host(server.clientUrl())
            .prefix("/client-timeout")
            .timeout(1)
            .build()) {
      EtcdResponse<KeysResult> response = etcd.wait("/never");
      assertTrue(response.isTimeout());
    }
  }

  @Test
  void waitSeesAWriteMadeFromAnotherThread(EtcdClient etcd) throws Exception {
    long next = etcd.set("/watched", "before").body().node().modifiedIndex() + 1;
    CompletableFuture<EtcdResponse<KeysResult>> waited =
        CompletableFuture.supplyAsync(() -> etcd.wait("/watched", next, 30), waiter);
    Thread.sleep(200); // let the long poll reach the server before the write
    assertFalse(waited.isDone(), "wait returned before any write");

    etcd.set("/watched", "after");
    EtcdResponse<KeysResult> event = waited.get(30, TimeUnit.SECONDS);
    assertEquals(200, event.status());
    assertEquals("set", event.body().action());
    assertEquals("after", event.body().node().value());
    assertEquals("before", event.body().prevNode().value());
    assertEquals(next, event.body().node().modifiedIndex());
  }

  @Test
  void waitWithTimeoutZeroOutlastsTheClientTimeout(LocalEtcd server) throws Exception {
    try (EtcdClient etcd =
        EtcdClient.builder().host(server.clientUrl()).prefix("/no-limit").timeout(1).build()) {
      long next = etcd.set("/k", "v").body().node().modifiedIndex() + 1;
      CompletableFuture<EtcdResponse<KeysResult>> waited =
          CompletableFuture.supplyAsync(() -> etcd.wait("/k", next, 0), waiter);
      Thread.sleep(1_800); // longer than the client's 1 s timeout
      assertFalse(waited.isDone(), "a wait without limit ended early: " + waitedNow(waited));
      etcd.set("/k", "late");
      EtcdResponse<KeysResult> event = waited.get(30, TimeUnit.SECONDS);
      assertEquals(200, event.status());
      assertEquals("late", event.body().node().value());
    }
  }

  @Test
  void waitWithAPastIndexReturnsThatEventAtOnce(EtcdClient etcd) {
    long first = etcd.set("/history", "one").body().node().modifiedIndex();
    etcd.set("/history", "two");
    EtcdResponse<KeysResult> event = etcd.wait("/history", first, 5);
    assertEquals(200, event.status());
    assertEquals("one", event.body().node().value());
    assertEquals(first, event.body().node().modifiedIndex());
  }

  @Test
  void waitdirSeesAChangeAnywhereBelowTheDirectory(EtcdClient etcd) throws Exception {
    long next = etcd.mkdir("/tree").body().node().modifiedIndex() + 1;
    CompletableFuture<EtcdResponse<KeysResult>> waited =
        CompletableFuture.supplyAsync(() -> etcd.waitdir("/tree", next, 30), waiter);
    Thread.sleep(200);
    etcd.set("/tree/deep/leaf", 7);
    EtcdResponse<KeysResult> event = waited.get(30, TimeUnit.SECONDS);
    assertEquals(200, event.status());
    assertEquals("set", event.body().action());
    assertTrue(event.body().node().key().endsWith("/tree/deep/leaf"), event.body().node().key());
    assertEquals(7.0, event.body().node().value());

    EtcdResponse<KeysResult> quiet =
        etcd.waitdir("/tree", event.body().node().modifiedIndex() + 1, 1);
    assertTrue(quiet.isTimeout(), quiet.toString());
  }

  private static String waitedNow(CompletableFuture<EtcdResponse<KeysResult>> waited) {
    return waited.getNow(null) == null ? "failed" : waited.getNow(null).toString();
  }
}
