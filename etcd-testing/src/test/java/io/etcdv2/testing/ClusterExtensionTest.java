package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.Member;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClusterExtensionTest {
  @RegisterExtension static EtcdExtension etcd = EtcdExtension.cluster(3);

  @Test
  void threeMembersShareTheirData() {
    List<String> endpoints = etcd.endpoints();
    assertEquals(3, new HashSet<>(endpoints).size(), endpoints.toString());
    etcd.client().set("/cluster/shared", "x");
    try (EtcdClient third = EtcdClient.builder().host(endpoints.get(2)).build()) {
      // A quorum read: a plain one is served by the member alone, which may not have applied it.
      assertEquals("x", third.read("/cluster/shared", false, false, true).body().node().value());
    }
  }

  /** Once started, no member lists another without its client URL (they publish it via Raft). */
  @Test
  void everyMemberListsEveryMemberWithItsClientUrl() {
    Set<String> endpoints = new HashSet<>(etcd.endpoints());
    for (String endpoint : etcd.endpoints()) {
      try (EtcdClient member = EtcdClient.builder().host(endpoint).build()) {
        Set<String> listed = new HashSet<>();
        for (Member m : member.members().body().members()) listed.addAll(m.clientURLs());
        assertEquals(endpoints, listed, endpoint);
      }
    }
  }

  @Test
  void theRestServeWhileAFollowerIsDown() {
    LocalEtcd member = follower();
    member.kill();
    try {
      assertFalse(Probe.answers(member.clientUrl(), Duration.ofMillis(300)));
      assertEquals(201, etcd.client().set("/cluster/degraded", "y").status());
    } finally {
      member.restart();
    }
    assertTrue(Probe.answers(member.clientUrl(), Duration.ofSeconds(5)));
  }

  /** A member other than the leader and the first (which the shared client talks to). */
  private static LocalEtcd follower() {
    for (int i = 1; i < 3; i++) {
      try (EtcdClient client = EtcdClient.builder().host(etcd.endpoints().get(i)).build()) {
        if ("StateFollower".equals(client.statsSelf().body().state())) return etcd.member(i);
      }
    }
    throw new AssertionError("members 1 and 2 are not followers");
  }
}
