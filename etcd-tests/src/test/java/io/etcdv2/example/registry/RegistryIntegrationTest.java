package io.etcdv2.example.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.api.EtcdError;
import io.etcdv2.api.Node;
import io.etcdv2.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worked example's client against a real etcd. */
class RegistryIntegrationTest {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.singleNode();

  @Test
  void registersListsRefreshesAndDeregistersInstances() {
    try (RegistryClient registry =
        RegistryClient.builder().host(etcd.endpoints().get(0)).ttl(30).build()) {
      assertEquals(201, registry.register("/web/b", "10.0.0.2:80").status());
      assertEquals(201, registry.register("/web/a", "10.0.0.1:80", 60).status());
      assertEquals(
          EtcdError.NODE_EXIST, registry.register("/web/a", "10.0.0.9:80").error().errorCode());

      List<Object> listed = new ArrayList<>();
      for (Node node : registry.instances("/web").body().node().nodes()) listed.add(node.value());
      assertEquals(List.of("10.0.0.1:80", "10.0.0.2:80"), listed, "sorted by key");

      Node refreshed = registry.heartbeat("/web/b", 5).body().node();
      assertEquals("10.0.0.2:80", refreshed.value());
      assertTrue(refreshed.ttl() > 0 && refreshed.ttl() <= 5, "ttl " + refreshed.ttl());

      assertEquals(
          "/services/web/a",
          registry.get("/services/web/a").body().node().key(),
          "the inherited get sees the registry's keys");
      assertEquals(200, registry.deregister("/web/a").status());
      assertEquals(404, registry.deregister("/web/a").status());
      assertTrue(registry.metrics().body().contains("etcd_server_has_leader 1"));
    }
  }

  @Test
  void prefixPutsTheRegistrysKeysWhereInheritedCallsFindThem() {
    try (RegistryClient tenant =
            RegistryClient.builder().host(etcd.endpoints().get(0)).prefix("/tenant").build();
        RegistryClient unprefixed =
            RegistryClient.builder().host(etcd.endpoints().get(0)).build()) {
      assertEquals(201, tenant.register("/web/p", "10.0.0.7:80").status());

      assertEquals(
          "10.0.0.7:80",
          tenant.get("/services/web/p").body().node().value(),
          "get finds what register wrote under the same prefix");
      assertEquals(
          "/tenant/services/web/p", unprefixed.get("/tenant/services/web/p").body().node().key());
      assertEquals(404, unprefixed.get("/services/web/p").status(), "nothing outside the prefix");
      assertEquals(200, tenant.deregister("/web/p").status());
    }
  }
}
