package io.etcdv2.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.LeaderStats;
import io.etcdv2.api.SelfStats;
import io.etcdv2.api.StoreStats;
import io.etcdv2.api.VersionInfo;
import io.etcdv2.testing.LocalEtcd;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** version, the stats endpoints and transport failures on a real etcd. */
@RealEtcd
class ServerInfoIntegrationTest {

  @Test
  void versionNamesServerAndCluster(EtcdClient etcd) {
    EtcdResponse<VersionInfo> version = etcd.version();
    assertEquals(200, version.status());
    assertTrue(version.body().server().startsWith("3.4."), version.body().server());
    assertTrue(version.body().cluster().startsWith("3.4."), version.body().cluster());
  }

  @Test
  void statsDescribeTheSingleMember(EtcdClient etcd) {
    EtcdResponse<SelfStats> self = etcd.statsSelf();
    assertEquals(200, self.status());
    assertEquals("n1", self.body().name());
    assertEquals("StateLeader", self.body().state());
    assertEquals(self.body().id(), self.body().leaderInfo().leader());

    EtcdResponse<LeaderStats> leader = etcd.statsLeader();
    assertEquals(200, leader.status());
    assertEquals(self.body().id(), leader.body().leader());
    assertTrue(leader.body().followers().isEmpty());

    etcd.set("/counted", "v");
    etcd.get("/counted");
    EtcdResponse<StoreStats> store = etcd.statsStore();
    assertEquals(200, store.status());
    assertTrue(store.body().setsSuccess() >= 1, store.body().toString());
    assertTrue(store.body().getsSuccess() >= 1, store.body().toString());
    assertNotNull(store.toString());
  }

  @Test
  void refusedConnectionThrowsNamingHostAndOperation() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (EtcdClient etcd = EtcdClient.builder().host("http://127.0.0.1:" + port).build()) {
      EtcdException e = assertThrows(EtcdException.class, () -> etcd.setnx("/k", "v"));
      assertEquals("setnx", e.operation());
      assertEquals("http://127.0.0.1:" + port, e.host());
      assertTrue(
          e.getMessage().contains("setnx") && e.getMessage().contains(":" + port), e.getMessage());
    }
  }

  @Test
  void stoppedMemberFailsLoudlyAndRestartedMemberServesTheSameData() {
    try (LocalEtcd own = LocalEtcd.start();
        EtcdClient etcd = EtcdClient.builder().host(own.clientUrl()).build()) {
      etcd.set("/durable", "kept");
      own.stop();
      EtcdException e = assertThrows(EtcdException.class, () -> etcd.get("/durable"));
      assertEquals("get", e.operation());
      own.restart();
      assertEquals("kept", etcd.get("/durable").body().node().value());
    }
  }
}
