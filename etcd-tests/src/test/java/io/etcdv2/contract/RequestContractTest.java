package io.etcdv2.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.PeerUrls;
import io.etcdv2.api.Permissions;
import io.etcdv2.api.RoleRequest;
import io.etcdv2.api.UserRequest;
import io.etcdv2.contract.Overloads.Overload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact HTTP request each convenience overload and the raw API send. */
final class RequestContractTest {
  @RegisterExtension final MockEtcd etcd = new MockEtcd();

  static List<Overload> overloads() {
    return Overloads.all();
  }

  @Test
  void tableCoversEveryOverloadOfTheGeneratedClient() {
    TreeSet<String> tested =
        overloads().stream()
            .map(Overload::signature)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Overloads.clientSignatures(), tested);
    assertEquals(tested.size(), overloads().size(), "a signature is listed twice");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overloads")
  void sendsExactlyOneRequest(Overload overload) {
    etcd.enqueueOk();

    EtcdResponse<?> response = overload.call(etcd.client(), "/k");

    assertEquals(200, response.status());
    assertRequest(etcd.takeRequest(), overload);
    etcd.assertRequestCount(1);
  }

  @Test
  void rawApiSendsItsParametersAsGiven() {
    etcd.enqueueOk();

    EtcdResponse<KeysResult> response =
        etcd.client().api().putKey("/raw", "x", null, null, null, null, null, null, null).execute();

    assertEquals(200, response.status());
    assertEquals("/a", response.body().node().key());
    assertRequest(etcd.takeRequest(), "PUT", "/v2/keys/raw", "value=x");
  }

  @Test
  void rawApiSendsEveryPutParameterInEndpointOrder() {
    etcd.enqueueOk();

    etcd.client().api().putKey("/k", "v", "", false, true, 3L, "old", true, true).execute();

    assertRequest(
        etcd.takeRequest(),
        "PUT",
        "/v2/keys/k",
        "value=v&ttl=&dir=false&prevExist=true&prevIndex=3&prevValue=old&refresh=true"
            + "&noValueOnSuccess=true");
  }

  @Test
  void rawApiSendsEveryGetParameterInEndpointOrder() {
    etcd.enqueueOk();

    etcd.client().api().getKey("/d", true, true, true, true, 9L).execute();

    assertRequest(
        etcd.takeRequest(),
        "GET",
        "/v2/keys/d?recursive=true&sorted=true&quorum=true&wait=true&waitIndex=9",
        null);
  }

  @Test
  void rawApiPostAndDelete() {
    etcd.enqueueOk();
    etcd.enqueueOk();

    etcd.client().api().postKey("/q", "job", "5", false, true).execute();
    etcd.client().api().deleteKey("/d", true, true, "p", 4L).execute();

    assertRequest(
        etcd.takeRequest(),
        "POST",
        "/v2/keys/q",
        "value=job&ttl=5&dir=false&noValueOnSuccess=true");
    assertRequest(
        etcd.takeRequest(),
        "DELETE",
        "/v2/keys/d?dir=true&recursive=true&prevValue=p&prevIndex=4",
        null);
  }

  @Test
  void redirectIsReturnedNotFollowed() {
    String location = etcd.host() + "/v2/keys/a/b";
    etcd.server()
        .enqueue(
            new MockResponse()
                .setResponseCode(301)
                .setHeader("Location", location)
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .setBody("<a href=\"/v2/keys/a/b\">Moved Permanently</a>.\n"));
    etcd.enqueueOk(); // what a followed redirect would get

    EtcdResponse<KeysResult> response =
        etcd.client()
            .api()
            .putKey("/a//b", "x", null, null, null, null, null, null, null)
            .execute();

    assertEquals(301, response.status());
    assertEquals(location, response.headers().get("Location"));
    assertEquals("<a href=\"/v2/keys/a/b\">Moved Permanently</a>.\n", response.text());
    assertNull(response.body());
    etcd.assertRequestCount(1);
  }

