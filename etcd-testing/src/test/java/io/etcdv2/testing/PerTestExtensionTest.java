package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerTestExtensionTest {
  @RegisterExtension static EtcdExtension etcd = EtcdExtension.builder().perTest().build();
  private static String firstUrl;

  @Test
  @Order(1)
  void firstTestWrites() {
    firstUrl = etcd.member(0).clientUrl();
    assertEquals(201, etcd.client().set("/per-test", "1").status());
  }

  @Test
  @Order(2)
  void secondTestGetsFreshMembers() {
    assertNotEquals(firstUrl, etcd.member(0).clientUrl());
    assertEquals(404, etcd.client().get("/per-test").status());
  }
}
