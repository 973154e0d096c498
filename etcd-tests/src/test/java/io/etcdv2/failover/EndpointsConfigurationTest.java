package io.etcdv2.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.etcdv2.EtcdClient;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code endpoints(...)} accepts and refuses, and what {@code endpoints()} shows. */
final class EndpointsConfigurationTest {
  @Test
  void endpointsAreListedInTheOrderGiven() {
    try (EtcdClient etcd =
        EtcdClient.builder()
            .endpoints("http://10.0.0.1:2379", "http://10.0.0.2:2379/", "http://etcd-3:2379")
            .build()) {
      assertEquals(
          List.of("http://10.0.0.1:2379", "http://10.0.0.2:2379", "http://etcd-3:2379"),
          etcd.endpoints());
    }
  }

  @Test
  void hostIsOneEndpoint() {
    try (EtcdClient etcd = EtcdClient.builder().host("http://[::1]:2379/proxy/etcd").build()) {
      assertEquals(List.of("http://[::1]:2379/proxy/etcd"), etcd.endpoints());
    }
  }

  @Test
  void defaultIsTheSeedsHost() {
    try (EtcdClient etcd = EtcdClient.create()) {
      assertEquals(List.of("http://127.0.0.1:2379"), etcd.endpoints());
    }
  }

  @Test
  void shuffledEndpointsAreTheSameMembers() {
    List<String> given =
        List.of(
            "http://10.0.0.1:2379",
            "http://10.0.0.2:2379",
            "http://10.0.0.3:2379",
            "http://10.0.0.4:2379",
            "http://10.0.0.5:2379");
    try (EtcdClient etcd = EtcdClient.builder().endpoints(given).shuffleEndpoints(true).build()) {
      assertEquals(new HashSet<>(given), new HashSet<>(etcd.endpoints()));
      assertEquals(given.size(), etcd.endpoints().size());
    }
  }

  @Test
  void eachEndpointIsCheckedAsHostIs() {
    IllegalArgumentException notUrl =
        assertThrows(
            IllegalArgumentException.class,
            () -> EtcdClient.builder().endpoints("http://10.0.0.1:2379", "10.0.0.2:2379"));
    assertEquals(
        "endpoints[1] must be an http or https URL such as http://127.0.0.1:2379 but"
            + " was \"10.0.0.2:2379\"",
        notUrl.getMessage());

    IllegalArgumentException credentials =
        assertThrows(
            IllegalArgumentException.class,
            () -> EtcdClient.builder().endpoints("http://10.0.0.1:2379", "http://root:pw@h:2379"));
    assertEquals(
        "endpoints[1] must not carry credentials (OkHttp would not send them, and they"
            + " would show in logs); pass them with auth(user, password)",
        credentials.getMessage());

    IllegalArgumentException host =
        assertThrows(IllegalArgumentException.class, () -> EtcdClient.builder().host("etcd:2379"));
    assertEquals(
        "host must be an http or https URL such as http://127.0.0.1:2379 but was"
            + " \"etcd:2379\"",
        host.getMessage());
  }

  @Test
  void emptyOrRepeatedEndpointsAreRefused() {
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> EtcdClient.builder().endpoints());
    assertEquals("endpoints must name at least one member URL", empty.getMessage());

    IllegalArgumentException repeated =
        assertThrows(
            IllegalArgumentException.class,
            () -> EtcdClient.builder().endpoints("http://a:2379", "http://a:2379/"));
    assertEquals(
        "endpoints[1] repeats http://a:2379; name each member once", repeated.getMessage());

    NullPointerException nullOne =
        assertThrows(
            NullPointerException.class,
            () -> EtcdClient.builder().endpoints("http://a:2379", null));
    assertEquals("endpoints[1] == null", nullOne.getMessage());
  }

  @Test
  void mixedSchemesAreRefusedAtBuild() {
    EtcdClient.Builder builder =
        EtcdClient.builder().endpoints("https://10.0.0.1:2379", "http://10.0.0.2:2379");

    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);

    assertEquals(
        "endpoints mix http:// and https:// members (https://10.0.0.1:2379,"
            + " http://10.0.0.2:2379): a cluster serves one scheme; use https:// for all of them",
        e.getMessage());
  }

  @Test
  void attemptAndSyncSettingsAreChecked() {
    assertEquals(
        "attemptTimeout must be 1 or more but was 0",
        assertThrows(IllegalArgumentException.class, () -> EtcdClient.builder().attemptTimeout(0))
            .getMessage());
    assertEquals(
        "attemptTimeout must be at most 2147483 seconds (OkHttp counts it in int"
            + " milliseconds) but was 3000000",
        assertThrows(
                IllegalArgumentException.class,
                () -> EtcdClient.builder().attemptTimeout(3_000_000))
            .getMessage());
    assertEquals(
        "autoSync must be 0 (never) or more seconds but was -1",
        assertThrows(IllegalArgumentException.class, () -> EtcdClient.builder().autoSync(-1))
            .getMessage());
  }
}
