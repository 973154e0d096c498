package io.etcdv2.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.testing.EtcdExtension;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every recipe at once through a restart of its etcd member shorter than the TTL (nothing lost,
 * nobody told otherwise), then closed: no key of theirs left in etcd and no thread of theirs left
 * in the JVM.
 */
class RestartAndCloseTest {
  @RegisterExtension static EtcdExtension etcd = EtcdExtension.singleNode();

  private static Set<String> recipeThreads() {
    Set<String> names = new TreeSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (thread.isAlive()
          && (name.startsWith("etcd-lock")
              || name.startsWith("etcd-election")
              || name.startsWith("etcd-registry")
              || name.startsWith("etcd-watch"))) {
        names.add(name);
      }
    }
    return names;
  }

  @Test
  void recipesSurviveAMemberRestartAndLeaveNoKeyOrThreadWhenClosed() throws Exception {
    long ttl = 4;
    AtomicInteger lost = new AtomicInteger();
    AtomicInteger revoked = new AtomicInteger();
    CountDownLatch elected = new CountDownLatch(1);
    EtcdClient client = EtcdClient.builder().host(etcd.endpoints().get(0)).build();
    DistributedLock lock = DistributedLock.create(client, "/locks/restart", ttl);
    LeaderElection election = LeaderElection.create(client, "/election/restart", "a", ttl);
    TreeCache cache = TreeCache.create(client, "/cfg");
    ServiceRegistry registry = ServiceRegistry.create(client, "/services");
    try {
      lock.onLost(lost::incrementAndGet);
      lock.acquire();
      election.start(
          new LeaderElection.Listener() {
            @Override
            public void elected() {
              elected.countDown();
            }

            @Override
            public void revoked() {
              revoked.incrementAndGet();
            }
          });
      assertTrue(elected.await(5, TimeUnit.SECONDS));
      cache.start();
      ServiceRegistration registration = registry.register("web", "a", "10.0.0.1:80", ttl);
      ServiceDiscovery web = registry.discover("web");
      assertEquals(1, web.list().size());
      assertEquals(
          Set.of(
              "etcd-election /election/restart a",
              "etcd-lock /locks/restart",
              "etcd-registry /services",
              "etcd-watch /cfg",
              "etcd-watch /services/web"),
          recipeThreads());

      long stopping = System.nanoTime();
      etcd.member(0).restart();
      long downMillis = (System.nanoTime() - stopping) / 1_000_000;
      long written = etcd.client().set("/cfg/after", "restart").body().node().modifiedIndex();
      assertTrue(cache.awaitIndex(written, 10, TimeUnit.SECONDS), "the cache stopped");
      assertEquals("restart", cache.get("/cfg/after").value());
      Thread.sleep(ttl * 1000); // past the TTL: the keys were refreshed again

      assertEquals(0, lost.get(), "the lock was lost over a " + downMillis + " ms restart");
      assertTrue(lock.isHeldByCurrentThread());
      assertEquals(0, revoked.get());
      assertTrue(election.isLeader());
      assertEquals("a", election.leader());
      assertEquals(1, registration.registrations(), "the registration expired");
      assertEquals(List.of("a"), List.of(web.list().get(0).id()));
      System.out.printf(
          "restart: the member was down for %d ms (ttl %d s); lock, lead and"
              + " registration kept, cache followed%n",
          downMillis, ttl);
    } finally {
      lock.release();
      lock.close();
      election.close();
      cache.close();
      registry.close();
    }
    for (String dir : List.of("/locks/restart", "/election/restart", "/services/web")) {
      assertEquals(List.of(), etcd.client().readdir(dir).body().node().nodes(), dir);
    }
    long deadline = System.currentTimeMillis() + 3_000;
    while (!recipeThreads().isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(Set.of(), recipeThreads(), "threads left after close()");
    client.close();
  }
}
