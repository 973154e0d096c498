package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
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

  /** Ports are chosen below the ephemeral range, where outgoing connections take none. */
  @Test
  void freePortsAreBelowTheEphemeralRangeAndNeverHandedOutTwice() throws Exception {
    int ephemeralLow =
        Integer.parseInt(
            Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                .get(0)
                .trim()
                .split("\\s+")[0]);
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int port = LocalEtcd.freePort();
      assertTrue(ports.add(port), "handed out twice: " + port);
      assertTrue(
          port >= 10_000 && port < ephemeralLow, port + " not in [10000, " + ephemeralLow + ")");
      try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertEquals(port, free.getLocalPort());
      }
    }
  }

  @Test
  void otherStartUpFailuresAreNotRetried() {
    assertFalse(
        LocalEtcd.lostPortRace(new IllegalStateException("etcd exited with 1 during start-up")));
    assertFalse(LocalEtcd.lostPortRace(new IllegalStateException((String) null)));
  }
}
