package io.etcdv2.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.testing.EtcdExtension;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recipes on a client with a prefix take and give keys as that client does: without it. */
class PrefixTest {
  @RegisterExtension static EtcdExtension etcd = EtcdExtension.singleNode();

  @Test
  void keysAreTheClientsWithThePrefixAddedAndStripped() throws Exception {
    try (EtcdClient app =
            EtcdClient.builder().host(etcd.endpoints().get(0)).prefix("/app").build();
        DistributedLock lock = DistributedLock.create(app, "/locks/job", 3);
        DistributedLock other = DistributedLock.create(app, "/locks/job", 3);
        LeaderElection election = LeaderElection.create(app, "/election", "a", 3);
        TreeCache cache = TreeCache.create(app, "/cfg");
        ServiceRegistry registry = ServiceRegistry.create(app, "/services")) {
      lock.acquire();
      assertEquals(1, etcd.client().readdir("/app/locks/job").body().node().nodes().size());
      assertTrue(!other.tryAcquire(200, TimeUnit.MILLISECONDS));
      lock.release();
      assertTrue(other.tryAcquire(2, TimeUnit.SECONDS));
      other.release();

      CountDownLatch elected = new CountDownLatch(1);
      election.start(
          new LeaderElection.Listener() {
            @Override
            public void elected() {
              elected.countDown();
            }

            @Override
            public void revoked() {}
          });
      assertTrue(elected.await(5, TimeUnit.SECONDS));
      assertEquals("a", election.leader());

      app.set("/cfg/a/b", "v");
      cache.start();
      long index = app.set("/cfg/c", 1).body().node().modifiedIndex();
      assertTrue(cache.awaitIndex(index, 5, TimeUnit.SECONDS));
      assertEquals(
          List.of("/cfg", "/cfg/a", "/cfg/a/b", "/cfg/c"), List.copyOf(cache.snapshot().keySet()));
      assertEquals("v", cache.get("/cfg/a/b").value());

      registry.register("web", "x", "v", 3);
      try (ServiceDiscovery web = registry.discover("web")) {
        assertEquals("/services/web/x", web.list().get(0).key());
        assertEquals("x", web.list().get(0).id());
      }
      assertEquals(200, etcd.client().get("/app/services/web/x").status());
    }
    assertEquals(404, etcd.client().get("/app/services/web/x").status());
    assertEquals(List.of(), etcd.client().readdir("/app/election").body().node().nodes());
  }
}
