package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link LocalEtcdCluster#join} starts only a member the cluster lists. */
class JoinTest {
  @Test
  void aMemberNoOneListsIsRefusedWithWhatTheMembersSaid() {
    try (LocalEtcdCluster cluster = LocalEtcdCluster.start(1)) {
      int[] ports = LocalEtcdCluster.freePorts();
      String peerUrl = LocalEtcd.peerUrl(ports[1]);

      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> cluster.join("n2", ports[0], ports[1], 300));

      String message = e.getMessage();
      assertTrue(message.startsWith("no member lists " + peerUrl + " after 300 ms"), message);
      assertTrue(message.contains("n1: 1 members, not " + peerUrl), message);
      assertTrue(
          message.endsWith(
              "announce it first with addMember(PeerUrls.of(\""
                  + peerUrl
                  + "\")) (POST /v2/members)"),
          message);
      assertEquals(1, cluster.members().size(), "nothing was started");
    }
  }
}
