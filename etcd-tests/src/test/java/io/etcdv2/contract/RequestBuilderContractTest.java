package io.etcdv2.contract;

import static io.etcdv2.contract.Overloads.APP_KV;
import static io.etcdv2.contract.Overloads.FORM;
import static io.etcdv2.contract.Overloads.JSON;
import static io.etcdv2.contract.Overloads.MEMBER_ID;
import static io.etcdv2.contract.Overloads.PEER_JSON;
import static io.etcdv2.contract.Overloads.PEER_URL;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.Health;
import io.etcdv2.api.MemberList;
import io.etcdv2.api.PeerUrls;
import io.etcdv2.api.Permissions;
import io.etcdv2.api.RoleRequest;
import io.etcdv2.api.UserRequest;
import io.etcdv2.runtime.PlainRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request builders of {@code requests()}: one per endpoint, each parameter by name, the
 * client's default TTL, argument checks before sending, per-call timeouts and {@code call()}.
 */
final class RequestBuilderContractTest {
  @RegisterExtension final MockEtcd etcd = new MockEtcd();

  /** What the builders have besides their parameter setters. */
  private static final Set<String> NOT_SETTERS = Set.of("call", "send", "timeout");

  /**
   * A configured builder and the exact request it must send.
   *
   * @param endpoint the {@code requests()} method, which also names the operation in errors
   * @param setters the setters {@code configure} calls, {@code timeout} aside
   * @param configure returns the builder, not yet sent
   */
  record Built(
      String endpoint,
      List<String> setters,
      Function<EtcdClient, Object> configure,
      String method,
      String path,
      String body,
      String contentType) {
    Object builder(EtcdClient client) {
      return configure.apply(client);
    }

    @Override
    public String toString() {
      return endpoint;
    }
  }

  /** Every endpoint's builder with no setter called. */
  static List<Built> bare() {
    List<Built> all = new ArrayList<>();
    all.add(bare("getKey", c -> c.requests().getKey("/k"), "GET", "/v2/keys/k"));
    // A form with no field is still a form: etcd then stores "" (PUT) or an in-order "" (POST).
    all.add(
        new Built(
            "putKey", List.of(), c -> c.requests().putKey("/k"), "PUT", "/v2/keys/k", "", FORM));
    // refreshKey takes no default TTL: unset, its form is as empty as putKey's.
    all.add(
        new Built(
            "refreshKey",
            List.of(),
            c -> c.requests().refreshKey("/k"),
            "PUT",
            "/v2/keys/k",
            "",
            FORM));
    all.add(
        new Built(
            "postKey", List.of(), c -> c.requests().postKey("/q"), "POST", "/v2/keys/q", "", FORM));
    all.add(
        new Built(
            "deleteKey",
            List.of(),
            c -> c.requests().deleteKey("/k"),
            "DELETE",
            "/v2/keys/k",
            null,
            null));
    all.add(bare("getVersion", c -> c.requests().getVersion(), "GET", "/version"));
    all.add(bare("getHealth", c -> c.requests().getHealth(), "GET", "/health"));
    all.add(bare("getMachines", c -> c.requests().getMachines(), "GET", "/v2/machines"));
    all.add(bare("getLeaderStats", c -> c.requests().getLeaderStats(), "GET", "/v2/stats/leader"));
    all.add(bare("getSelfStats", c -> c.requests().getSelfStats(), "GET", "/v2/stats/self"));
    all.add(bare("getStoreStats", c -> c.requests().getStoreStats(), "GET", "/v2/stats/store"));
    all.add(bare("getMembers", c -> c.requests().getMembers(), "GET", "/v2/members"));
    all.add(bare("getLeader", c -> c.requests().getLeader(), "GET", "/v2/members/leader"));
    all.add(
        new Built(
            "postMember",
            List.of(),
            c -> c.requests().postMember(PeerUrls.of(PEER_URL)),
            "POST",
            "/v2/members",
            PEER_JSON,
            JSON));
    all.add(
        new Built(
            "putMember",
            List.of(),
            c -> c.requests().putMember(MEMBER_ID, PeerUrls.of(PEER_URL)),
            "PUT",
            "/v2/members/" + MEMBER_ID,
            PEER_JSON,
            JSON));
    all.add(
        bare(
            "deleteMember",
            c -> c.requests().deleteMember(MEMBER_ID),
            "DELETE",
            "/v2/members/" + MEMBER_ID));
    all.add(bare("getAuthStatus", c -> c.requests().getAuthStatus(), "GET", "/v2/auth/enable"));
    all.add(
        new Built(
            "putAuthEnable",
            List.of(),
            c -> c.requests().putAuthEnable(),
            "PUT",
            "/v2/auth/enable",
            "",
            null));
    all.add(
        bare(
            "deleteAuthEnable", c -> c.requests().deleteAuthEnable(), "DELETE", "/v2/auth/enable"));
    all.add(bare("getUsers", c -> c.requests().getUsers(), "GET", "/v2/auth/users"));
    all.add(bare("getUser", c -> c.requests().getUser("alice"), "GET", "/v2/auth/users/alice"));
    all.add(
        new Built(
            "putUser",
            List.of(),
            c -> c.requests().putUser("alice", UserRequest.grant("alice", "ops")),
            "PUT",
            "/v2/auth/users/alice",
            "{\"grant\":[\"ops\"],\"user\":\"alice\"}",
            JSON));
    all.add(
        bare(
            "deleteUser", c -> c.requests().deleteUser("alice"), "DELETE", "/v2/auth/users/alice"));
    all.add(bare("getRoles", c -> c.requests().getRoles(), "GET", "/v2/auth/roles"));
    all.add(bare("getRole", c -> c.requests().getRole("app"), "GET", "/v2/auth/roles/app"));
    all.add(
        new Built(
            "putRole",
            List.of(),
            c ->
                c.requests()
                    .putRole("app", RoleRequest.grant("app", Permissions.readWrite("/app/*"))),
            "PUT",
            "/v2/auth/roles/app",
            "{\"grant\":" + APP_KV + ",\"role\":\"app\"}",
            JSON));
    all.add(
        bare("deleteRole", c -> c.requests().deleteRole("app"), "DELETE", "/v2/auth/roles/app"));
    return all;
  }

