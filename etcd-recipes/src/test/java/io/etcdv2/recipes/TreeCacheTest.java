package io.etcdv2.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Node;
import io.etcdv2.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 random changes from two writers (set, delete, mkdir, rmdir, keys written with a TTL that
 * then expire), with a listener blocking the cache long enough for etcd's 1000-event history to
 * move past it (a forced resync): the cache ends equal to a quorum read at its index, and its
 * listeners' calls replay to the same state.
 */
class TreeCacheTest {
  @RegisterExtension static EtcdExtension etcd = EtcdExtension.singleNode();

  private static final int CHANGES = 10_000;

  /** Applies the listener calls to a map, checking each against what came before. */
  static final class Replay implements TreeCache.Listener {
    final Map<String, CachedNode> state = new TreeMap<>();
    final List<String> errors = new ArrayList<>();
    int added;
    int updated;
    int removed;

    @Override
    public synchronized void added(CachedNode node) {
      added++;
      if (state.put(node.key(), node) != null) errors.add("added twice: " + node);
    }

    @Override
    public synchronized void updated(CachedNode previous, CachedNode current) {
      updated++;
      CachedNode had = state.put(current.key(), current);
      if (!previous.equals(had)) errors.add("updated " + previous + " but had " + had);
    }

    @Override
    public synchronized void removed(CachedNode node) {
      removed++;
      CachedNode had = state.remove(node.key());
      if (!node.equals(had)) errors.add("removed " + node + " but had " + had);
    }

    synchronized Map<String, CachedNode> state() {
      return new TreeMap<>(state);
    }

    synchronized int calls() {
      return added + updated + removed;
    }
  }

