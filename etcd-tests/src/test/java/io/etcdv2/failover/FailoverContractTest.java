package io.etcdv2.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The failover rule, failure by method: what never reached a member moves on whatever the method;
 * after a request may have reached a member, only reads move on, and a change is never sent again.
 */
final class FailoverContractTest {
  @RegisterExtension final Members members = new Members();

  /** One operation per HTTP method, through the conveniences. */
  @SuppressWarnings("ImmutableEnumChecker") // the lambdas hold no state
  enum Operation {
    GET("GET", (etcd, key) -> etcd.get(key)),
    PUT("PUT", (etcd, key) -> etcd.set(key, "v")),
    POST("POST", (etcd, key) -> etcd.push(key, "v")),
    DELETE("DELETE", (etcd, key) -> etcd.delete(key));

    final String method;
    final BiFunction<EtcdClient, String, EtcdResponse<KeysResult>> call;

    Operation(String method, BiFunction<EtcdClient, String, EtcdResponse<KeysResult>> call) {
      this.method = method;
      this.call = call;
    }

    boolean isRead() {
      return method.equals("GET");
    }

    String convenience() {
      return switch (this) {
        case GET -> "get";
        case PUT -> "set";
        case POST -> "push";
        case DELETE -> "delete";
      };
    }
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void refusedConnectionMovesOnWhateverTheMethod(Operation operation) throws Exception {
    String dead = members.shutDown(0);
    members.enqueueOk(1);
    EtcdClient etcd = members.client(b -> b);

    EtcdResponse<KeysResult> response = operation.call.apply(etcd, "/k");

    assertEquals(200, response.status());
    RecordedRequest request = members.server(1).takeRequest(1, TimeUnit.SECONDS);
    assertEquals(operation.method, request.getMethod());
    assertEquals("/v2/keys/k", request.getRequestUrl().encodedPath());
    assertEquals(
        List.of(members.url(1), members.url(2), dead),
        etcd.endpoints(),
        "the member that answered is pinned; the list keeps its cyclic order");
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void connectionClosedAfterTheRequestMovesOnOnlyForReads(Operation operation) {
    members
        .server(0)
        .enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    members.enqueueOk(1);
    EtcdClient etcd = members.client(b -> b);

    if (operation.isRead()) {
      assertEquals(200, operation.call.apply(etcd, "/k").status());
      assertEquals(1, members.server(1).getRequestCount());
      return;
    }
    EtcdException e = assertThrows(EtcdException.class, () -> operation.call.apply(etcd, "/k"));
    assertTrue(e.outcomeUnknown(), "a change that reached a member may have been applied");
    assertEquals(operation.convenience(), e.operation());
    assertEquals(members.url(0), e.host());
    assertTrue(
        e.getMessage()
            .startsWith("etcd " + operation.convenience() + " on " + members.url(0) + " failed: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("may or may not have been applied"), e.getMessage());
    assertTrue(e.getMessage().contains("re-read before you retry"), e.getMessage());
    assertEquals(1, members.server(0).getRequestCount());
    assertEquals(0, members.server(1).getRequestCount(), "a change is never sent twice");
    assertEquals(0, members.server(2).getRequestCount(), "a change is never sent twice");
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void memberThatDoesNotAnswerIsLeftAfterTheAttemptTimeoutOnlyForReads(Operation operation) {
    members.server(0).enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    members.enqueueOk(1);
    EtcdClient etcd = members.client(b -> b.timeout(3).attemptTimeout(1));

    EtcdResponse<KeysResult> response = operation.call.apply(etcd, "/k");

    if (operation.isRead()) {
      assertEquals(200, response.status());
      assertEquals(1, members.server(1).getRequestCount());
    } else {
      assertTrue(response.isTimeout(), "a change that ran out of time is the 408 entity");
      assertEquals(0, members.server(1).getRequestCount(), "a change is never sent twice");
    }
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void serverErrorMovesOnOnlyForReads(Operation operation) {
    members.server(0).enqueue(Members.requestTimedOut());
    members.enqueueOk(1);
    EtcdClient etcd = members.client(b -> b);

    EtcdResponse<KeysResult> response = operation.call.apply(etcd, "/k");

    if (operation.isRead()) {
      assertEquals(200, response.status());
    } else {
      assertEquals(500, response.status(), "a change answered with a 5xx gets that answer");
      assertEquals(300, response.error().errorCode());
      assertEquals("etcdserver: request timed out", response.error().cause());
      assertEquals(0, members.server(1).getRequestCount(), "a change is never sent twice");
    }
  }

  @Test
  void everyMemberRefusedListsEachWithItsFailure() {
    String a = members.shutDown(0);
    String b = members.shutDown(1);
    String c = members.shutDown(2);
    EtcdClient etcd = members.client(o -> o);

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.set("/k", "v"));

    assertFalse(e.outcomeUnknown(), "refused everywhere: certainly not applied");
    assertEquals("set", e.operation());
    assertEquals(a + ", " + b + ", " + c, e.host());
    assertEquals(
        "etcd set on "
            + a
            + ", "
            + b
            + ", "
            + c
            + " failed: no member answered: "
            + a
            + " (connection refused), "
            + b
            + " (connection refused), "
            + c
            + " (connection refused)",
        e.getMessage());
    assertInstanceOf(ConnectException.class, e.getCause());
  }

  @Test
  void readAnsweredWithServerErrorsEverywhereGetsTheLastAnswer() {
    for (int i = 0; i < 3; i++) members.server(i).enqueue(Members.requestTimedOut());
    EtcdClient etcd = members.client(b -> b);

    EtcdResponse<KeysResult> response = etcd.get("/k");

    assertEquals(500, response.status());
    assertEquals(300, response.error().errorCode());
    for (int i = 0; i < 3; i++) assertEquals(1, members.server(i).getRequestCount());
  }

  @Test
  void eachMemberIsTriedAtMostOncePerCall() {
    for (int i = 0; i < 3; i++) {
      members
          .server(i)
          .enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    }
    EtcdClient etcd = members.client(b -> b);

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.get("/k"));

    assertFalse(e.outcomeUnknown(), "a read changes nothing");
    for (int i = 0; i < 3; i++) {
      assertEquals(1, members.server(i).getRequestCount(), "member " + i);
      assertTrue(
          e.getMessage()
              .contains(members.url(i) + " (connection failed after the request was sent"),
          e.getMessage());
    }
  }

  @Test
  void pinnedMemberServesLaterCallsWithoutRetryingTheFailedOne() throws Exception {
    members
        .server(0)
        .enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    members.enqueueOk(1);
    members.enqueueOk(1);
    EtcdClient etcd = members.client(b -> b);

    etcd.get("/first");
    etcd.set("/second", "v");

    assertEquals(1, members.server(0).getRequestCount());
    assertEquals(2, members.server(1).getRequestCount());
    assertEquals("GET", members.server(1).takeRequest(1, TimeUnit.SECONDS).getMethod());
    assertEquals("PUT", members.server(1).takeRequest(1, TimeUnit.SECONDS).getMethod());
    assertEquals(members.url(1), etcd.endpoints().get(0));
  }

  /**
   * Two members slower than the attempt limit (as in an election) and the last one down: the read
   * goes back to the first slow member with the rest of the call's budget, instead of failing
   * because the member that had the whole budget was the dead one.
   */
  @Test
  void readGoesBackToASlowMemberWhenTheLastIsDown() {
    for (int i = 0; i < 2; i++) {
      members.server(i).enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    }
    members.enqueueOk(0);
    String dead = members.shutDown(2);
    EtcdClient etcd = members.client(b -> b.timeout(5).attemptTimeout(1));

    EtcdResponse<KeysResult> response = etcd.get("/k");

    assertEquals(200, response.status());
    assertEquals(2, members.server(0).getRequestCount(), "the first slow member, twice");
    assertEquals(1, members.server(1).getRequestCount());
    assertEquals(members.url(0), etcd.endpoints().get(0));
    assertTrue(etcd.endpoints().contains(dead));
  }

  @Test
  void callTimeoutCoversAllAttemptsTogether() {
    for (int i = 0; i < 3; i++) {
      members.server(i).enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    }
    EtcdClient etcd = members.client(b -> b.timeout(2).attemptTimeout(1));

    long start = System.nanoTime();
    EtcdResponse<KeysResult> response = etcd.get("/k");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertTrue(response.isTimeout(), "the call ran out of its own time: the 408 entity");
    // A bound, not a speed: three members that never answer cannot stretch a 2 s call to 3 s.
    assertTrue(millis < 2_900, "took " + millis + " ms");
    assertEquals(1, members.server(0).getRequestCount());
    assertEquals(1, members.server(1).getRequestCount());
  }

  @Test
  void waitWhoseOwnTimeoutRanOutIsAnAnswerNotAFailure() {
    // etcd sends a watch's headers at once and its event when it happens.
    members
        .server(0)
        .enqueue(Members.json(200, Members.SET_BODY).setBodyDelay(3, TimeUnit.SECONDS));
    EtcdClient etcd = members.client(b -> b.attemptTimeout(1));

    EtcdResponse<KeysResult> response = etcd.wait("/k", 0, 2);

    assertTrue(response.isTimeout());
    assertEquals(0, members.server(1).getRequestCount(), "a quiet wait does not move on");
  }

  @Test
  void longPollsAttemptLimitEndsWithItsHeaders() {
    members
        .server(0)
        .enqueue(Members.json(200, Members.SET_BODY).setBodyDelay(1_500, TimeUnit.MILLISECONDS));
    EtcdClient etcd = members.client(b -> b.attemptTimeout(1));

    EtcdResponse<KeysResult> response = etcd.wait("/k", 0, 5);

    assertEquals(200, response.status(), "the event after 1.5 s still counts");
    assertEquals(0, members.server(1).getRequestCount());
  }

  @Test
  void longPollWhoseMemberSendsNoHeadersMovesOn() {
    members.server(0).enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    members.enqueueOk(1);
    EtcdClient etcd = members.client(b -> b.attemptTimeout(1));

    EtcdResponse<KeysResult> response = etcd.wait("/k", 0, 5);

    assertEquals(200, response.status());
    assertEquals(1, members.server(1).getRequestCount());
  }

  @Test
  void asynchronousCallsMoveOnToo() throws Exception {
    members.shutDown(0);
    members.enqueueOk(1);
    EtcdClient etcd = members.client(b -> b);

    EtcdResponse<KeysResult> response =
        etcd.async().set("/k", "v").future().get(5, TimeUnit.SECONDS);

    assertEquals(200, response.status());
    assertEquals(members.url(1), etcd.endpoints().get(0));
  }

  @Test
  void singleHostStillNamesItsOwnFailure() {
    String dead = members.shutDown(0);
    EtcdClient etcd = members.track(EtcdClient.builder().host(dead).build());

    EtcdException e = assertThrows(EtcdException.class, () -> etcd.get("/k"));

    assertEquals(dead, e.host());
    assertInstanceOf(ConnectException.class, e.getCause());
    assertEquals(List.of(dead), etcd.endpoints());
  }
}
