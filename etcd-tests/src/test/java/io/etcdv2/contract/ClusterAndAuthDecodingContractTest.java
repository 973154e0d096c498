package io.etcdv2.contract;

import static io.etcdv2.contract.Overloads.MEMBER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.api.AuthStatus;
import io.etcdv2.api.EtcdError;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.Health;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Member;
import io.etcdv2.api.MemberList;
import io.etcdv2.api.PeerUrls;
import io.etcdv2.api.Permissions;
import io.etcdv2.api.Role;
import io.etcdv2.api.RoleList;
import io.etcdv2.api.RoleRequest;
import io.etcdv2.api.User;
import io.etcdv2.api.UserList;
import io.etcdv2.api.UserRequest;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bodies of the members, machines, health and auth endpoints, as etcd 3.4 sends them: JSON for
 * members and auth, JSON labelled text/plain for /health, plain text for /v2/machines, and {@code
 * {"message":..}} errors.
 */
final class ClusterAndAuthDecodingContractTest {
  @RegisterExtension final MockEtcd etcd = new MockEtcd();

  private static final String N1 =
      "{\"id\":\"8e9e05c52164694d\",\"name\":\"n1\","
          + "\"peerURLs\":[\"http://127.0.0.1:2380\"],\"clientURLs\":[\"http://127.0.0.1:2379\"]}";

  /** A member added but not started: no name, no client URLs. */
  private static final String ADDED =
      "{\"id\":\"91bc3c398fb3c146\",\"name\":\"\","
          + "\"peerURLs\":[\"http://127.0.0.1:12380\"],\"clientURLs\":[]}";

  private static final String APP_ROLE =
      "{\"role\":\"app\",\"permissions\":{\"kv\":"
          + "{\"read\":[\"/app/*\"],\"write\":[\"/app/*\"]}}}";
  private static final String ROOT_ROLE =
      "{\"role\":\"root\",\"permissions\":{\"kv\":" + "{\"read\":[\"/*\"],\"write\":[\"/*\"]}}}";

  // Members.

  @Test
  void membersList() {
    etcd.enqueueJson(200, "{\"members\":[" + N1 + "," + ADDED + "]}\n");

    EtcdResponse<MemberList> response = etcd.client().members();

    assertEquals(200, response.status());
    List<Member> members = response.body().members();
    assertEquals(2, members.size());
    Member n1 = members.get(0);
    assertEquals(MEMBER_ID, n1.id());
    assertEquals("n1", n1.name());
    assertEquals(List.of("http://127.0.0.1:2380"), n1.peerURLs());
    assertEquals(List.of("http://127.0.0.1:2379"), n1.clientURLs());
    Member added = members.get(1);
    assertEquals("91bc3c398fb3c146", added.id());
    assertEquals("", added.name());
    assertEquals(List.of("http://127.0.0.1:12380"), added.peerURLs());
    assertTrue(added.clientURLs().isEmpty());
    assertNull(response.error());
    assertNull(response.text());
  }

  @Test
  void memberWithoutListsHasEmptyLists() {
    etcd.enqueueJson(200, "{\"members\":[{\"id\":\"1\"}]}\n");

    Member member = etcd.client().members().body().members().get(0);

    assertEquals("1", member.id());
    assertNull(member.name());
    assertTrue(member.peerURLs().isEmpty());
    assertTrue(member.clientURLs().isEmpty());
  }

  @Test
  void emptyMembersList() {
    etcd.enqueueJson(200, "{\"members\":[]}\n");

    assertTrue(etcd.client().members().body().members().isEmpty());
  }

  @Test
  void leader() {
    etcd.enqueueJson(200, N1 + "\n");

    EtcdResponse<Member> response = etcd.client().leader();

    assertEquals(200, response.status());
    assertEquals(MEMBER_ID, response.body().id());
    assertEquals("n1", response.body().name());
    assertEquals(List.of("http://127.0.0.1:2379"), response.body().clientURLs());
  }

  @Test
  void leaderDuringElection503() {
    etcd.enqueueJson(503, "{\"message\":\"During election\"}\n");

    EtcdResponse<Member> response = etcd.client().leader();

    assertEquals(503, response.status());
    assertFalse(response.isSuccessful());
    assertNull(response.body());
    assertEquals(0, response.error().errorCode());
    assertEquals("During election", response.error().message());
  }

