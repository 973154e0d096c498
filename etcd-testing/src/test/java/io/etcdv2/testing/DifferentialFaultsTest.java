package io.etcdv2.testing;

import static io.etcdv2.testing.Differential.Step.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.Permissions;
import io.etcdv2.api.RoleRequest;
import io.etcdv2.api.UserRequest;
import io.etcdv2.testing.Differential.Step;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The answers that need a real etcd in a particular state: auth on with guests locked out
 * (errorCode 110) against {@code FakeEtcd.builder().user(..)}, and a member that lost its quorum
 * (errorCode 300) against {@code fake.partition(true)}.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings("BadImport") // of(op), like the other steps, reads as the scenario's language
class DifferentialFaultsTest {
  @RegisterExtension static EtcdExtension cluster = EtcdExtension.cluster(3);

  @Test
  @Order(1)
  void authOnWithoutGuestsAnswersAlike() {
    String url = cluster.endpoints().get(0);
    try (EtcdClient anonymous = EtcdClient.builder().host(url).build()) {
      assertEquals(201, anonymous.putUser("root", UserRequest.create("root", "pw")).status());
    }
    try (EtcdClient root = EtcdClient.builder().host(url).auth("root", "pw").build()) {
      assertEquals(200, root.enableAuth().status());
      assertEquals(
          200,
          root.putRole("guest", RoleRequest.revoke("guest", Permissions.readWrite("/*"))).status());
    }
    try (FakeEtcd fake = FakeEtcd.builder().user("root", "pw").start()) {
      Differential diff = new Differential(new Side("etcd", url), new Side("fake", fake.url()));
      try {
        diff.resetBases();
        String rootAuth = "Basic cm9vdDpwdw=="; // root:pw
        assertSame(
            diff,
            Arrays.asList(
                of(Op.get("/v2/keys/a")),
                of(Op.form("PUT", "/v2/keys/a", "value=1")),
                of(Op.get("/v2/keys/a?ttl=x")),
                of(Op.form("PUT", "/v2/keys/a?prevValue=", "value=1")),
                of(Op.get("/v2/auth/enable"))));
        diff.real.authorization = rootAuth;
        diff.fake.authorization = rootAuth;
        diff.resetBases();
        assertSame(
            diff,
            List.of(
                of(Op.form("PUT", "/v2/keys/a", "value=1").withHeader("Authorization", rootAuth)),
                of(Op.get("/v2/keys/a").withHeader("Authorization", rootAuth)),
                of(Op.get("/v2/keys/a").withHeader("Authorization", "Basic cm9vdDp3cm9uZw=="))));
      } finally {
        diff.close();
      }
    } finally {
      try (EtcdClient root = EtcdClient.builder().host(url).auth("root", "pw").build()) {
        root.disableAuth();
      }
    }
  }

  @Test
  @Order(2) // last: restarted members write their attributes, moving the index meanwhile
  void lostQuorumAnswersAlikeOnlyLater() {
    try (FakeEtcd fake = FakeEtcd.start()) {
      Differential diff =
          new Differential(
              new Side("etcd", cluster.endpoints().get(0)), new Side("fake", fake.url()));
      try {
        diff.resetBases();
        assertSame(diff, List.of(of(Op.form("PUT", "/v2/keys/q", "value=before"))));
        cluster.member(1).kill();
        cluster.member(2).kill();
        fake.partition(true);
        diff.resetBases();
        assertSame(
            diff,
            Arrays.asList(
                of(Op.form("PUT", "/v2/keys/q", "value=during")),
                of(Op.get("/v2/keys/q")),
                of(Op.get("/v2/keys/q?quorum=true")),
                of(Op.get("/health"))));
      } finally {
        diff.close();
        cluster.member(1).restart();
        cluster.member(2).restart();
      }
    }
  }

  private static void assertSame(Differential diff, List<Step> steps) {
    List<String> differences = diff.run(steps);
    assertEquals(List.of(), differences, String.join("\n", differences));
  }
}