  @Test
  void redirectOfAConvenienceWriteIsReturnedNotFollowed() {
    etcd.server()
        .enqueue(
            new MockResponse()
                .setResponseCode(307)
                .setHeader("Location", etcd.host() + "/v2/keys/elsewhere"));
    etcd.enqueueOk();

    EtcdResponse<KeysResult> response = etcd.client().set("/k", "v");

    assertEquals(307, response.status());
    assertRequest(etcd.takeRequest(), "PUT", "/v2/keys/k", "value=%22v%22");
    etcd.assertRequestCount(1);
  }

  @Test
  void hostWithPathKeepsThePath() {
    EtcdClient client = etcd.client(b -> b.host(etcd.server().url("/proxy/").toString()));
    etcd.enqueueOk();
    etcd.enqueueOk();
    etcd.enqueueOk();

    client.set("/k", "v");
    client.get("/");
    client.version();

    assertRequest(etcd.takeRequest(), "PUT", "/proxy/v2/keys/k", "value=%22v%22");
    assertRequest(etcd.takeRequest(), "GET", "/proxy/v2/keys/", null);
    assertRequest(etcd.takeRequest(), "GET", "/proxy/version", null);
  }

  @Test
  void hostWithPathWithoutTrailingSlashKeepsThePath() {
    EtcdClient client = etcd.client(b -> b.host(etcd.host() + "/etcd/member1"));
    etcd.enqueueOk();
    etcd.enqueueOk();

    client.delete("/k");
    client.statsStore();

    assertRequest(etcd.takeRequest(), "DELETE", "/etcd/member1/v2/keys/k", null);
    assertRequest(etcd.takeRequest(), "GET", "/etcd/member1/v2/stats/store", null);
  }

  @Test
  void rawApiSendsMembersAndAuthBodiesAsJson() {
    for (int i = 0; i < 3; i++) etcd.enqueueOk();

    etcd.client().api().postMember(PeerUrls.of(Overloads.PEER_URL)).execute();
    etcd.client().api().putUser("alice", UserRequest.create("alice", "pw")).execute();
    etcd.client().api().putAuthEnable().execute();

    assertRequest(etcd.takeRequest(), "POST", "/v2/members", Overloads.PEER_JSON, Overloads.JSON);
    assertRequest(
        etcd.takeRequest(),
        "PUT",
        "/v2/auth/users/alice",
        "{\"password\":\"pw\",\"user\":\"alice\"}",
        Overloads.JSON);
    assertRequest(etcd.takeRequest(), "PUT", "/v2/auth/enable", "", null);
  }