  /** Every endpoint's builder with every setter called, {@code timeout} included. */
  static List<Built> everySetter() {
    List<Built> all = new ArrayList<>();
    all.add(
        new Built(
            "getKey",
            List.of("recursive", "sorted", "quorum", "wait", "waitIndex"),
            c ->
                c.requests()
                    .getKey("/k")
                    .recursive(true)
                    .sorted(false)
                    .quorum(true)
                    .wait(true)
                    .waitIndex(4294967296L)
                    .timeout(5),
            "GET",
            "/v2/keys/k?recursive=true&sorted=false&quorum=true&wait=true"
                + "&waitIndex=4294967296",
            null,
            null));
    all.add(
        new Built(
            "putKey",
            List.of(
                "value",
                "ttl",
                "clearTtl",
                "dir",
                "prevExist",
                "prevIndex",
                "prevValue",
                "refresh",
                "noValueOnSuccess"),
            c ->
                c.requests()
                    .putKey("/k")
                    .value("a b+c")
                    .clearTtl()
                    .ttl(10)
                    .dir(false)
                    .prevExist(true)
                    .prevIndex(4294967297L)
                    .prevValue("old")
                    .refresh(false)
                    .noValueOnSuccess(true)
                    .timeout(5),
            "PUT",
            "/v2/keys/k",
            "value=%22a%20b%2Bc%22&ttl=10&dir=false&prevExist=true"
                + "&prevIndex=4294967297&prevValue=%22old%22&refresh=false&noValueOnSuccess=true",
            FORM));
    all.add(
        new Built(
            "refreshKey",
            List.of("ttl", "refresh", "prevExist"),
            c -> c.requests().refreshKey("/k").ttl(10).refresh(true).prevExist(true).timeout(5),
            "PUT",
            "/v2/keys/k",
            "ttl=10&refresh=true&prevExist=true",
            FORM));
    all.add(
        new Built(
            "postKey",
            List.of("value", "ttl", "clearTtl", "dir", "noValueOnSuccess"),
            c ->
                c.requests()
                    .postKey("/q")
                    .value(42)
                    .clearTtl()
                    .ttl(10)
                    .dir(false)
                    .noValueOnSuccess(true)
                    .timeout(5),
            "POST",
            "/v2/keys/q",
            "value=42&ttl=10&dir=false&noValueOnSuccess=true",
            FORM));
    all.add(
        new Built(
            "deleteKey",
            List.of("dir", "recursive", "prevValue", "prevIndex"),
            c ->
                c.requests()
                    .deleteKey("/k")
                    .dir(true)
                    .recursive(true)
                    .prevValue("old")
                    .prevIndex(4294967297L)
                    .timeout(5),
            "DELETE",
            "/v2/keys/k?dir=true&recursive=true&prevValue=%22old%22&prevIndex=4294967297",
            null,
            null));
    Set<String> keyEndpoints = Set.of("getKey", "putKey", "refreshKey", "postKey", "deleteKey");
    for (Built b : bare()) {
      if (keyEndpoints.contains(b.endpoint())) continue;
      // No parameter but the body and path segments: timeout is their only setter.
      all.add(
          new Built(
              b.endpoint(),
              List.of(),
              c -> timeout(b.builder(c), 5),
              b.method(),
              b.path(),
              b.body(),
              b.contentType()));
    }
    all.replaceAll(
        b ->
            switch (b.endpoint()) {
              case "putUser" ->
                  new Built(
                      "putUser",
                      List.of(),
                      c ->
                          c.requests()
                              .putUser("alice", UserRequest.create("alice", "pw", "app"))
                              .timeout(5),
                      "PUT",
                      "/v2/auth/users/alice",
                      "{\"password\":\"pw\",\"roles\":[\"app\"],\"user\":\"alice\"}",
                      JSON);
              case "putRole" ->
                  new Built(
                      "putRole",
                      List.of(),
                      c ->
                          c.requests()
                              .putRole(
                                  "app", RoleRequest.create("app", Permissions.readWrite("/app/*")))
                              .timeout(5),
                      "PUT",
                      "/v2/auth/roles/app",
                      "{\"permissions\":" + APP_KV + ",\"role\":\"app\"}",
                      JSON);
              default -> b;
            });
    return all;
  }

