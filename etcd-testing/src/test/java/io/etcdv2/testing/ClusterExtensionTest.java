package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
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
      assertEquals("x", third.get("/cluster/shared").body().node().value());
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