  static Stream<Arguments> userAndRoleBodies() {
    String kv = "{\"kv\":{\"read\":[\"/a/*\"],\"write\":[]}}";
    return Stream.of(
        arguments(
            "create user",
            UserRequest.create("alice", "pw", "app"),
            "{\"password\":\"pw\",\"roles\":[\"app\"],\"user\":\"alice\"}"),
        arguments(
            "create user without roles",
            UserRequest.create("alice", "pw"),
            "{\"password\":\"pw\",\"user\":\"alice\"}"),
        arguments(
            "change password",
            UserRequest.changePassword("alice", "new \"pw\""),
            "{\"password\":\"new \\\"pw\\\"\",\"user\":\"alice\"}"),
        arguments(
            "grant roles",
            UserRequest.grant("alice", "ops", "app"),
            "{\"grant\":[\"ops\",\"app\"],\"user\":\"alice\"}"),
        arguments(
            "revoke roles",
            UserRequest.revoke("alice", "ops"),
            "{\"revoke\":[\"ops\"],\"user\":\"alice\"}"),
        arguments(
            "create role",
            RoleRequest.create("app", Permissions.readWrite("/app/*")),
            "{\"permissions\":" + Overloads.APP_KV + ",\"role\":\"app\"}"),
        arguments(
            "grant permissions",
            RoleRequest.grant("app", Permissions.readWrite("/app/*")),
            "{\"grant\":" + Overloads.APP_KV + ",\"role\":\"app\"}"),
        arguments(
            "revoke permissions",
            RoleRequest.revoke("app", Permissions.read("/a/*")),
            "{\"revoke\":" + kv + ",\"role\":\"app\"}"),
        arguments(
            "write-only permissions",
            RoleRequest.create("app", Permissions.of(List.of(), List.of("/w"))),
            "{\"permissions\":{\"kv\":{\"read\":[],\"write\":[\"/w\"]}},\"role\":\"app\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("userAndRoleBodies")
  void userAndRoleRequestsAreSentAsJson(String name, Object body, String json) {
    etcd.enqueueOk();

    if (body instanceof UserRequest user) {
      etcd.client().putUser("alice", user);
      assertRequest(etcd.takeRequest(), "PUT", "/v2/auth/users/alice", json, Overloads.JSON);
    } else {
      etcd.client().putRole("app", (RoleRequest) body);
      assertRequest(etcd.takeRequest(), "PUT", "/v2/auth/roles/app", json, Overloads.JSON);
    }
  }

  @Test
  void namesArePercentEncodedAsOnePathSegment() {
    for (int i = 0; i < 4; i++) etcd.enqueueOk();

    etcd.client().user("a b/c%ö");
    etcd.client().deleteRole("r?#");
    etcd.client().role("+x");
    etcd.client().removeMember("8e9e05c52164694d");

    assertEquals("GET /v2/auth/users/a%20b%2Fc%25%C3%B6", requestLine(etcd.takeRequest()));
    assertEquals("DELETE /v2/auth/roles/r%3F%23", requestLine(etcd.takeRequest()));
    assertEquals("GET /v2/auth/roles/+x", requestLine(etcd.takeRequest()));
    assertEquals("DELETE /v2/members/8e9e05c52164694d", requestLine(etcd.takeRequest()));
  }

  @Test
  void dotNamesAreRejectedBeforeSending() {
    // They would name the collection or its parent: DELETE /v2/auth/users/.. is not a user.
    assertThrows(IllegalArgumentException.class, () -> etcd.client().deleteUser(".."));
    assertThrows(IllegalArgumentException.class, () -> etcd.client().role("."));
    assertThrows(IllegalArgumentException.class, () -> etcd.client().removeMember(".."));

    etcd.assertRequestCount(0);
  }

  @Test
  void nullNamesAndBodiesAreRejectedBeforeSending() {
    EtcdClient client = etcd.client();
    PeerUrls peers = PeerUrls.of(Overloads.PEER_URL);
    List<Map.Entry<String, Executable>> calls =
        List.of(
            Map.entry("user", () -> client.user(null)),
            Map.entry("user", () -> client.putUser(null, UserRequest.grant("a", "r"))),
            Map.entry("body", () -> client.putUser("alice", null)),
            Map.entry("user", () -> client.deleteUser(null)),
            Map.entry("role", () -> client.role(null)),
            Map.entry(
                "role", () -> client.putRole(null, RoleRequest.grant("r", Permissions.read("/")))),
            Map.entry("body", () -> client.putRole("app", null)),
            Map.entry("role", () -> client.deleteRole(null)),
            Map.entry("body", () -> client.addMember(null)),
            Map.entry("id", () -> client.updateMember(null, peers)),
            Map.entry("body", () -> client.updateMember(Overloads.MEMBER_ID, null)),
            Map.entry("id", () -> client.removeMember(null)));
    for (Map.Entry<String, Executable> call : calls) {
      NullPointerException e = assertThrows(NullPointerException.class, call.getValue());
      assertEquals(call.getKey() + " == null", e.getMessage());
    }
    etcd.assertRequestCount(0);
  }

  /**
   * An empty member id, user or role name would name the whole collection instead: {@code DELETE
   * /v2/auth/users/} or {@code GET /v2/members/}. Every convenience, synchronous or not, refuses it
   * before sending.
   */
  @Test
  void emptyNamesAreRejectedBeforeSending() {
    EtcdClient client = etcd.client();
    PeerUrls peers = PeerUrls.of(Overloads.PEER_URL);
    UserRequest user = UserRequest.grant("a", "r");
    RoleRequest role = RoleRequest.grant("r", Permissions.read("/"));
    List<Map.Entry<String, Executable>> calls =
        List.of(
            Map.entry("user", () -> client.user("")),
            Map.entry("user", () -> client.putUser("", user)),
            Map.entry("user", () -> client.putUser("", null)),
            Map.entry("user", () -> client.deleteUser("")),
            Map.entry("role", () -> client.role("")),
            Map.entry("role", () -> client.putRole("", role)),
            Map.entry("role", () -> client.deleteRole("")),
            Map.entry("id", () -> client.updateMember("", peers)),
            Map.entry("id", () -> client.removeMember("")),
            Map.entry("user", () -> client.async().user("")),
            Map.entry("user", () -> client.async().putUser("", user)),
            Map.entry("user", () -> client.async().deleteUser("")),
            Map.entry("role", () -> client.async().role("")),
            Map.entry("role", () -> client.async().putRole("", role)),
            Map.entry("role", () -> client.async().deleteRole("")),
            Map.entry("id", () -> client.async().updateMember("", peers)),
            Map.entry("id", () -> client.async().removeMember("")));
    for (Map.Entry<String, Executable> call : calls) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call.getValue());
      assertEquals(
          call.getKey()
              + " must not be empty: the request would then name the whole"
              + " collection",
          e.getMessage());
    }
    etcd.assertRequestCount(0);
  }

  @Test
  void nullNamesAreRejectedBeforeSendingByTheAsyncFormsToo() {
    EtcdClient client = etcd.client();
    PeerUrls peers = PeerUrls.of(Overloads.PEER_URL);
    List<Map.Entry<String, Executable>> calls =
        List.of(
            Map.entry("user", () -> client.async().user(null)),
            Map.entry("user", () -> client.async().putUser(null, UserRequest.grant("a", "r"))),
            Map.entry("user", () -> client.async().deleteUser(null)),
            Map.entry("role", () -> client.async().role(null)),
            Map.entry("role", () -> client.async().deleteRole(null)),
            Map.entry("id", () -> client.async().updateMember(null, peers)),
            Map.entry("id", () -> client.async().removeMember(null)));
    for (Map.Entry<String, Executable> call : calls) {
      NullPointerException e = assertThrows(NullPointerException.class, call.getValue());
      assertEquals(call.getKey() + " == null", e.getMessage());
    }
    etcd.assertRequestCount(0);
  }

  @Test
  void clusterAndAuthPathsIgnoreThePrefixButKeepTheHostPath() {
    EtcdClient client = etcd.client(b -> b.host(etcd.host() + "/proxy").prefix("/app"));
    for (int i = 0; i < 4; i++) etcd.enqueueOk();

    client.health();
    client.members();
    client.users();
    client.requests().getMachines().send();

    assertEquals("GET /proxy/health", requestLine(etcd.takeRequest()));
    assertEquals("GET /proxy/v2/members", requestLine(etcd.takeRequest()));
    assertEquals("GET /proxy/v2/auth/users", requestLine(etcd.takeRequest()));
    assertEquals("GET /proxy/v2/machines", requestLine(etcd.takeRequest()));
  }

  private static String requestLine(RecordedRequest request) {
    return request.getMethod() + " " + request.getPath();
  }

  /** Asserts the request {@code overload} must send for the key {@code /k}. */
  static void assertRequest(RecordedRequest request, Overload overload) {
    assertRequest(
        request, overload.method(), overload.path(), overload.body(), overload.contentType());
  }

  /**
   * Asserts method, exact path and query, and body: a write sends its form as etcd requires it,
   * {@code application/x-www-form-urlencoded}; a read or delete sends no body at all.
   */
  static void assertRequest(RecordedRequest request, String method, String path, String body) {
    assertRequest(request, method, path, body, body == null ? null : Overloads.FORM);
  }

  /**
   * Asserts method, exact path and query, body and its Content-Type. A null {@code body} means no
   * body at all: no Content-Type, no Content-Length.
   */
  static void assertRequest(
      RecordedRequest request, String method, String path, String body, String contentType) {
    assertEquals(method + " " + path, request.getMethod() + " " + request.getPath());
    if (body == null) {
      assertEquals(0, request.getBodySize(), "body size");
      assertNull(request.getHeader("Content-Type"), "Content-Type");
      assertNull(request.getHeader("Content-Length"), "Content-Length");
    } else {
      assertEquals(body, request.getBody().readUtf8());
      assertEquals(contentType, request.getHeader("Content-Type"), "Content-Type");
      assertEquals(
          String.valueOf(body.getBytes(StandardCharsets.UTF_8).length),
          request.getHeader("Content-Length"),
          "Content-Length");
    }
  }
}