  /** The endpoints whose builders have no default TTL: refreshKey's TTL is its own. */
  static List<Built> bareWithoutTtl() {
    return bare().stream()
        .filter(b -> !b.endpoint().equals("putKey") && !b.endpoint().equals("postKey"))
        .collect(Collectors.toList());
  }

  @Test
  void tablesCoverEveryEndpoint() {
    TreeSet<String> endpoints = new TreeSet<>();
    for (Method method : EtcdClient.Requests.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())) endpoints.add(method.getName());
    }

    assertEquals(27, endpoints.size(), endpoints.toString());
    assertEquals(endpoints, names(bare()));
    assertEquals(endpoints, names(everySetter()));
    assertEquals(endpoints.size(), bare().size(), "an endpoint is listed twice");
    assertEquals(endpoints.size(), everySetter().size(), "an endpoint is listed twice");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everySetter")
  void tableNamesEverySetterOfTheBuilder(Built built) {
    Object builder = built.builder(etcd.client());
    TreeSet<String> setters = new TreeSet<>();
    for (Method method : builder.getClass().getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && !NOT_SETTERS.contains(method.getName())) {
        setters.add(method.getName());
      }
    }

    assertEquals(setters, new TreeSet<>(built.setters()));
    String sent = built.path() + "?" + built.body();
    for (String setter : built.setters()) {
      if (setter.equals("clearTtl")) continue; // overridden by ttl(10): see clearTtl tests
      assertTrue(sent.contains(setter + "="), setter + " is not in " + sent);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everySetter")
  void everySetterIsSent(Built built) {
    etcd.enqueueOk();
    Object builder = built.builder(etcd.client());

    EtcdCall<?> call = call(builder);
    assertFalse(call.isExecuted());
    assertEquals(built.method(), call.request().method());
    assertEquals(etcd.host() + built.path(), call.request().url().toString());
    etcd.assertRequestCount(0);
    EtcdResponse<?> response = send(builder);

    assertEquals(200, response.status());
    RequestContractTest.assertRequest(
        etcd.takeRequest(), built.method(), built.path(), built.body(), built.contentType());
    etcd.assertRequestCount(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bare")
  void unsetParametersAreNotSent(Built built) {
    etcd.enqueueOk();

    EtcdResponse<?> response = send(built.builder(etcd.client()));

    assertEquals(200, response.status());
    RequestContractTest.assertRequest(
        etcd.takeRequest(), built.method(), built.path(), built.body(), built.contentType());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bareWithoutTtl")
  void defaultTtlIsNotSentByOtherBuilders(Built built) {
    etcd.enqueueOk();

    send(built.builder(etcd.client(b -> b.ttl(30))));

    RecordedRequest request = etcd.takeRequest();
    RequestContractTest.assertRequest(
        request, built.method(), built.path(), built.body(), built.contentType());
    assertFalse(request.getPath().contains("ttl"), request.getPath());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bare")
  void callIsNamedAfterTheEndpoint(Built built) {
    String host = "http://127.0.0.1:" + MockEtcd.closedPort();
    EtcdClient client = etcd.track(EtcdClient.builder().host(host).build());

    EtcdException e = assertThrows(EtcdException.class, () -> send(built.builder(client)));

    assertEquals(built.endpoint(), e.operation());
    assertEquals(host, e.host());
    assertTrue(
        e.getMessage().startsWith("etcd " + built.endpoint() + " on " + host + " failed: "),
        e.getMessage());
  }

  @Test
  void nullValuesSendNone() {
    etcd.enqueueOk();
    etcd.enqueueOk();
    etcd.enqueueOk();

    etcd.client().requests().putKey("/k").value(null).prevValue(null).dir(true).send();
    etcd.client().requests().postKey("/q").value(null).send();
    etcd.client().requests().deleteKey("/k").prevValue(null).send();

    RequestContractTest.assertRequest(etcd.takeRequest(), "PUT", "/v2/keys/k", "dir=true");
    RequestContractTest.assertRequest(etcd.takeRequest(), "POST", "/v2/keys/q", "", FORM);
    RequestContractTest.assertRequest(etcd.takeRequest(), "DELETE", "/v2/keys/k", null);
  }

  @Test
  void keysAreNormalisedPrefixedAndEncoded() {
    EtcdClient client = etcd.client(b -> b.prefix("/app"));
    for (int i = 0; i < 4; i++) etcd.enqueueOk();

    client.requests().getKey("d//a b/../c?").send();
    client.requests().putKey("/é+").value("v").send();
    client.requests().postKey("q/").send();
    client.requests().deleteKey("/").send();

    assertEquals("GET /v2/keys/app/d/c%3F", requestLine(etcd.takeRequest()));
    assertEquals("PUT /v2/keys/app/%C3%A9%2B", requestLine(etcd.takeRequest()));
    assertEquals("POST /v2/keys/app/q", requestLine(etcd.takeRequest()));
    assertEquals("DELETE /v2/keys/app", requestLine(etcd.takeRequest()));
  }

  // The client's default TTL.

  @Test
  void putAndPostBuildersSendTheDefaultTtl() {
    EtcdClient client = etcd.client(b -> b.ttl(30));
    etcd.enqueueOk();
    etcd.enqueueOk();
    etcd.enqueueOk();

    client.requests().putKey("/k").value("v").send();
    client.requests().postKey("/q").value("v").send();
    client.requests().putKey("/d").dir(true).send();

    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/k", "value=%22v%22&ttl=30");
    RequestContractTest.assertRequest(
        etcd.takeRequest(), "POST", "/v2/keys/q", "value=%22v%22&ttl=30");
    RequestContractTest.assertRequest(etcd.takeRequest(), "PUT", "/v2/keys/d", "ttl=30&dir=true");
  }

  @Test
  void ttlOverridesTheDefault() {
    EtcdClient client = etcd.client(b -> b.ttl(30));
    etcd.enqueueOk();
    etcd.enqueueOk();

    client.requests().putKey("/k").value("v").ttl(10).send();
    client.requests().postKey("/q").value("v").ttl(10).send();

    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/k", "value=%22v%22&ttl=10");
    RequestContractTest.assertRequest(
        etcd.takeRequest(), "POST", "/v2/keys/q", "value=%22v%22&ttl=10");
  }

  @Test
  void ttlMinusOneSendsNoneDespiteTheDefault() {
    EtcdClient client = etcd.client(b -> b.ttl(30));
    etcd.enqueueOk();
    etcd.enqueueOk();

    client.requests().putKey("/k").value("v").ttl(-1).send();
    client.requests().postKey("/q").value("v").ttl(-1).send();

    RequestContractTest.assertRequest(etcd.takeRequest(), "PUT", "/v2/keys/k", "value=%22v%22");
    RequestContractTest.assertRequest(etcd.takeRequest(), "POST", "/v2/keys/q", "value=%22v%22");
  }

  @Test
  void clearTtlSendsAnEmptyTtl() {
    EtcdClient client = etcd.client(b -> b.ttl(30));
    etcd.enqueueOk();
    etcd.enqueueOk();
    etcd.enqueueOk();

    // etcd's way to drop a directory's TTL: dir=true&ttl=&prevExist=true.
    client.requests().putKey("/d").dir(true).clearTtl().prevExist(true).send();
    client.requests().putKey("/k").value("v").ttl(10).clearTtl().send();
    client.requests().postKey("/q").value("v").clearTtl().send();

    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/d", "ttl=&dir=true&prevExist=true");
    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/k", "value=%22v%22&ttl=");
    RequestContractTest.assertRequest(
        etcd.takeRequest(), "POST", "/v2/keys/q", "value=%22v%22&ttl=");
  }

  /** refreshKey's TTL is a required number of its own: the client's default never fills it in. */
  @Test
  void refreshKeyBuilderSendsItsTtlNeverTheDefault() {
    EtcdClient client = etcd.client(b -> b.ttl(30));
    etcd.enqueueOk();
    etcd.enqueueOk();

    client.requests().refreshKey("/k").refresh(true).prevExist(true).send();
    client.requests().refreshKey("/k").ttl(10).refresh(true).prevExist(true).send();

    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/k", "refresh=true&prevExist=true");
    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/k", "ttl=10&refresh=true&prevExist=true");
  }

  @Test
  void clearTtlWithoutDefaultStillSendsAnEmptyTtl() {
    etcd.enqueueOk();

    etcd.client().requests().putKey("/k").clearTtl().prevExist(true).send();

    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/k", "ttl=&prevExist=true");
  }

  // Arguments refused before sending.

  /**
   * waitIndex may be 0 (the start of etcd's kept history); prevIndex is {@code @Positive}, since
   * etcd reads {@code prevIndex=0} as no condition at all.
   */
  @Test
  void indexesBelowTheirMinimumAreRejectedNamingTheParameter() {
    EtcdClient client = etcd.client();
    assertIllegal(
        "waitIndex must be 0 or more but was -1",
        () -> client.requests().getKey("/k").waitIndex(-1));
    assertIllegal(
        "prevIndex must be 1 or more but was -1",
        () -> client.requests().putKey("/k").prevIndex(-1));
    assertIllegal(
        "prevIndex must be 1 or more but was 0", () -> client.requests().putKey("/k").prevIndex(0));
    assertIllegal(
        "prevIndex must be 1 or more but was -1",
        () -> client.requests().deleteKey("/k").prevIndex(-1));
    assertIllegal(
        "prevIndex must be 1 or more but was 0",
        () -> client.requests().deleteKey("/k").prevIndex(0));
    assertIllegal(
        "prevIndex must be 1 or more but was -9223372036854775808",
        () -> client.requests().deleteKey("/k").prevIndex(Long.MIN_VALUE));
    etcd.assertRequestCount(0);
  }

  @Test
  void smallestIndexesAreSent() {
    for (int i = 0; i < 3; i++) etcd.enqueueOk();

    etcd.client().requests().getKey("/k").wait(true).waitIndex(0).send();
    etcd.client().requests().putKey("/k").value("v").prevIndex(1).send();
    etcd.client().requests().deleteKey("/k").prevIndex(1).send();

    RequestContractTest.assertRequest(
        etcd.takeRequest(), "GET", "/v2/keys/k?wait=true&waitIndex=0", null);
    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/k", "value=%22v%22&prevIndex=1");
    RequestContractTest.assertRequest(etcd.takeRequest(), "DELETE", "/v2/keys/k?prevIndex=1", null);
  }

  @Test
  void ttlOfZeroOrBelowMinusOneIsRejectedNamingTheParameter() {
    EtcdClient client = etcd.client();
    for (long ttl : new long[] {0, -2, Long.MIN_VALUE}) {
      String message = "ttl must be -1 (no TTL) or at least 1 second but was " + ttl;
      assertIllegal(message, () -> client.requests().putKey("/k").ttl(ttl));
      assertIllegal(message, () -> client.requests().postKey("/q").ttl(ttl));
    }
    etcd.assertRequestCount(0);
  }

  /** refreshKey's TTL is {@code @Positive}: -1, no TTL for putKey and postKey, is refused too. */
  @Test
  void refreshKeyTtlBelowOneIsRejectedNamingTheParameter() {
    EtcdClient client = etcd.client(b -> b.ttl(30));
    for (long ttl : new long[] {0, -1, -2, Long.MIN_VALUE}) {
      assertIllegal(
          "ttl must be 1 or more but was " + ttl,
          () -> client.requests().refreshKey("/k").ttl(ttl));
    }
    etcd.assertRequestCount(0);
  }

  @Test
  void negativeTimeoutIsRejectedBeforeSending() {
    EtcdClient client = etcd.client();
    for (Built built : bare()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> timeout(built.builder(client), -1),
              built.endpoint());
      assertTrue(
          e.getMessage().endsWith(" must be 0 (no limit) or more seconds but was -1"),
          built.endpoint() + ": " + e.getMessage());
    }
    etcd.assertRequestCount(0);
  }

  /**
   * The builders' {@code timeout(seconds)} words its error as {@code EtcdCall.timeout(seconds)} and
   * the client builder's {@code timeout(seconds)} do: naming the setter.
   */
  @Test
  void negativeTimeoutIsRejectedNamingTheSetter() {
    EtcdClient client = etcd.client();
    List<Executable> checks = new ArrayList<>();
    for (Built built : bare()) {
      checks.add(
          () -> {
            IllegalArgumentException e =
                assertThrows(
                    IllegalArgumentException.class,
                    () -> timeout(built.builder(client), -1),
                    built.endpoint());
            assertEquals(
                "timeout must be 0 (no limit) or more seconds but was -1",
                e.getMessage(),
                built.endpoint());
          });
    }
    IllegalArgumentException call =
        assertThrows(IllegalArgumentException.class, () -> client.api().getVersion().timeout(-1));
    assertEquals("timeout must be 0 (no limit) or more seconds but was -1", call.getMessage());

    assertAll(checks);
  }

  @Test
  void valueTheSerializerCannotEncodeIsRejectedNamingTheParameter() {
    EtcdClient client = etcd.client();

    IllegalArgumentException value =
        assertThrows(
            IllegalArgumentException.class,
            () -> client.requests().putKey("/k").value(Duration.ofSeconds(1)));
    IllegalArgumentException prevValue =
        assertThrows(
            IllegalArgumentException.class,
            () -> client.requests().deleteKey("/k").prevValue(Duration.ofSeconds(1)));

    assertTrue(
        value.getMessage().startsWith("value cannot be encoded as JSON ("), value.getMessage());
    assertTrue(
        prevValue.getMessage().startsWith("prevValue cannot be encoded as JSON ("),
        prevValue.getMessage());
    etcd.assertRequestCount(0);
  }

  @Test
  void nullRequiredArgumentsAreRejectedNamingTheParameter() {
    var requests = etcd.client().requests();
    PeerUrls peers = PeerUrls.of(PEER_URL);

    assertNull("key", () -> requests.getKey(null));
    assertNull("key", () -> requests.putKey(null));
    assertNull("key", () -> requests.refreshKey(null));
    assertNull("key", () -> requests.postKey(null));
    assertNull("key", () -> requests.deleteKey(null));
    assertNull("body", () -> requests.postMember(null));
    assertNull("id", () -> requests.putMember(null, peers));
    assertNull("body", () -> requests.putMember(MEMBER_ID, null));
    assertNull("id", () -> requests.deleteMember(null));
    assertNull("user", () -> requests.getUser(null));
    assertNull("user", () -> requests.putUser(null, UserRequest.grant("a", "r")));
    assertNull("body", () -> requests.putUser("alice", null));
    assertNull("user", () -> requests.deleteUser(null));
    assertNull("role", () -> requests.getRole(null));
    assertNull(
        "role", () -> requests.putRole(null, RoleRequest.grant("r", Permissions.read("/r"))));
    assertNull("body", () -> requests.putRole("app", null));
    assertNull("role", () -> requests.deleteRole(null));
    etcd.assertRequestCount(0);
  }

  /**
   * An empty member id, user or role name would turn the path into the collection's own: {@code
   * DELETE /v2/auth/users/} is not a user. Refused before a builder exists.
   */
  @Test
  void emptyPathSegmentsAreRejectedNamingTheParameter() {
    var requests = etcd.client().requests();
    PeerUrls peers = PeerUrls.of(PEER_URL);

    assertEmpty("id", () -> requests.putMember("", peers));
    assertEmpty("id", () -> requests.putMember("", null));
    assertEmpty("id", () -> requests.deleteMember(""));
    assertEmpty("user", () -> requests.getUser(""));
    assertEmpty("user", () -> requests.putUser("", UserRequest.grant("a", "r")));
    assertEmpty("user", () -> requests.deleteUser(""));
    assertEmpty("role", () -> requests.getRole(""));
    assertEmpty("role", () -> requests.putRole("", RoleRequest.grant("r", Permissions.read("/r"))));
    assertEmpty("role", () -> requests.deleteRole(""));
    etcd.assertRequestCount(0);
  }

  // Timeouts and call().

  @Test
  void timeoutGives408() {
    EtcdClient client = etcd.client(b -> b.timeout(10));
    etcd.server().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    long start = System.nanoTime();
    EtcdResponse<?> response = client.requests().getKey("/k").timeout(1).send();

    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(elapsed >= 900 && elapsed < 2500, "took " + elapsed + " ms");
    assertTimeoutEntity(response);
  }

  @Test
  void everyBuildersTimeoutGives408WhenItsCallIsEnqueued() throws Exception {
    EtcdClient client = etcd.client(b -> b.timeout(10));
    List<Built> all = bare();
    for (int i = 0; i < all.size(); i++) {
      etcd.server().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    }
    List<CompletableFuture<Object>> outcomes = new ArrayList<>();

    long start = System.nanoTime();
    for (Built built : all) {
      CompletableFuture<Object> outcome = new CompletableFuture<>();
      call(timeout(built.builder(client), 1)).enqueue(recordTo(outcome));
      outcomes.add(outcome);
    }
    List<Object> results = new ArrayList<>();
    for (CompletableFuture<Object> outcome : outcomes) {
      results.add(outcome.get(5, TimeUnit.SECONDS));
    }

    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(elapsed >= 900 && elapsed < 4000, "took " + elapsed + " ms");
    for (int i = 0; i < all.size(); i++) {
      EtcdResponse<?> response =
          assertInstanceOf(EtcdResponse.class, results.get(i), all.get(i).endpoint());
      assertTimeoutEntity(response);
    }
    etcd.assertRequestCount(all.size());
  }

  @Test
  void timeoutZeroOutlastsTheClientTimeout() {
    EtcdClient client = etcd.client(b -> b.timeout(1));
    etcd.server()
        .enqueue(
            MockEtcd.json(200, MockEtcd.SET_BODY)
                .throttleBody(MockEtcd.SET_BODY.length() - 1, 1500, TimeUnit.MILLISECONDS));

    EtcdResponse<?> response = client.requests().getKey("/k").timeout(0).send();

    assertEquals(200, response.status());
    assertFalse(response.isTimeout());
  }

  @Test
  void callCanBeEnqueued() throws Exception {
    etcd.enqueueJson(
        200,
        "{\"members\":[{\"id\":\""
            + MEMBER_ID
            + "\",\"name\":\"n1\","
            + "\"peerURLs\":[\""
            + PEER_URL
            + "\"],\"clientURLs\":[\"http://127.0.0.1:2379\"]}]}\n");
    CompletableFuture<Object> outcome = new CompletableFuture<>();

    EtcdCall<MemberList> call = etcd.client().requests().getMembers().call();
    call.enqueue(recordTo(outcome));

    EtcdResponse<?> response =
        assertInstanceOf(EtcdResponse.class, outcome.get(2, TimeUnit.SECONDS));
    assertEquals(200, response.status());
    MemberList members = (MemberList) response.body();
    assertEquals(List.of("n1"), members.members().stream().map(m -> m.name()).toList());
    assertTrue(call.isExecuted());
    assertEquals("GET /v2/members", requestLine(etcd.takeRequest()));
  }

  @Test
  void callOfATextEndpointCanBeEnqueued() throws Exception {
    etcd.server()
        .enqueue(
            new MockResponse()
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setBody("{\"health\":\"true\"}"));
    CompletableFuture<Object> outcome = new CompletableFuture<>();

    etcd.client().requests().getHealth().timeout(2).call().enqueue(recordTo(outcome));

    EtcdResponse<?> response =
        assertInstanceOf(EtcdResponse.class, outcome.get(3, TimeUnit.SECONDS));
    assertTrue(((Health) response.body()).isHealthy());
    assertEquals("{\"health\":\"true\"}", response.text());
  }

  @Test
  void eachCallIsNewAndUnsent() {
    etcd.enqueueOk();
    etcd.enqueueOk();
    Object builder = etcd.client().requests().putKey("/k").value("v");

    EtcdCall<?> first = call(builder);
    EtcdCall<?> second = call(builder);
    etcd.assertRequestCount(0);
    first.execute();
    second.execute();

    assertTrue(first != second, "call() returns a new call each time");
    etcd.assertRequestCount(2);
  }

  /**
   * The builder of an endpoint without optional parameters holds its call from the start; each
   * {@code call()} is still a fresh copy, so the builder can be sent again after a send.
   */
  @Test
  void plainRequestSendsAFreshCallEachTime() {
    etcd.enqueueOk();
    etcd.enqueueOk();
    PlainRequest<?> builder = etcd.client().requests().putMember(MEMBER_ID, PeerUrls.of(PEER_URL));

    EtcdCall<?> first = builder.call();
    etcd.assertRequestCount(0);
    assertEquals(200, first.execute().status());
    assertEquals(200, builder.timeout(3).send().status());

    assertTrue(first.isExecuted());
    assertFalse(builder.call().isExecuted(), "call() copies the endpoint's call");
    for (int i = 0; i < 2; i++) {
      RequestContractTest.assertRequest(
          etcd.takeRequest(), "PUT", "/v2/members/" + MEMBER_ID, PEER_JSON, JSON);
    }
    etcd.assertRequestCount(2);
  }

  // Helpers: the builders share no interface, so their common methods are called by name.

  static Object timeout(Object builder, long seconds) {
    return invoke(builder, "timeout", new Class<?>[] {long.class}, seconds);
  }

  static EtcdCall<?> call(Object builder) {
    return (EtcdCall<?>) invoke(builder, "call", new Class<?>[0]);
  }

  static EtcdResponse<?> send(Object builder) {
    return (EtcdResponse<?>) invoke(builder, "send", new Class<?>[0]);
  }

  @SuppressWarnings("RethrowReflectiveOperationExceptionAsLinkageError") // a test failure
  private static Object invoke(Object target, String name, Class<?>[] types, Object... args) {
    try {
      return target.getClass().getMethod(name, types).invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Built bare(
      String endpoint, Function<EtcdClient, Object> configure, String method, String path) {
    return new Built(endpoint, List.of(), configure, method, path, null, null);
  }

  private static SortedSet<String> names(List<Built> table) {
    return table.stream().map(Built::endpoint).collect(Collectors.toCollection(TreeSet::new));
  }

  private static void assertIllegal(String message, Executable executable) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertEquals(message, e.getMessage());
  }

  static void assertEmpty(String argument, Executable executable) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertEquals(
        argument + " must not be empty: the request would then name the whole" + " collection",
        e.getMessage());
  }

  private static void assertNull(String argument, Executable executable) {
    NullPointerException e = assertThrows(NullPointerException.class, executable);
    assertEquals(argument + " == null", e.getMessage());
  }

  private static void assertTimeoutEntity(EtcdResponse<?> response) {
    assertEquals(408, response.status());
    assertTrue(response.isTimeout());
    assertEquals(0, response.headers().size());
    assertEquals(null, response.body());
  }

  private static String requestLine(RecordedRequest request) {
    return request.getMethod() + " " + request.getPath();
  }

  private static <T> EtcdCallback<T> recordTo(CompletableFuture<Object> outcome) {
    return new EtcdCallback<T>() {
      @Override
      public void onResponse(EtcdCall<T> call, EtcdResponse<T> response) {
        outcome.complete(response);
      }

      @Override
      public void onFailure(EtcdCall<T> call, EtcdException failure) {
        outcome.complete(failure);
      }
    };
  }
}
