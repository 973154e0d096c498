package io.etcdv2.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.UserRequest;
import io.etcdv2.contract.Overloads.Overload;
import io.etcdv2.contract.RequestBuilderContractTest.Built;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Path;

/**
 * The client builder's {@code auth(user, password)}: HTTP Basic on every request, a request's own
 * Authorization header kept, and the password kept out of every text the client shows.
 */
final class CredentialsContractTest {
  @RegisterExtension final MockEtcd etcd = new MockEtcd();

  /** A password with HTTP Basic's separator, a space, a slash and non-ASCII text. */
  private static final String PASSWORD = "pa:ss w/ö";

  /** What etcd decodes: {@code user:password} in UTF-8, base64. */
  private static final String TOKEN =
      Base64.getEncoder().encodeToString(("root:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  private static final String BASIC = "Basic " + TOKEN;

  static List<Overload> overloads() {
    return Overloads.all();
  }

  static List<Built> builders() {
    return RequestBuilderContractTest.bare();
  }

  @Test
  void headerIsBasicOfUserAndPasswordInUtf8() {
    assertEquals("Basic cm9vdDpwYTpzcyB3L8O2", BASIC, "the expected header itself");
    etcd.enqueueOk();

    etcd.client(b -> b.auth("root", PASSWORD)).get("/k");

    assertEquals(List.of(BASIC), etcd.takeRequest().getHeaders().values("Authorization"));
  }

  @Test
  void nonAsciiUserIsUtf8Too() {
    etcd.enqueueOk();

    etcd.client(b -> b.auth("jörg", "")).get("/k");

    assertEquals(
        "Basic " + Base64.getEncoder().encodeToString("jörg:".getBytes(StandardCharsets.UTF_8)),
        etcd.takeRequest().getHeader("Authorization"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overloads")
  void everyConvenienceSendsTheCredentials(Overload overload) {
    etcd.enqueueOk();

    overload.call(etcd.client(b -> b.auth("root", PASSWORD)), "/k");

    RecordedRequest request = etcd.takeRequest();
    assertEquals(List.of(BASIC), request.getHeaders().values("Authorization"));
    RequestContractTest.assertRequest(request, overload);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builders")
  void everyRequestBuilderSendsTheCredentials(Built built) {
    etcd.enqueueOk();

    RequestBuilderContractTest.send(built.builder(etcd.client(b -> b.auth("root", PASSWORD))));

    RecordedRequest request = etcd.takeRequest();
    assertEquals(List.of(BASIC), request.getHeaders().values("Authorization"));
    RequestContractTest.assertRequest(
        request, built.method(), built.path(), built.body(), built.contentType());
  }

  @Test
  void rawApiCallsSendTheCredentials() throws Exception {
    EtcdClient client = etcd.client(b -> b.auth("root", PASSWORD));
    etcd.enqueueOk();
    etcd.enqueueOk();
    etcd.enqueueOk();

    client.api().putKey("/k", "v", null, null, null, null, null, null, null).execute();
    client.api().getUsers().execute();
    client.api().getMembers().future().get();

    for (int i = 0; i < 3; i++) {
      assertEquals(List.of(BASIC), etcd.takeRequest().getHeaders().values("Authorization"));
    }
  }

  @Test
  void retriedReadSendsTheCredentialsAgain() {
    EtcdClient client = etcd.client(b -> b.auth("root", PASSWORD));
    etcd.enqueueOk();
    etcd.server()
        .enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    etcd.enqueueOk();

    client.get("/a");
    EtcdResponse<KeysResult> retried = client.get("/a");

    assertEquals(200, retried.status());
    etcd.assertRequestCount(3);
    for (int i = 0; i < 3; i++) {
      assertEquals(BASIC, etcd.takeRequest().getHeader("Authorization"), "request " + i);
    }
  }

  @Test
  void withoutCredentialsNoAuthorizationIsSent() {
    etcd.enqueueOk();
    etcd.enqueueOk();

    etcd.client().get("/k");
    etcd.client().requests().getUsers().send();

    assertNull(etcd.takeRequest().getHeader("Authorization"));
    assertNull(etcd.takeRequest().getHeader("Authorization"));
  }

  @Test
  void laterAuthReplacesEarlierOne() {
    etcd.enqueueOk();

    etcd.client(b -> b.auth("first", "one").auth("root", PASSWORD)).get("/k");

    assertEquals(List.of(BASIC), etcd.takeRequest().getHeaders().values("Authorization"));
  }

  /** An endpoint of one's own that sets its Authorization header itself. */
  @GenerateClient
  interface OwnAuthorization {
    @GET("v2/keys{key}")
    EtcdCall<KeysResult> get(
        @Path(value = "key", encoded = true) String key,
        @Header("Authorization") String authorization);
  }

  @Test
  void requestWithItsOwnAuthorizationKeepsIt() {
    etcd.enqueueOk();
    etcd.enqueueOk();
    try (OwnAuthorizationClient client =
        OwnAuthorizationClient.builder().host(etcd.host()).auth("root", PASSWORD).build()) {
      client.api().get("/k", "Bearer token-of-the-caller").execute();
      client.api().get("/k", null).execute(); // no header of its own: the client's credentials
    }

    assertEquals(
        List.of("Bearer token-of-the-caller"),
        etcd.takeRequest().getHeaders().values("Authorization"));
    assertEquals(List.of(BASIC), etcd.takeRequest().getHeaders().values("Authorization"));
  }

  @Test
  void userWithColonIsRejectedNamingTheRule() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EtcdClient.builder().auth("a:b", "x"));

    assertEquals(
        "user must not contain ':', which HTTP Basic uses to separate it from the" + " password",
        e.getMessage());
    assertFalse(e.getMessage().contains("a:b") || e.getMessage().contains("x\""), e.getMessage());
  }

  @Test
  void nullUserOrPasswordIsRejected() {
    NullPointerException user =
        assertThrows(NullPointerException.class, () -> EtcdClient.builder().auth(null, "x"));
    NullPointerException password =
        assertThrows(NullPointerException.class, () -> EtcdClient.builder().auth("u", null));

    assertEquals("user == null", user.getMessage());
    assertEquals("password == null", password.getMessage());
  }

  // The password, or the header that encodes it, never shows.

  @Test
  @SuppressWarnings("ObjectToString") // also guards the toString() a class may get later
  void passwordIsNotInTheClientRuntimeOrBuilder() {
    EtcdClient.Builder builder = EtcdClient.builder().host(etcd.host()).auth("root", PASSWORD);
    EtcdClient client = etcd.track(builder.build());
    EtcdCall<KeysResult> call = client.api().getKey("/k", null, null, null, null, null);

    assertSecretAbsent(builder.toString());
    assertSecretAbsent(client.toString());
    assertSecretAbsent(client.config().toString());
    assertSecretAbsent(client.requests().toString());
    assertSecretAbsent(client.config().okHttpClient().interceptors().toString());
    assertSecretAbsent(call.toString());
    assertSecretAbsent(call.request().toString());
  }

  @Test
  void passwordIsNotInTheFailureOfARefusedConnection() {
    String host = "http://127.0.0.1:" + MockEtcd.closedPort();
    EtcdClient client = etcd.track(EtcdClient.builder().host(host).auth("root", PASSWORD).build());

    List<EtcdException> failures = new ArrayList<>();
    failures.add(assertThrows(EtcdException.class, () -> client.set("/k", "v")));
    failures.add(
        assertThrows(
            EtcdException.class,
            () -> client.putUser("alice", UserRequest.create("alice", PASSWORD))));
    failures.add(
        assertThrows(
            EtcdException.class,
            () ->
                client
                    .requests()
                    .putUser("alice", UserRequest.changePassword("alice", PASSWORD))
                    .send()));

    for (EtcdException e : failures) {
      assertTrue(e.getMessage().startsWith("etcd "), e.getMessage());
      assertEquals(host, e.host());
      for (Throwable t = e; t != null; t = t.getCause()) assertSecretAbsent(String.valueOf(t));
    }
  }

  @Test
  void passwordIsNotInUserRequests() {
    List<UserRequest> requests =
        List.of(
            UserRequest.create("alice", PASSWORD),
            UserRequest.create("alice", PASSWORD, "app", "ops"),
            UserRequest.changePassword("alice", PASSWORD));

    for (UserRequest request : requests) {
      String shown = request.toString();
      assertSecretAbsent(shown);
      assertTrue(shown.contains("password=***"), shown);
      assertTrue(shown.contains("alice"), shown);
    }
    assertEquals(
        "UserRequest{user=alice, password=***, roles=[app, ops]}", requests.get(1).toString());
    assertEquals(
        "UserRequest{user=alice, grant=[ops]}", UserRequest.grant("alice", "ops").toString());
    assertEquals(
        "UserRequest{user=alice, revoke=[ops]}", UserRequest.revoke("alice", "ops").toString());
  }

  @Test
  void passwordIsSentInTheUserRequestBody() {
    etcd.enqueueJson(200, "{\"user\":\"alice\",\"roles\":[]}");

    etcd.client().putUser("alice", UserRequest.changePassword("alice", PASSWORD));

    RequestContractTest.assertRequest(
        etcd.takeRequest(),
        "PUT",
        "/v2/auth/users/alice",
        "{\"password\":\"pa:ss w/ö\",\"user\":\"alice\"}",
        Overloads.JSON);
  }

  /** Host URLs with user info: a user and password, a user alone, a password alone. */
  static List<String> hostsWithCredentials() {
    return List.of(
        "http://root:s3cret@127.0.0.1:2379",
        "http://root@127.0.0.1:2379",
        "http://:s3cret@127.0.0.1:2379",
        "https://root:s3cret@etcd.example.com/proxy");
  }

  /**
   * Credentials given in the host URL instead ({@code http://user:password@host}) would not be sent
   * by OkHttp, and would show wherever the host does: the builder refuses them, naming the way that
   * works, without repeating them, and keeps the host it had, so nothing is built from them.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hostsWithCredentials")
  void hostWithCredentialsIsRejected(String host) {
    EtcdClient.Builder builder = EtcdClient.builder().host(etcd.host());

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.host(host));
    IllegalArgumentException chained =
        assertThrows(
            IllegalArgumentException.class,
            () -> etcd.track(EtcdClient.builder().host(host).build()));

    String message =
        "host must not carry credentials (OkHttp would not send them, and they"
            + " would show in logs); pass them with auth(user, password)";
    assertEquals(message, e.getMessage());
    assertEquals(message, chained.getMessage());
    assertFalse(
        e.getMessage().contains("s3cret") || e.getMessage().contains("root"), e.getMessage());
    EtcdClient client = etcd.track(builder.build());
    assertEquals(List.of(etcd.host().replaceAll("/$", "")), client.endpoints());
    assertEquals("EtcdClient{" + HttpUrl.get(etcd.host()) + "}", client.toString());
    etcd.assertRequestCount(0);
  }

  private static void assertSecretAbsent(String shown) {
    assertFalse(shown.contains(PASSWORD), shown);
    assertFalse(shown.contains("pa:ss"), shown);
    assertFalse(shown.contains(TOKEN), shown);
  }
}