  @Test
  void tenThousandRandomChangesWithAForcedResyncEndEqualToAQuorumRead() throws Exception {
    String endpoint = etcd.endpoints().get(0);
    AtomicInteger changes = new AtomicInteger();
    try (EtcdClient cacheClient = EtcdClient.builder().host(endpoint).build();
        TreeCache cache = TreeCache.create(cacheClient, "/config")) {
      etcd.client().set("/config/seed", "before start");
      Replay replay = new Replay();
      cache.addListener(replay);
      // Blocks the watch's thread once, at the 3,000th change, until 1,500 more have been made:
      // by then etcd's 1000-event history no longer reaches back to the cache's next index.
      CountDownLatch blocked = new CountDownLatch(1);
      AtomicInteger blockedFor = new AtomicInteger(-1);
      cache.addListener(
          new TreeCache.Listener() {
            @Override
            public void added(CachedNode node) {
              block();
            }

            @Override
            public void updated(CachedNode previous, CachedNode current) {
              block();
            }

            @Override
            public void removed(CachedNode node) {
              block();
            }

            private void block() {
              if (blocked.getCount() == 0 || changes.get() < 3_000) return;
              int at = changes.get();
              while (changes.get() < at + 1_500 && changes.get() < CHANGES) {
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
              blockedFor.set(changes.get() - at);
              blocked.countDown();
            }
          });
      cache.start();
      assertEquals("before start", cache.get("/config/seed").value());
      assertEquals(
          List.of("/config", "/config/seed"),
          List.copyOf(replay.state().keySet()),
          "the first read is told as added()");

      long started = System.nanoTime();
      ExecutorService writers = Executors.newFixedThreadPool(2);
      List<Future<int[]>> counts = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int seed = w;
        counts.add(writers.submit(() -> write(endpoint, seed, changes)));
      }
      int[] byKind = new int[5];
      for (Future<int[]> f : counts) {
        int[] c = f.get(120, TimeUnit.SECONDS);
        for (int i = 0; i < c.length; i++) byKind[i] += c[i];
      }
      writers.shutdown();
      double seconds = (System.nanoTime() - started) / 1e9;
      assertTrue(blocked.await(5, TimeUnit.SECONDS), "the blocking listener never ran");
      assertTrue(blockedFor.get() > 1_000, "blocked for only " + blockedFor + " changes");
      Thread.sleep(1_500); // let the last keys with a TTL expire

      // Compare at one index: write a marker, wait for the cache to see it, read with quorum.
      Map<String, CachedNode> read = null;
      long index = -1;
      for (int attempt = 0; attempt < 5; attempt++) {
        long marker = etcd.client().set("/config/marker", attempt).body().node().modifiedIndex();
        assertTrue(
            cache.awaitIndex(marker, 10, TimeUnit.SECONDS),
            "the cache stopped at " + cache.index() + " before " + marker);
        EtcdResponse<KeysResult> quorum = etcd.client().read("/config", true, true, true);
        if (quorum.etcdIndex() == marker) { // nothing expired in between
          read = new TreeMap<>();
          flatten(quorum.body().node(), read);
          index = marker;
          break;
        }
      }
      assertNotNull(read, "keys kept expiring");
      assertEquals(index, cache.index());
      SortedMap<String, CachedNode> snapshot = cache.snapshot();
      assertEquals(read, snapshot, "the cache differs from a quorum read at " + index);
      assertEquals(List.of(), replay.errors);
      assertEquals(read, replay.state(), "the listener's calls replay to another state");
      assertTrue(cache.resyncCount() >= 1, "no resync happened");
      assertTrue(read.size() > 20, "a meaningful tree: " + read.size());

      // children() and get() agree with the snapshot.
      for (CachedNode node : snapshot.values()) {
        if (!node.isDir()) continue;
        List<String> expected = new ArrayList<>();
        for (String key : snapshot.keySet()) {
          if (key.startsWith(node.key() + "/") && key.indexOf('/', node.key().length() + 1) < 0) {
            expected.add(key);
          }
        }
        List<String> actual = new ArrayList<>();
        for (CachedNode child : cache.children(node.key())) actual.add(child.key());
        assertEquals(expected, actual, "children of " + node.key());
      }
      assertNull(cache.get("/config/no/such/key"));

      System.out.printf(
          "tree cache: %d changes (%d sets, %d sets with a TTL, %d deletes,"
              + " %d mkdirs, %d rmdirs) by 2 writers in %.2f s; %d resync(s) after a listener"
              + " blocked for %d changes; %d listener calls replayed (%d added, %d updated,"
              + " %d removed); %d nodes equal to the quorum read at %d%n",
          Math.min(changes.get(), CHANGES),
          byKind[0],
          byKind[1],
          byKind[2],
          byKind[3],
          byKind[4],
          seconds,
          cache.resyncCount(),
          blockedFor.get(),
          replay.calls(),
          replay.added,
          replay.updated,
          replay.removed,
          read.size(),
          index);
    }
  }

  /** Random changes until {@link #CHANGES} are made in all; successful ones counted by kind. */
  private static int[] write(String endpoint, int seed, AtomicInteger changes) {
    int[] byKind = new int[5];
    Random random = new Random(seed);
    try (EtcdClient client = EtcdClient.builder().host(endpoint).build()) {
      while (changes.get() < CHANGES) {
        String dir = "/config/d" + random.nextInt(4);
        String sub = dir + "/s" + random.nextInt(4);
        String key = (random.nextBoolean() ? dir : sub) + "/k" + random.nextInt(12);
        int roll = random.nextInt(100);
        int kind;
        EtcdResponse<KeysResult> result;
        if (roll < 55) {
          kind = 0;
          result = client.set(key, random.nextInt(1000));
        } else if (roll < 62) {
          kind = 1;
          result = client.set(key, "short-lived", 1);
        } else if (roll < 87) {
          kind = 2;
          result = client.delete(key);
        } else if (roll < 95) {
          kind = 3;
          result = client.mkdir(sub + "/m" + random.nextInt(3));
        } else {
          kind = 4;
          result = client.rmdir(random.nextInt(4) == 0 ? dir : sub, true);
        }
        if (result.isSuccessful() && changes.incrementAndGet() <= CHANGES) byKind[kind]++;
      }
    }
    return byKind;
  }

  private static void flatten(Node node, Map<String, CachedNode> into) {
    into.put(node.key(), CachedNode.of(node, node.key()));
    for (Node child : node.nodes()) flatten(child, into);
  }
}
