package io.etcdv2.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.testing.EtcdExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The limits the client enforces, checked against what the real etcd does at them. */
final class RobustnessIntegrationTest {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.singleNode();

  private static EtcdClient client(String prefix) {
    return EtcdClient.builder().host(etcd.endpoints().get(0)).prefix(prefix).build();
  }

  @Test
  void longestKeyEtcdTakesWorksAndALongerOneIsRefusedUnsent() {
    try (EtcdClient etcd = client("")) {
      // "PUT /v2/keys/" + key + " HTTP/1.1\r\n" fills etcd's 4,096-byte request line exactly.
      String longest = "/" + "k".repeat(4096 - "PUT /v2/keys/ HTTP/1.1\r\n".length());
      assertEquals(201, etcd.set(longest, "x").status());
      assertEquals("x", etcd.get(longest).body().node().value());

      EtcdException e = assertThrows(EtcdException.class, () -> etcd.set(longest + "k", "x"));
      assertTrue(e.getMessage().contains("the request is too large for etcd"), e.getMessage());
      assertFalse(e.outcomeUnknown());
      assertEquals(200, etcd.version().status(), "the connection was never broken");
    }
  }

  @Test
  void largestTtlTheClientAllowsIsOneEtcdHonours() {
    try (EtcdClient etcd = client("/ttl")) {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class, () -> etcd.set("/over", "x", 7_500_000_000L));
      long max =
          Long.parseLong(refused.getMessage().replaceAll("^ttl must be at most (\\d+).*$", "$1"));

      EtcdResponse<KeysResult> set = etcd.set("/max", "x", max);

      assertEquals(201, set.status());
      assertTrue(
          set.body().node().ttl() > max - 10,
          "etcd keeps the TTL rather than dropping it: " + set.body().node());
    }
  }

  @Test
  void rootOfThePrefixSurvivesADestructiveCallThatNormalisesToIt() {
    try (EtcdClient app = client("/app")) {
      assertEquals(201, app.set("/keep", "x").status());

      assertThrows(IllegalArgumentException.class, () -> app.rmdir("..", true));
      assertThrows(IllegalArgumentException.class, () -> app.delete("/a/.."));

      assertEquals("x", app.get("/keep").body().node().value());
    }
  }

  @Test
  void wellFormedSupplementaryKeysRoundTripAndLoneSurrogatesAreRefused() {
    try (EtcdClient etcd = client("/text")) {
      assertEquals(201, etcd.set("/smile\uD83D\uDE00", "\uD83D\uDE00").status());
      assertEquals("\uD83D\uDE00", etcd.get("/smile\uD83D\uDE00").body().node().value());

      assertThrows(IllegalArgumentException.class, () -> etcd.set("/a\uD800", "1"));
      assertThrows(IllegalArgumentException.class, () -> etcd.set("/a\uDBFF", "2"));
      assertEquals(404, etcd.get("/a?").status(), "neither was written as /a?");
    }
  }
}
