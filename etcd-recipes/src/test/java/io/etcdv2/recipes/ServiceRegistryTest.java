package io.etcdv2.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Instances appearing (registered here and in a JVM of their own) and going (closed, expired after
 * kill -9, and one whose key vanished coming back), as discoverers on other clients see them.
 */
class ServiceRegistryTest {
  @RegisterExtension static EtcdExtension etcd = EtcdExtension.singleNode();

  /** A discoverer's listener calls, with when they came. */
  static final class Seen implements ServiceDiscovery.Listener {
    final List<String> events = new ArrayList<>();
    final List<Long> times = new ArrayList<>();

    @Override
    public synchronized void added(ServiceInstance instance) {
      record("+" + instance.id() + "=" + instance.value());
    }

    @Override
    public synchronized void updated(ServiceInstance previous, ServiceInstance current) {
      record("~" + current.id() + "=" + current.value());
    }

    @Override
    public synchronized void removed(ServiceInstance instance) {
      record("-" + instance.id());
    }

    private void record(String event) {
      events.add(event);
      times.add(System.nanoTime());
      notifyAll();
    }

    /** When {@code event} came (nanoTime), waiting up to {@code millis} for it. */
    synchronized Long await(String event, long millis) throws InterruptedException {
      return await(0, event, millis);
    }

    /** As {@link #await(String, long)}, for an event from the {@code from}th on. */
    synchronized Long await(int from, String event, long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      while (true) {
        int at = events.subList(from, events.size()).indexOf(event);
        if (at >= 0) return times.get(from + at);
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) return null;
        wait(left);
      }
    }

    synchronized int size() {
      return events.size();
    }

    synchronized List<String> events() {
      return new ArrayList<>(events);
    }
  }

  private static SortedSet<String> ids(ServiceDiscovery discovery) {
    TreeSet<String> ids = new TreeSet<>();
    for (ServiceInstance instance : discovery.list()) ids.add(instance.id());
    return ids;
  }

  private static void awaitIds(ServiceDiscovery discovery, Predicate<SortedSet<String>> wanted)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (!wanted.test(ids(discovery)) && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(wanted.test(ids(discovery)), () -> "list() is " + ids(discovery));
  }

  @Test
  void instancesAppearAndExpireAsDiscoverersSeeThem() throws Exception {
    long ttl = 2;
    String endpoint = etcd.endpoints().get(0);
    Seen seen = new Seen();
    try (EtcdClient serverClient = EtcdClient.builder().host(endpoint).build();
        EtcdClient clientClient = EtcdClient.builder().host(endpoint).build();
        ServiceRegistry clients = ServiceRegistry.create(clientClient, "/services");
        ServiceDiscovery web = clients.discover("web", seen)) {
      ServiceRegistry servers = ServiceRegistry.create(serverClient, "/services");
      assertEquals(List.of(), web.list());

      ServiceRegistration a = servers.register("web", "a", Map.of("port", 8080), ttl);
      ServiceRegistration b = servers.register("web", "b", "10.0.0.2:80", ttl);
      servers.register("db", "x", "10.0.0.9:5432", ttl); // another service: not seen by web
      assertNotNull(seen.await("+a={port=8080.0}", 2_000));
      assertNotNull(seen.await("+b=10.0.0.2:80", 2_000));
      awaitIds(web, ids -> ids.equals(new TreeSet<>(List.of("a", "b"))));
      assertEquals(Map.of("port", 8080.0), web.list().get(0).value());

      try (Child.Started crashing =
          Child.start(
              "register", endpoint, "/services", "web", "c", "10.0.0.3:80", String.valueOf(ttl))) {
        assertEquals("REGISTERED /services/web/c", crashing.line);
        assertNotNull(seen.await("+c=10.0.0.3:80", 2_000));

        Thread.sleep(ttl * 1000 + 500); // heartbeats keep all three past their TTL
        assertEquals(new TreeSet<>(List.of("a", "b", "c")), ids(web));
        assertTrue(
            seen.events().stream().noneMatch(e -> e.startsWith("-")), () -> "" + seen.events());

        // Closing a registration removes it at once.
        long closing = System.nanoTime();
        a.close();
        Long removedA = seen.await("-a", 2_000);
        assertNotNull(removedA);
        long closeMillis = (removedA - closing) / 1_000_000;
        assertTrue(closeMillis < 500, "seen " + closeMillis + " ms after close()");

        // A crashed instance expires within its TTL (plus etcd's half-second expiry tick).
        long killed = System.nanoTime();
        crashing.kill();
        Long removedC = seen.await("-c", ttl * 1000 + 2_000);
        assertNotNull(removedC, () -> "c never expired: " + seen.events());
        long expiryMillis = (removedC - killed) / 1_000_000;
        assertTrue(expiryMillis <= ttl * 1000 + 1_000, "expired after " + expiryMillis + " ms");
        awaitIds(web, ids -> ids.equals(new TreeSet<>(List.of("b"))));

        // An open registration whose key vanished (as after a long partition) comes back.
        int mark = seen.size();
        etcd.client().delete("/services/web/b");
        assertNotNull(seen.await(mark, "-b", 2_000));
        Long back = seen.await(mark, "+b=10.0.0.2:80", ttl * 1000 + 1_000);
        assertNotNull(back, () -> "b did not come back: " + seen.events());
        // The discoverer may see the write before the registration hears etcd's answer.
        long deadline = System.currentTimeMillis() + 2_000;
        while (b.registrations() < 2 && System.currentTimeMillis() < deadline) Thread.sleep(5);
        assertEquals(2, b.registrations());

        // A discoverer started now sees the current instances.
        try (ServiceDiscovery late = servers.discover("web")) {
          assertEquals(new TreeSet<>(List.of("b")), ids(late));
        }
        // An instance restarted under the same id: the old registration's close() leaves the
        // new one's key alone.
        ServiceRegistration old = servers.register("web", "r", "old", ttl);
        ServiceRegistration renewed = clients.register("web", "r", "new", ttl);
        old.close();
        assertEquals("new", etcd.client().get("/services/web/r").body().node().value());
        renewed.close();
        assertEquals(404, etcd.client().get("/services/web/r").status());

        b.update("10.0.0.2:81");
        assertNotNull(seen.await("~b=10.0.0.2:81", 2_000));

        System.out.printf(
            "registry: a closed registration left discoverers after %d ms; an"
                + " instance killed with kill -9 expired from them after %d ms (ttl %d s)%n",
            closeMillis, expiryMillis, ttl);
      }
      int mark = seen.size();
      servers.close(); // deregisters b (and db/x)
      assertNotNull(seen.await(mark, "-b", 2_000));
      awaitIds(web, ids -> ids.isEmpty());
      assertEquals(404, etcd.client().get("/services/db/x").status());
      assertThrows(IllegalStateException.class, () -> servers.register("web", "d", "v", ttl));
      assertThrows(IllegalArgumentException.class, () -> clients.register("web", "a/b", "v", ttl));
    }
  }
}
