package io.etcdv2.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.Health;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.LeaderStats;
import io.etcdv2.api.Member;
import io.etcdv2.api.MemberList;
import io.etcdv2.api.PeerUrls;
import io.etcdv2.api.SelfStats;
import io.etcdv2.api.VersionInfo;
import io.etcdv2.testing.EtcdExtension;
import io.etcdv2.testing.LocalEtcd;
import io.etcdv2.testing.LocalEtcdCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster endpoints on a real 3-member etcd: members, leader, stats, machines, health, version,
 * and adding, updating and removing a member. Membership changes run last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class ClusterIntegrationTest {
  private static final String PREFIX = "/ClusterIntegrationTest";

  /**
   * etcd's strict reconfiguration check refuses membership changes with 500 until every peer has
   * been connected for 5 s (HealthInterval); such a 500 means nothing was applied.
   */
  private static final Duration RECONFIG_READY = Duration.ofSeconds(15);

  @RegisterExtension static final EtcdExtension cluster = EtcdExtension.cluster(3);
  private static final List<EtcdClient> clients = new ArrayList<>();

  @BeforeAll
  static void connect() {
    for (LocalEtcd member : cluster.members()) clients.add(client(member));
  }

  @AfterAll
  static void disconnect() {
    for (EtcdClient client : clients) client.close();
    clients.clear();
  }

  @Test
  @Order(1)
  void membersListsTheThreeNamedMembersOnEveryMember() {
    for (EtcdClient etcd : clients) {
      EtcdResponse<MemberList> members = etcd.members();
      assertEquals(200, members.status(), members.toString());
      List<Member> list = members.body().members();
      assertEquals(3, list.size(), list.toString());
      assertEquals(Set.of("n1", "n2", "n3"), names(list));
      for (Member member : list) {
        LocalEtcd local = cluster.member(Integer.parseInt(member.name().substring(1)) - 1);
        assertEquals(List.of(local.clientUrl()), member.clientURLs(), member.toString());
        assertEquals(List.of(local.peerUrl()), member.peerURLs(), member.toString());
        assertFalse(member.id().isEmpty());
      }
    }
  }

  @Test
  @Order(2)
  void leaderIsTheMemberWhoseSelfStatsSayStateLeader() {
    int leader = leaderIndex();
    EtcdResponse<SelfStats> leaderSelf = clients.get(leader).statsSelf();
    for (EtcdClient etcd : clients) {
      EtcdResponse<Member> answer = etcd.leader();
      assertEquals(200, answer.status(), answer.toString());
      assertEquals(leaderSelf.body().id(), answer.body().id());
      assertEquals(leaderSelf.body().name(), answer.body().name());
      assertEquals(List.of(cluster.member(leader).clientUrl()), answer.body().clientURLs());
    }
    for (int i = 0; i < clients.size(); i++) {
      SelfStats self = clients.get(i).statsSelf().body();
      assertEquals(cluster.member(i).name(), self.name());
      assertEquals(i == leader ? "StateLeader" : "StateFollower", self.state(), self.toString());
      assertEquals(leaderSelf.body().id(), self.leaderInfo().leader(), self.toString());
    }
  }

  @Test
  @Order(3)
  void statsLeaderAnswersOnTheLeaderAndIs403OnFollowers() {
    int leader = leaderIndex();
    EtcdResponse<LeaderStats> onLeader = clients.get(leader).statsLeader();
    assertEquals(200, onLeader.status(), onLeader.toString());
    String leaderId = clients.get(leader).statsSelf().body().id();
    assertEquals(leaderId, onLeader.body().leader());
    Set<String> followerIds = new HashSet<>();
    for (Member member : clients.get(leader).members().body().members()) {
      if (!member.id().equals(leaderId)) followerIds.add(member.id());
    }
    assertEquals(followerIds, onLeader.body().followers().keySet());
    for (LeaderStats.Follower follower : onLeader.body().followers().values()) {
      assertNotNull(follower.counts(), follower.toString());
      assertNotNull(follower.latency(), follower.toString());
    }

    for (int i = 0; i < clients.size(); i++) {
      if (i == leader) continue;
      EtcdResponse<LeaderStats> onFollower = clients.get(i).statsLeader();
      assertEquals(403, onFollower.status(), onFollower.toString());
      assertNull(onFollower.body());
      assertEquals("not current leader", onFollower.error().message());
    }
  }

  @Test
  @Order(4)
  void machinesListsTheClientUrlsOfEveryMember() {
    Set<String> expected = new HashSet<>();
    for (LocalEtcd member : cluster.members()) expected.add(member.clientUrl());
    for (EtcdClient etcd : clients) {
      EtcdResponse<String> machines = etcd.machines();
      assertEquals(200, machines.status(), machines.toString());
      assertEquals(
          expected, new HashSet<>(Arrays.asList(machines.body().split(", "))), machines.body());
      assertEquals(3, machines.body().split(", ").length);
    }
  }

  @Test
  @Order(5)
  void writeToAFollowerIsReadableOnEveryMember() {
    int follower = (leaderIndex() + 1) % clients.size();
    EtcdResponse<KeysResult> written = clients.get(follower).set("/from-follower", "replicated");
    assertEquals(201, written.status(), written.toString());
    long index = written.body().node().modifiedIndex();

    for (EtcdClient etcd : clients) {
      EtcdResponse<KeysResult> read = etcd.read("/from-follower", false, false, true);
      assertEquals(200, read.status(), read.toString());
      assertEquals("replicated", read.body().node().value());
      assertEquals(index, read.body().node().modifiedIndex());
      assertEquals(PREFIX + "/from-follower", read.body().node().key());
    }
    EtcdResponse<KeysResult> swapped =
        clients.get(follower).compareAndSwap("/from-follower", "swapped", "replicated");
    assertEquals(200, swapped.status(), swapped.toString());
    for (EtcdClient etcd : clients) {
      assertEquals(
          "swapped",
          etcd.requests().getKey("/from-follower").quorum(true).send().body().node().value());
    }
  }

  @Test
  @Order(6)
  void healthAndVersionOnEveryMember() {
    for (EtcdClient etcd : clients) {
      EtcdResponse<Health> health = etcd.health();
      assertEquals(200, health.status(), health.toString());
      assertTrue(health.body().isHealthy(), health.toString());
      assertTrue(health.text().contains("\"true\""), health.text());

      EtcdResponse<VersionInfo> version = etcd.version();
      assertEquals(200, version.status(), version.toString());
      assertTrue(version.body().server().startsWith("3.4."), version.body().server());
      assertTrue(version.body().cluster().startsWith("3.4."), version.body().cluster());
    }
  }

  @Test
  @Order(7)
  void updateMemberWithItsOwnPeerUrlIs204AndUnknownIdsAre404() {
    EtcdClient etcd = clients.get(0);
    Member n2 = member(etcd.members().body().members(), "n2");
    EtcdResponse<Void> updated =
        etcd.updateMember(n2.id(), PeerUrls.of(cluster.member(1).peerUrl()));
    assertEquals(204, updated.status(), updated.toString());
    assertEquals(
        List.of(cluster.member(1).peerUrl()),
        member(etcd.members().body().members(), "n2").peerURLs());

    EtcdResponse<Void> unknown = etcd.updateMember("1234abcd", PeerUrls.of("http://127.0.0.1:1"));
    assertEquals(404, unknown.status(), unknown.toString());
    assertNotNull(unknown.error(), unknown.toString());
    assertEquals(404, etcd.removeMember("1234abcd").status());
  }

  @Test
  @Order(8)
  void addingAnExistingPeerUrlIs409() {
    EtcdClient etcd = clients.get(1);
    EtcdResponse<Member> duplicate =
        retryWhile500(() -> etcd.addMember(PeerUrls.of(cluster.member(0).peerUrl())));
    assertEquals(409, duplicate.status(), duplicate.toString());
    assertNull(duplicate.body());
    assertNotNull(duplicate.error(), duplicate.toString());
    assertTrue(duplicate.error().message().contains("peerURL exists"), duplicate.error().message());
    assertEquals(3, etcd.members().body().members().size());
  }

  @Test
  @Order(9)
  void aFourthMemberIsAddedStartedUpdatedAndRemoved() {
    int via = (leaderIndex() + 1) % clients.size(); // a follower, which forwards
    EtcdClient etcd = clients.get(via);
    assertEquals(201, clients.get(0).set("/before-join", "old").status());

    int[] ports = LocalEtcdCluster.freePorts();
    int clientPort = ports[0];
    int peerPort = ports[1];
    String peerUrl = "http://127.0.0.1:" + peerPort;

    EtcdResponse<Member> added = retryWhile500(() -> etcd.addMember(PeerUrls.of(peerUrl)));
    assertEquals(201, added.status(), added.toString());
    String id = added.body().id();
    assertNotNull(id);
    assertFalse(id.isEmpty());
    assertEquals(List.of(peerUrl), added.body().peerURLs());
    assertTrue(added.body().clientURLs().isEmpty(), "not started yet: " + added.body());
    List<Member> announced = etcd.members().body().members();
    assertEquals(4, announced.size(), announced.toString());
    assertTrue(
        byId(announced, id).name() == null || byId(announced, id).name().isEmpty(),
        "unnamed until it starts: " + announced);

    LocalEtcd n4 = cluster.localCluster().join("n4", clientPort, peerPort);
    try (EtcdClient fourth = client(n4)) {
      List<Member> started =
          Await.until(
              () -> etcd.members().body().members(),
              list ->
                  byId(list, id) != null
                      && "n4".equals(byId(list, id).name())
                      && !byId(list, id).clientURLs().isEmpty(),
              Duration.ofSeconds(10));
      Member listed = byId(started, id);
      assertEquals("n4", listed.name(), started.toString());
      assertEquals(List.of(n4.clientUrl()), listed.clientURLs());
      assertEquals(List.of(peerUrl), listed.peerURLs());
      assertEquals(Set.of("n1", "n2", "n3", "n4"), names(started));

      assertHealthy(fourth);
      assertEquals("old", fourth.read("/before-join", false, false, true).body().node().value());
      assertEquals(201, fourth.set("/from-n4", "new").status());
      assertEquals(
          "new", clients.get(0).read("/from-n4", false, false, true).body().node().value());
      assertTrue(Arrays.asList(etcd.machines().body().split(", ")).contains(n4.clientUrl()));

      EtcdResponse<Void> updated = etcd.updateMember(id, PeerUrls.of(peerUrl));
      assertEquals(204, updated.status(), updated.toString());

      EtcdResponse<Void> removed = retryWhile500(() -> etcd.removeMember(id));
      assertEquals(204, removed.status(), removed.toString());
      assertFalse(
          Await.until(n4::isRunning, running -> !running, Duration.ofSeconds(10)),
          "a removed member stops itself");
      for (EtcdClient member : clients) {
        List<Member> after =
            Await.until(
                () -> member.members().body().members(),
                list -> list.size() == 3,
                Duration.ofSeconds(10));
        assertEquals(3, after.size(), after.toString());
        assertNull(byId(after, id), after.toString());
        assertEquals(Set.of("n1", "n2", "n3"), names(after));
      }

      EtcdResponse<Void> again = etcd.removeMember(id);
      assertEquals(410, again.status(), again.toString());
      assertNotNull(again.error(), again.toString());
      assertTrue(again.error().message().contains(id), again.error().message());
    }
    for (EtcdClient member : clients) assertHealthy(member);
  }

  @Test
  @Order(10)
  void buildersReachEveryClusterEndpoint() {
    int leader = leaderIndex();
    EtcdClient etcd = clients.get(leader);
    var requests = etcd.requests();
    assertTrue(requests.getVersion().timeout(5).send().body().server().startsWith("3.4."));
    assertTrue(requests.getHealth().send().body().isHealthy());
    assertEquals(3, requests.getMachines().send().body().split(", ").length);
    assertEquals(2, requests.getLeaderStats().send().body().followers().size());
    assertEquals("StateLeader", requests.getSelfStats().send().body().state());
    assertTrue(requests.getStoreStats().send().body().getsSuccess() > 0);
    List<Member> members = requests.getMembers().send().body().members();
    assertEquals(3, members.size());
    Member self = requests.getLeader().send().body();
    assertEquals(cluster.member(leader).name(), self.name());

    String n3 = member(members, "n3").id();
    assertEquals(
        204, requests.putMember(n3, PeerUrls.of(cluster.member(2).peerUrl())).send().status());
    EtcdResponse<Member> duplicate =
        retryWhile500(() -> requests.postMember(PeerUrls.of(cluster.member(2).peerUrl())).send());
    assertEquals(409, duplicate.status(), duplicate.toString());
    // Member changes go through raft behind the update above: give them more than 5 s on a busy
    // box.
    assertEquals(404, requests.deleteMember("1234abcd").timeout(15).send().status());
  }

  @Test
  @Order(11)
  void anAnnouncedMemberJoinsWhileAnotherMemberIsDown() {
    EtcdClient etcd = clients.get(0);
    int[] ports = LocalEtcdCluster.freePorts();
    String peerUrl = "http://127.0.0.1:" + ports[1];
    EtcdResponse<Member> added = retryWhile500(() -> etcd.addMember(PeerUrls.of(peerUrl)));
    assertEquals(201, added.status(), added.toString());

    // n3 crashes before n5 starts: n1 and n2 alone are no quorum of four, n5 restores it.
    cluster.member(2).kill();
    LocalEtcd n5 = cluster.localCluster().join("n5", ports[0], ports[1]);
    try (EtcdClient fifth = client(n5)) {
      assertHealthy(fifth);
      EtcdResponse<KeysResult> written = fifth.set("/written-by-n5", "v");
      assertEquals(201, written.status(), written.toString());
      assertEquals("v", etcd.read("/written-by-n5", false, false, true).body().node().value());
      List<Member> listed =
          Await.until(
              () -> etcd.members().body().members(),
              list -> names(list).contains("n5"),
              Duration.ofSeconds(10));
      assertEquals(Set.of("n1", "n2", "n3", "n5"), names(listed));
    }
  }

  @Test
  @Order(12)
  void aMemberWithoutQuorumIsUnhealthy() {
    for (LocalEtcd member : cluster.members()) {
      if (member != cluster.member(0)) member.kill();
    }
    EtcdClient alone = clients.get(0);
    EtcdResponse<Health> health =
        Await.until(alone::health, h -> h.status() == 503, Duration.ofSeconds(15));
    assertEquals(503, health.status(), health.toString());
    assertFalse(health.isSuccessful());
    assertNull(health.body(), "body() is for 2xx answers");
    assertTrue(health.text().contains("\"health\":\"false\""), health.text());

    EtcdResponse<KeysResult> stale = alone.get("/from-follower");
    assertEquals(200, stale.status(), "a plain read is served without quorum: " + stale);
    EtcdResponse<KeysResult> quorum =
        alone.requests().getKey("/from-follower").quorum(true).timeout(1).send();
    assertTrue(
        quorum.isTimeout() || quorum.status() >= 500, "a quorum read cannot complete: " + quorum);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static EtcdClient client(LocalEtcd member) {
    return EtcdClient.builder().host(member.clientUrl()).prefix(PREFIX).build();
  }

  /** The index of the member that is leader, once every member agrees there is exactly one. */
  private static int leaderIndex() {
    int[] found =
        Await.until(
            () -> {
              int leaders = 0;
              int index = -1;
              for (int i = 0; i < clients.size(); i++) {
                EtcdResponse<SelfStats> self = clients.get(i).statsSelf();
                if (self.status() == 200 && "StateLeader".equals(self.body().state())) {
                  leaders++;
                  index = i;
                }
              }
              return new int[] {leaders, index};
            },
            r -> r[0] == 1,
            Duration.ofSeconds(10));
    assertEquals(1, found[0], "members in StateLeader");
    return found[1];
  }

  /**
   * etcd's /health is a read through Raft with 1 s to answer: right after a member joins or leaves,
   * one slow disk sync makes it 503, so it is asked until healthy, within 10 s.
   */
  private static void assertHealthy(EtcdClient member) {
    EtcdResponse<Health> health =
        Await.until(
            member::health,
            h -> h.status() == 200 && h.body() != null && h.body().isHealthy(),
            Duration.ofSeconds(10));
    assertEquals(200, health.status(), health.toString());
    assertTrue(health.body().isHealthy(), health.toString());
  }

  private static <T> EtcdResponse<T> retryWhile500(Supplier<EtcdResponse<T>> change) {
    return Await.until(change, r -> r.status() != 500, RECONFIG_READY);
  }

  private static Set<String> names(List<Member> members) {
    Set<String> names = new HashSet<>();
    for (Member member : members) names.add(member.name());
    return names;
  }

  private static Member member(List<Member> members, String name) {
    for (Member member : members) {
      if (name.equals(member.name())) return member;
    }
    throw new AssertionError(name + " not in " + members);
  }

  private static Member byId(List<Member> members, String id) {
    for (Member member : members) {
      if (id.equals(member.id())) return member;
    }
    return null;
  }
}
