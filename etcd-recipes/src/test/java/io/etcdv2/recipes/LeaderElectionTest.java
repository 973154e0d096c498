package io.etcdv2.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three candidates, one of them in a JVM of its own: its kill -9 and then the next leader's close()
 * each hand the lead to exactly one successor, and the recorded history never has two leaders at
 * once.
 */
class LeaderElectionTest {
  @RegisterExtension static EtcdExtension etcd = EtcdExtension.singleNode();

  /** What the in-JVM candidates were told, in the order they were told it. */
  static final class History {
    static final class Entry {
      final long nanos;
      final String id;
      final boolean elected;
      final long token;
      final String leaderInEtcd;

      Entry(long nanos, String id, boolean elected, long token, String leaderInEtcd) {
        this.nanos = nanos;
        this.id = id;
        this.elected = elected;
        this.token = token;
        this.leaderInEtcd = leaderInEtcd;
      }

      @Override
      public String toString() {
        return id
            + (elected ? " elected" : " revoked")
            + " token="
            + token
            + " etcd="
            + leaderInEtcd;
      }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(Entry entry) {
      entries.add(entry);
      notifyAll();
    }

    synchronized List<Entry> entries() {
      return new ArrayList<>(entries);
    }

    /** Waits until some entry from {@code from} on matches. */
    synchronized Entry await(int from, Predicate<Entry> wanted, long millis)
        throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      while (true) {
        for (int i = from; i < entries.size(); i++) {
          if (wanted.test(entries.get(i))) return entries.get(i);
        }
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) return null;
        wait(left);
      }
    }

    synchronized int size() {
      return entries.size();
    }
  }

  private static LeaderElection candidate(EtcdClient client, String id, long ttl, History history) {
    LeaderElection election = LeaderElection.create(client, "/election/svc", id, ttl);
    election.start(
        new LeaderElection.Listener() {
          @Override
          public void elected() {
            // Read etcd's view on the election's thread: the candidate must be first there.
            history.add(
                new History.Entry(
                    System.nanoTime(), id, true, election.fencingToken(), election.leader()));
          }

          @Override
          public void revoked() {
            history.add(new History.Entry(System.nanoTime(), id, false, -1, null));
          }
        });
    return election;
  }

  @Test
  void killedAndClosedLeadersAreSucceededByExactlyOneCandidateAndNeverTwoLeadAtOnce()
      throws Exception {
    long ttl = 2;
    History history = new History();
    String endpoint = etcd.endpoints().get(0);
    try (Child.Started first =
            Child.start("elect", endpoint, "/election/svc", "jvm", String.valueOf(ttl));
        EtcdClient clientB = EtcdClient.builder().host(endpoint).build();
        EtcdClient clientC = EtcdClient.builder().host(endpoint).build();
        LeaderElection b = candidate(clientB, "b", ttl, history);
        LeaderElection c = candidate(clientC, "c", ttl, history)) {
      long jvmToken = first.token();
      Thread.sleep(ttl * 1000); // several refreshes: the first leader stays
      assertEquals(0, history.size(), () -> "elected while the first leads: " + history.entries());
      assertEquals("jvm", b.leader());

      // kill -9 of the leader: one successor within TTL + 1 s.
      long killed = System.nanoTime();
      first.kill();
      History.Entry next = history.await(0, e -> e.elected, ttl * 1000 + 1000);
      assertTrue(next != null, "no leader within TTL + 1 s of kill -9");
      long takeover = (next.nanos - killed) / 1_000_000;
      assertTrue(takeover <= ttl * 1000 + 1000, "took " + takeover + " ms");
      assertEquals(next.id, next.leaderInEtcd, "etcd had another leader at election");
      assertTrue(next.token > jvmToken);
      Thread.sleep(500);
      assertEquals(1, history.size(), () -> "more than one successor: " + history.entries());
      LeaderElection leader = next.id.equals("b") ? b : c;
      LeaderElection other = leader == b ? c : b;
      assertTrue(leader.isLeader());
      assertFalse(other.isLeader());

      // close(): revoked, key gone when close() returns, the other one elected at once.
      long closing = System.nanoTime();
      leader.close();
      long closedMillis = (System.nanoTime() - closing) / 1_000_000;
      String leaderNow = other.leader();
      assertTrue(leaderNow == null || leaderNow.equals(other.id()), "old leader's key remains");
      History.Entry last = history.await(2, e -> e.elected, ttl * 1000 + 1000);
      assertTrue(last != null, () -> "no leader after close(): " + history.entries());
      long handover = (last.nanos - closing) / 1_000_000;
      assertEquals(other.id(), last.id);
      assertEquals(other.id(), last.leaderInEtcd);
      assertTrue(last.token > next.token);
      Thread.sleep(300);

      List<History.Entry> entries = history.entries();
      assertEquals(3, entries.size(), entries::toString);
      Set<String> leading = new HashSet<>();
      for (History.Entry entry : entries) {
        if (entry.elected) {
          assertTrue(leading.isEmpty(), () -> "two leaders at once: " + entries);
          leading.add(entry.id);
        } else {
          assertTrue(leading.remove(entry.id), () -> "revoked without lead: " + entries);
        }
      }
      System.out.printf(
          "election: successor elected %d ms after kill -9 of the leader"
              + " (ttl %d s); close() took %d ms and the next was elected %d ms after it began%n",
          takeover, ttl, closedMillis, handover);
      other.close();
      assertNull(b.leader(), "every key gone after close()");
    }
  }
}
