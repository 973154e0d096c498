package io.etcdv2.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code sync()} and {@code autoSync}: the endpoints become the members' client URLs. */
final class SyncContractTest {
  @RegisterExtension final Members members = new Members();

  private String memberList(String... clientUrls) {
    StringBuilder json = new StringBuilder("{\"members\":[");
    for (int i = 0; i < clientUrls.length; i++) {
      if (i > 0) json.append(',');
      json.append("{\"id\":\"")
          .append(i + 1)
          .append("\",\"name\":\"n")
          .append(i + 1)
          .append("\",\"peerURLs\":[\"http://127.0.0.1:1238")
          .append(i)
          .append("\"],")
          .append("\"clientURLs\":[")
          .append(clientUrls[i].isEmpty() ? "" : "\"" + clientUrls[i] + "\"")
          .append("]}");
    }
    return json.append("]}\n").toString();
  }

  @Test
  void syncReplacesTheEndpointsKeepingThePinnedMemberFirst() throws Exception {
    members
        .server(0)
        .enqueue(
            Members.json(
                200, memberList(members.url(2), members.url(0), "https://10.9.9.9:2379", "")));
    EtcdClient etcd = members.track(EtcdClient.builder().host(members.url(0)).build());

    List<String> synced = etcd.sync();

    assertEquals(
        List.of(members.url(0), members.url(2)),
        synced,
        "pinned member first; an https URL and a member without client URLs left out");
    assertEquals(synced, etcd.endpoints());
    RecordedRequest request = members.server(0).takeRequest(1, TimeUnit.SECONDS);
    assertEquals("GET", request.getMethod());
    assertEquals("/v2/members", request.getPath());
  }

  @Test
  void syncWithoutThePinnedMemberTakesTheMembersOrder() {
    members.server(0).enqueue(Members.json(200, memberList(members.url(2), members.url(1))));
    EtcdClient etcd = members.track(EtcdClient.builder().host(members.url(0)).build());

    assertEquals(List.of(members.url(2), members.url(1)), etcd.sync());
  }

  @Test
  void failedSyncKeepsTheEndpointsAndSaysWhy() {
    members.server(0).enqueue(Members.json(500, "{\"message\":\"boom\"}\n"));
    members.server(1).enqueue(Members.json(200, memberList("")));
    members.server(2).enqueue(Members.json(503, "{\"message\":\"no leader\"}\n"));
    EtcdClient etcd = members.client(b -> b);
    List<String> before = etcd.endpoints();

    EtcdException noUrl = assertThrows(EtcdException.class, etcd::sync);

    assertTrue(
        noUrl
            .getMessage()
            .startsWith(
                "etcd sync on "
                    + members.url(1)
                    + " failed: the members list no http client URL; keeping "),
        noUrl.getMessage());
    assertEquals(
        List.of(members.url(1), members.url(2), members.url(0)),
        etcd.endpoints(),
        "only the failover pinned another member; the list itself is kept");
    assertEquals(before.size(), etcd.endpoints().size());
  }

  @Test
  void syncAnsweredWithAnErrorKeepsTheEndpoints() {
    members.server(0).enqueue(Members.json(404, "{\"message\":\"not found\"}\n"));
    EtcdClient etcd = members.client(b -> b);

    EtcdException e = assertThrows(EtcdException.class, etcd::sync);

    assertTrue(e.getMessage().contains("GET /v2/members answered 404"), e.getMessage());
    assertEquals(List.of(members.url(0), members.url(1), members.url(2)), etcd.endpoints());
  }

  @Test
  void autoSyncReplacesTheEndpointsInTheBackground() throws Exception {
    for (int i = 0; i < 10; i++) {
      members.server(0).enqueue(Members.json(200, memberList(members.url(0), members.url(1))));
    }
    EtcdClient etcd = members.track(EtcdClient.builder().host(members.url(0)).autoSync(1).build());

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (etcd.endpoints().size() == 1 && System.nanoTime() < deadline) Thread.sleep(50);

    assertEquals(List.of(members.url(0), members.url(1)), etcd.endpoints());
    assertEquals("/v2/members", members.server(0).takeRequest(1, TimeUnit.SECONDS).getPath());
  }

  @Test
  void closeStopsAutoSync() throws Exception {
    for (int i = 0; i < 10; i++) {
      members.server(0).enqueue(Members.json(200, memberList(members.url(0))));
    }
    EtcdClient etcd = EtcdClient.builder().host(members.url(0)).autoSync(1).build();
    etcd.close();

    Thread.sleep(2_500);

    assertEquals(0, members.server(0).getRequestCount());
    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .noneMatch(
                t ->
                    t.getName().equals("etcd-sync")
                        && t.isAlive()
                        && t.getState() != Thread.State.TERMINATED),
        "the sync thread ended");
  }
}
