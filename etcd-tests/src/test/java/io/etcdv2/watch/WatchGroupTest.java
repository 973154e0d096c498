package io.etcdv2.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.Watch;
import io.etcdv2.runtime.WatchGroup;
import io.etcdv2.runtime.WatchListener;
import io.etcdv2.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ten thousand watches sharing one long poll: each sees exactly its own events, in order. */
final class WatchGroupTest {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.singleNode();

  /** Records the modifiedIndex of each event, and anything else that happens. */
  static final class Seen implements WatchListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Object> trouble = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(KeysResult event) {
      events.add(event.action() + " " + event.node().key() + " " + event.node().modifiedIndex());
    }

    @Override
    public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
      trouble.add("resync " + etcdIndex);
    }

    @Override
    public void onError(Throwable error) {
      trouble.add(error);
    }
  }

  private static boolean allArrived(
      Map<String, Seen> byKey,
      Map<String, List<String>> expected,
      Map<Integer, Seen> trees,
      Map<Integer, List<String>> expectedTrees) {
    for (Map.Entry<String, Seen> entry : byKey.entrySet()) {
      int due = expected.getOrDefault(entry.getKey(), List.of()).size();
      if (entry.getKey().startsWith("/group/d3/")) due++; // the directory's delete
      if (entry.getValue().events.size() < due) return false;
    }
    for (Map.Entry<Integer, Seen> tree : trees.entrySet()) {
      if (tree.getValue().events.size() < expectedTrees.get(tree.getKey()).size()) return false;
    }
    return true;
  }

  @Test
  void tenThousandWatchesShareOnePollAndEachSeesItsOwnEvents() throws Exception {
    try (EtcdClient client =
        EtcdClient.builder().host(etcd.endpoints().get(0)).prefix("/wg").build()) {
      // OkHttp's process-wide task runner (the pools' cleanup) is not the client's: not counted.
      Set<Thread> threadsBefore = Threads.live();
      WatchGroup group = client.watch("/group").startGroup();
      Map<String, Seen> byKey = new HashMap<>();
      for (int d = 0; d < 10; d++) {
        for (int k = 0; k < 1000; k++) {
          String key = "/group/d" + d + "/k" + k;
          Seen seen = new Seen();
          byKey.put(key, seen);
          group.watch(key, seen);
        }
      }
      Map<Integer, Seen> trees = new HashMap<>();
      for (int d = 0; d < 10; d++) {
        trees.put(d, new Seen());
        group.watchTree("/group/d" + d, trees.get(d));
      }
      assertEquals(10_010, group.size());

      Map<String, List<String>> expected = new HashMap<>();
      Map<Integer, List<String>> expectedTrees = new HashMap<>();
      for (int d = 0; d < 10; d++) expectedTrees.put(d, new ArrayList<>());
      Random random = new Random(5);
      for (int i = 0; i < 600; i++) {
        int d = random.nextInt(10);
        String key = "/group/d" + d + "/k" + random.nextInt(1000);
        EtcdResponse<KeysResult> set = client.set(key, i);
        String seen = set.body().action() + " /wg" + key + " " + set.body().node().modifiedIndex();
        expected.computeIfAbsent(key, k -> new ArrayList<>()).add(seen);
        expectedTrees.get(d).add(seen);
      }
      EtcdResponse<KeysResult> removed = client.rmdir("/group/d3", true);
      String dirDelete = "delete /wg/group/d3 " + removed.body().node().modifiedIndex();
      expectedTrees.get(3).add(dirDelete);

      // Every watch has had as many events as it should (which ones is asserted below).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!allArrived(byKey, expected, trees, expectedTrees) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<String> threadsAdded = Threads.added(threadsBefore, Threads::isOkHttpTaskRunner);
      int threadsDuring = threadsAdded.size();
      long watchThreads =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().startsWith("etcd-watch"))
              .count();

      for (Map.Entry<String, Seen> entry : byKey.entrySet()) {
        List<String> mine = new ArrayList<>(expected.getOrDefault(entry.getKey(), List.of()));
        if (entry.getKey().startsWith("/group/d3/")) mine.add(dirDelete);
        assertEquals(mine, entry.getValue().events, entry.getKey());
        assertTrue(entry.getValue().trouble.isEmpty(), entry.getValue().trouble.toString());
      }
      for (int d = 0; d < 10; d++) {
        assertEquals(expectedTrees.get(d), trees.get(d).events, "tree /group/d" + d);
      }
      System.out.printf(
          "watch group: 10,010 watches, %d watch thread(s), %d threads more than" + " before%n",
          watchThreads, threadsDuring);
      assertEquals(1, watchThreads, "one watch thread for the whole group");
      // One watch thread, plus OkHttp dispatcher threads for the at most 8 polls a lagging watch
      // pipelines (idle ones end after OkHttp's 60 s keep-alive).
      assertTrue(
          threadsDuring <= 9, threadsDuring + " threads for 10,010 watches: " + threadsAdded);

      Watch one = group.watch("/group/d0/k1", new Seen());
      one.stop();
      assertEquals(10_010, group.size(), "a stopped watch leaves the group");
      assertThrows(IllegalArgumentException.class, () -> group.watch("/elsewhere", new Seen()));
      group.stop();
    }
  }
}
