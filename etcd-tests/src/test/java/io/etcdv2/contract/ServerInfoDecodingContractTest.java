package io.etcdv2.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.api.LeaderStats;
import io.etcdv2.api.SelfStats;
import io.etcdv2.api.StoreStats;
import io.etcdv2.api.VersionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bodies of {@code /version} and {@code /v2/stats/*}. */
final class ServerInfoDecodingContractTest {
  @RegisterExtension final MockEtcd etcd = new MockEtcd();

  @Test
  void version() {
    etcd.enqueueJson(200, "{\"etcdserver\":\"3.4.23\",\"etcdcluster\":\"3.4.0\"}");

    VersionInfo version = etcd.client().version().body();

    assertEquals("3.4.23", version.server());
    assertEquals("3.4.0", version.cluster());
  }

  @Test
  void statsLeader() {
    etcd.enqueueJson(
        200,
        "{\"leader\":\"8e9e05c52164694d\",\"followers\":{"
            + "\"91bc3c398fb3c146\":{\"latency\":{\"current\":0.0015,\"average\":0.002,"
            + "\"standardDeviation\":0.0005,\"minimum\":0.0009,\"maximum\":0.01},"
            + "\"counts\":{\"fail\":1,\"success\":4294967296}}}}\n");

    LeaderStats stats = etcd.client().statsLeader().body();

    assertEquals("8e9e05c52164694d", stats.leader());
    LeaderStats.Follower follower = stats.followers().get("91bc3c398fb3c146");
    assertEquals(0.0015, follower.latency().current());
    assertEquals(0.002, follower.latency().average());
    assertEquals(0.01, follower.latency().maximum());
    assertEquals(4294967296L, follower.counts().success());
    assertEquals(1, follower.counts().fail());
  }

  @Test
  void statsLeaderOfSingleMember() {
    etcd.enqueueJson(200, "{\"leader\":\"8e9e05c52164694d\",\"followers\":{}}\n");

    LeaderStats stats = etcd.client().statsLeader().body();

    assertEquals("8e9e05c52164694d", stats.leader());
    assertTrue(stats.followers().isEmpty());
  }

  @Test
  void statsSelf() {
    etcd.enqueueJson(
        200,
        "{\"name\":\"n1\",\"id\":\"8e9e05c52164694d\","
            + "\"state\":\"StateLeader\",\"startTime\":\"2026-11-26T02:00:00.5Z\","
            + "\"leaderInfo\":{\"leader\":\"8e9e05c52164694d\",\"uptime\":\"1m2.5s\","
            + "\"startTime\":\"2026-11-26T02:00:01Z\"},\"recvAppendRequestCnt\":4294967296,"
            + "\"sendAppendRequestCnt\":3}\n");

    SelfStats stats = etcd.client().statsSelf().body();

    assertEquals("n1", stats.name());
    assertEquals("8e9e05c52164694d", stats.id());
    assertEquals("StateLeader", stats.state());
    assertEquals("2026-11-26T02:00:00.5Z", stats.startTime());
    assertEquals("1m2.5s", stats.leaderInfo().uptime());
    assertEquals("8e9e05c52164694d", stats.leaderInfo().leader());
    assertEquals(4294967296L, stats.recvAppendRequestCnt());
    assertEquals(3, stats.sendAppendRequestCnt());
  }

  @Test
  void statsStore() {
    etcd.enqueueJson(
        200,
        "{\"getsSuccess\":4294967296,\"getsFail\":2,\"setsSuccess\":3,"
            + "\"setsFail\":4,\"deleteSuccess\":5,\"deleteFail\":6,\"updateSuccess\":7,"
            + "\"updateFail\":8,\"createSuccess\":9,\"createFail\":10,\"compareAndSwapSuccess\":11,"
            + "\"compareAndSwapFail\":12,\"compareAndDeleteSuccess\":13,"
            + "\"compareAndDeleteFail\":14,\"expireCount\":15,\"watchers\":16}\n");

    StoreStats stats = etcd.client().statsStore().body();

    assertEquals(4294967296L, stats.getsSuccess());
    assertEquals(2, stats.getsFail());
    assertEquals(3, stats.setsSuccess());
    assertEquals(5, stats.deleteSuccess());
    assertEquals(15, stats.expireCount());
    assertEquals(16, stats.watchers());
  }
}