  @Test
  void addedMember201() {
    etcd.enqueueJson(201, ADDED + "\n");

    EtcdResponse<Member> response = etcd.client().addMember(PeerUrls.of("http://127.0.0.1:12380"));

    assertEquals(201, response.status());
    assertTrue(response.isSuccessful());
    Member member = response.body();
    assertEquals("91bc3c398fb3c146", member.id());
    assertEquals("", member.name());
    assertEquals(List.of("http://127.0.0.1:12380"), member.peerURLs());
    assertTrue(member.clientURLs().isEmpty());
  }

  @Test
  void duplicatePeerUrl409() {
    etcd.enqueueJson(409, "{\"message\":\"membership: peerURL exists\"}\n");

    EtcdResponse<Member> response = etcd.client().addMember(PeerUrls.of("http://127.0.0.1:2380"));

    assertEquals(409, response.status());
    assertNull(response.body());
    assertNull(response.text());
    EtcdError error = response.error();
    assertEquals(0, error.errorCode());
    assertEquals("membership: peerURL exists", error.message());
    assertNull(error.cause());
  }

  @Test
  void updateMember204() {
    etcd.server()
        .enqueue(
            new MockResponse()
                .setResponseCode(204)
                .setHeader("X-Etcd-Cluster-Id", "cdf818194e3a8c32"));

    EtcdResponse<Void> response =
        etcd.client().updateMember(MEMBER_ID, PeerUrls.of("http://10.0.0.4:2380"));

    assertNoContent(response);
  }

  @Test
  void removeMember204() {
    etcd.server().enqueue(new MockResponse().setResponseCode(204));

    assertNoContent(etcd.client().removeMember(MEMBER_ID));
  }

  @Test
  void removedMemberAgain410() {
    etcd.server().enqueue(new MockResponse().setResponseCode(204));
    etcd.enqueueJson(410, "{\"message\":\"Member permanently removed: 8e9e05c52164694d\"}\n");

    EtcdResponse<Void> first = etcd.client().removeMember(MEMBER_ID);
    EtcdResponse<Void> again = etcd.client().removeMember(MEMBER_ID);

    assertEquals(204, first.status());
    assertEquals(410, again.status());
    assertFalse(again.isSuccessful());
    assertNull(again.body());
    assertEquals("Member permanently removed: 8e9e05c52164694d", again.error().message());
  }

  @Test
  void unknownMember404() {
    etcd.enqueueJson(404, "{\"message\":\"No such member: 1234\"}\n");

    EtcdResponse<Void> response = etcd.client().updateMember("1234", PeerUrls.of("http://x:1"));

    assertEquals(404, response.status());
    assertEquals("No such member: 1234", response.error().message());
    assertEquals(0, response.error().errorCode());
  }

  // Health and machines: not labelled JSON.

  @Test
  void healthIsJsonLabelledTextPlain() {
    etcd.server()
        .enqueue(
            new MockResponse()
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setBody("{\"health\":\"true\"}"));

    EtcdResponse<Health> response = etcd.client().health();

    assertEquals(200, response.status());
    assertTrue(response.body().isHealthy());
    assertEquals("{\"health\":\"true\"}", response.text());
    assertNull(response.error());
  }

  @Test
  void healthWithExtraFieldsIsHealthy() {
    // etcd 3.5 adds a reason.
    etcd.server()
        .enqueue(
            new MockResponse()
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setBody("{\"health\":\"true\",\"reason\":\"\"}"));

    assertTrue(etcd.client().health().body().isHealthy());
  }

  @Test
  void unhealthy503KeepsTheText() {
    // Go's http.Error: text/plain, a trailing newline.
    etcd.server()
        .enqueue(
            new MockResponse()
                .setResponseCode(503)
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setHeader("X-Content-Type-Options", "nosniff")
                .setBody("{\"health\":\"false\"}\n"));

    EtcdResponse<Health> response = etcd.client().health();

    assertEquals(503, response.status());
    assertFalse(response.isSuccessful());
    assertFalse(response.isTimeout());
    assertEquals("{\"health\":\"false\"}\n", response.text());
    assertNull(response.body(), "body() is for 2xx answers");
    assertNull(response.error(), "not labelled JSON");
  }

  @Test
  void healthThatIsNotJsonFailsSayingWhatCame() {
    etcd.server()
        .enqueue(
            new MockResponse()
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setBody("404 page not found\n"));

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.client().health());

