package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * A port found free can be taken by another process before etcd binds it; starts on free ports then
 * try other ports, and only then.
 */
class PortRaceTest {
  /** The real etcd's failure on a taken port is recognised as a lost race. */
  @Test
  void etcdOnATakenPortIsALostRace() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> LocalEtcd.start(taken.getLocalPort()));

      assertTrue(LocalEtcd.lostPortRace(e), e.getMessage());
    }
  }

  @Test
  void otherStartUpFailuresAreNotRetried() {
    assertFalse(
        LocalEtcd.lostPortRace(new IllegalStateException("etcd exited with 1 during start-up")));
    assertFalse(LocalEtcd.lostPortRace(new IllegalStateException((String) null)));
  }
}