    assertTrue(
        e.getMessage()
            .endsWith(
                "failed: answered 200 text/plain; charset=utf-8 \"404 page"
                    + " not found\", not the JSON of Health that the endpoint declares"),
        e.getMessage());
  }

  @Test
  void healthLabelledJsonIsDecodedToo() {
    etcd.enqueueJson(200, "{\"health\":\"false\"}");

    EtcdResponse<Health> response = etcd.client().health();

    assertFalse(response.body().isHealthy());
    assertNull(response.text());
  }

  @Test
  void machinesTextIsTheBody() {
    etcd.server()
        .enqueue(
            new MockResponse()
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setBody("http://a:2379, http://b:2379"));

    EtcdResponse<String> response = etcd.client().machines();

    assertEquals(200, response.status());
    assertEquals("http://a:2379, http://b:2379", response.body());
    assertEquals("http://a:2379, http://b:2379", response.text());
    assertNull(response.error());
  }

  @Test
  void machinesOfABuilderToo() {
    etcd.server()
        .enqueue(
            new MockResponse()
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setBody("http://127.0.0.1:2379"));

    EtcdResponse<String> response = etcd.client().requests().getMachines().send();

    assertEquals("http://127.0.0.1:2379", response.body());
  }

  // Auth.

  @Test
  void authStatus() {
    etcd.enqueueJson(200, "{\"enabled\":true}\n");
    etcd.enqueueJson(200, "{\"enabled\":false}\n");

    EtcdResponse<AuthStatus> on = etcd.client().authStatus();
    EtcdResponse<AuthStatus> off = etcd.client().authStatus();

    assertTrue(on.body().isEnabled());
    assertFalse(off.body().isEnabled());
  }

  @Test
  void enableAuthWithoutRootUser409() {
    etcd.enqueueJson(409, "{\"message\":\"auth: No root user available, please create one\"}\n");

    EtcdResponse<Void> response = etcd.client().enableAuth();

    assertEquals(409, response.status());
    assertNull(response.body());
    assertEquals("auth: No root user available, please create one", response.error().message());
  }

  @Test
  void enableAndDisableAuth200WithoutBody() {
    etcd.server().enqueue(new MockResponse().setResponseCode(200));
    etcd.server().enqueue(new MockResponse().setResponseCode(200));

    EtcdResponse<Void> enabled = etcd.client().enableAuth();
    EtcdResponse<Void> disabled = etcd.client().disableAuth();

    assertEquals(200, enabled.status());
    assertNull(enabled.body());
    assertNull(enabled.error());
    assertEquals(200, disabled.status());
    assertNull(disabled.body());
  }

  @Test
  void usersListHasRolesAsObjects() {
    etcd.enqueueJson(
        200,
        "{\"users\":[{\"user\":\"alice\",\"roles\":["
            + APP_ROLE
            + "]},"
            + "{\"user\":\"root\",\"roles\":["
            + ROOT_ROLE
            + "]},{\"user\":\"nobody\"}]}\n");

    EtcdResponse<UserList> response = etcd.client().users();

    assertEquals(200, response.status());
    List<User> users = response.body().users();
    assertEquals(3, users.size());
    User alice = users.get(0);
    assertEquals("alice", alice.name());
    assertEquals(List.of("app"), alice.roleNames());
    Role app = alice.roles().get(0);
    assertEquals("app", app.name());
    assertEquals(List.of("/app/*"), app.permissions().read());
    assertEquals(List.of("/app/*"), app.permissions().write());
    assertEquals(List.of("root"), users.get(1).roleNames());
    assertEquals(List.of("/*"), users.get(1).roles().get(0).permissions().write());
    assertEquals("nobody", users.get(2).name());
    assertTrue(users.get(2).roles().isEmpty());
  }

  @Test
  void userAfterPutHasRolesAsBareNames() {
    etcd.enqueueJson(201, "{\"user\":\"alice\",\"roles\":[\"app\",\"ops\"]}\n");

    EtcdResponse<User> response =
        etcd.client().putUser("alice", UserRequest.create("alice", "pw", "app", "ops"));

    assertEquals(201, response.status());
    User alice = response.body();
    assertEquals("alice", alice.name());
    assertEquals(List.of("app", "ops"), alice.roleNames());
    assertTrue(alice.roles().get(0).permissions().read().isEmpty());
    assertTrue(alice.roles().get(0).permissions().write().isEmpty());
  }

  @Test
  void userWithRolesAsObjects() {
    etcd.enqueueJson(200, "{\"user\":\"alice\",\"roles\":[" + APP_ROLE + "]}\n");

    User alice = etcd.client().user("alice").body();

    assertEquals("alice", alice.name());
    assertEquals(List.of("/app/*"), alice.roles().get(0).permissions().read());
  }

  @Test
  void rolesList() {
    etcd.enqueueJson(
        200,
        "{\"roles\":["
            + APP_ROLE
            + ","
            + ROOT_ROLE
            + ","
            + "{\"role\":\"guest\",\"permissions\":{\"kv\":{\"read\":[\"/*\"],\"write\":null}}}]}\n");

    EtcdResponse<RoleList> response = etcd.client().roles();

    List<Role> roles = response.body().roles();
    assertEquals(3, roles.size());
    assertEquals("app", roles.get(0).name());
    assertEquals(List.of("/app/*"), roles.get(0).permissions().write());
    assertEquals("root", roles.get(1).name());
    Permissions guest = roles.get(2).permissions();
    assertEquals(List.of("/*"), guest.read());
    assertTrue(guest.write().isEmpty());
  }

  @Test
  void role() {
    etcd.enqueueJson(200, APP_ROLE + "\n");

    Role role = etcd.client().role("app").body();

    assertEquals("app", role.name());
    assertEquals(List.of("/app/*"), role.permissions().read());
    assertEquals(List.of("/app/*"), role.permissions().write());
  }

  @Test
  void roleAfterPut() {
    etcd.enqueueJson(201, APP_ROLE + "\n");

    EtcdResponse<Role> response =
        etcd.client().putRole("app", RoleRequest.create("app", Permissions.readWrite("/app/*")));

    assertEquals(201, response.status());
    assertEquals("app", response.body().name());
    assertEquals(List.of("/app/*"), response.body().permissions().write());
  }

  @Test
  void roleWithoutPermissionsHasEmptyOnes() {
    etcd.enqueueJson(200, "{\"role\":\"empty\"}\n");

    Role role = etcd.client().role("empty").body();

    assertEquals("empty", role.name());
    assertTrue(role.permissions().read().isEmpty());
    assertTrue(role.permissions().write().isEmpty());
  }

  @Test
  void deleteUserAndRole200() {
    etcd.server().enqueue(new MockResponse().setResponseCode(200));
    etcd.server().enqueue(new MockResponse().setResponseCode(200));

    assertEquals(200, etcd.client().deleteUser("alice").status());
    assertEquals(200, etcd.client().deleteRole("app").status());
  }

  @Test
  void unknownUser404() {
    etcd.enqueueJson(404, "{\"message\":\"auth: User alice does not exist.\"}\n");

    EtcdResponse<User> response = etcd.client().user("alice");

    assertEquals(404, response.status());
    assertNull(response.body());
    assertEquals("auth: User alice does not exist.", response.error().message());
  }

  @Test
  void keysWithoutCredentials401WithErrorCode110() {
    etcd.server()
        .enqueue(
            MockEtcd.json(
                    401,
                    "{\"errorCode\":110,\"message\":\"The request"
                        + " requires user authentication\",\"cause\":\"Insufficient credentials\",\"index\":0}\n")
                .setHeader("WWW-Authenticate", "Basic realm=\"etcd\""));

    EtcdResponse<KeysResult> response = etcd.client().get("/secret");

    assertEquals(401, response.status());
    assertNull(response.body());
    EtcdError error = response.error();
    assertEquals(EtcdError.UNAUTHORIZED, error.errorCode());
    assertEquals("The request requires user authentication", error.message());
    assertEquals("Insufficient credentials", error.cause());
    assertEquals(0, error.index());
    etcd.assertRequestCount(1); // not retried, with or without credentials
  }

  @Test
  void authEndpointsWithoutRoot401WithMessage() {
    etcd.server()
        .enqueue(
            MockEtcd.json(401, "{\"message\":\"Insufficient credentials\"}\n")
                .setHeader("WWW-Authenticate", "Basic realm=\"etcd\""));
    etcd.server().enqueue(MockEtcd.json(401, "{\"message\":\"Insufficient credentials\"}\n"));

    EtcdResponse<UserList> users = etcd.client(b -> b.auth("alice", "wrong")).users();
    EtcdResponse<Role> role =
        etcd.client().putRole("app", RoleRequest.revoke("app", Permissions.write("/app/*")));

    assertEquals(401, users.status());
    assertNull(users.body());
    assertEquals(0, users.error().errorCode());
    assertEquals("Insufficient credentials", users.error().message());
    assertEquals(401, role.status());
    assertEquals("Insufficient credentials", role.error().message());
    etcd.assertRequestCount(2);
  }

  private static void assertNoContent(EtcdResponse<Void> response) {
    assertEquals(204, response.status());
    assertTrue(response.isSuccessful());
    assertFalse(response.isTimeout());
    assertNull(response.body());
    assertNull(response.error());
    assertNull(response.text());
  }
}
