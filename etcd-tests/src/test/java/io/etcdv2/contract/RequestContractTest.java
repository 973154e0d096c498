package io.etcdv2.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.contract.Overloads.Overload;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
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
        overloads().stream().map(Overload::signature).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Overloads.clientSignatures(), tested);
    assertEquals(tested.size(), overloads().size(), "a signature is listed twice");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overloads")
  void sendsExactlyOneRequest(Overload overload) {
    etcd.enqueueOk();

    EtcdResponse<?> response = overload.call(etcd.client(), "/k");

    assertEquals(200, response.status());
    RecordedRequest request = etcd.takeRequest();
    assertRequest(request, overload.method(), overload.path(), overload.body());
    etcd.assertRequestCount(1);
  }

  @Test
  void rawApiSendsItsParametersAsGiven() {
    etcd.enqueueOk();

    EtcdResponse<KeysResult> response = etcd.client().api()
        .putKey("/raw", "x", null, null, null, null, null, null, null)
        .execute();

    assertEquals(200, response.status());
    assertEquals("/a", response.body().node().key());
    assertRequest(etcd.takeRequest(), "PUT", "/v2/keys/raw", "value=x");
  }

  @Test
  void rawApiSendsEveryPutParameterInEndpointOrder() {
    etcd.enqueueOk();

    etcd.client().api()
        .putKey("/k", "v", "", false, true, 3L, "old", true, true)
        .execute();

    assertRequest(etcd.takeRequest(), "PUT", "/v2/keys/k",
        "value=v&ttl=&dir=false&prevExist=true&prevIndex=3&prevValue=old&refresh=true"
            + "&noValueOnSuccess=true");
  }

  @Test
  void rawApiSendsEveryGetParameterInEndpointOrder() {
    etcd.enqueueOk();

    etcd.client().api().getKey("/d", true, true, true, true, 9L).execute();

    assertRequest(etcd.takeRequest(), "GET",
        "/v2/keys/d?recursive=true&sorted=true&quorum=true&wait=true&waitIndex=9", null);
  }

  @Test
  void rawApiPostAndDelete() {
    etcd.enqueueOk();
    etcd.enqueueOk();

    etcd.client().api().postKey("/q", "job", "5").execute();
    etcd.client().api().deleteKey("/d", true, true, "p", 4L).execute();

    assertRequest(etcd.takeRequest(), "POST", "/v2/keys/q", "value=job&ttl=5");
    assertRequest(etcd.takeRequest(), "DELETE",
        "/v2/keys/d?dir=true&recursive=true&prevValue=p&prevIndex=4", null);
  }

  @Test
  void redirectIsReturnedNotFollowed() {
    String location = etcd.host() + "/v2/keys/a/b";
    etcd.server().enqueue(new MockResponse()
        .setResponseCode(301)
        .setHeader("Location", location)
        .setHeader("Content-Type", "text/html; charset=utf-8")
        .setBody("<a href=\"/v2/keys/a/b\">Moved Permanently</a>.\n"));
    etcd.enqueueOk(); // what a followed redirect would get

    EtcdResponse<KeysResult> response = etcd.client().api()
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
    etcd.server().enqueue(new MockResponse()
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

  /**
   * Asserts method, exact path and query, and body: a write sends its form as etcd requires it,
   * {@code application/x-www-form-urlencoded}; a read or delete sends no body at all.
   */
  static void assertRequest(RecordedRequest request, String method, String path, String body) {
    assertEquals(method + " " + path, request.getMethod() + " " + request.getPath());
    if (body == null) {
      assertEquals(0, request.getBodySize(), "body size");
      assertNull(request.getHeader("Content-Type"), "Content-Type");
      assertNull(request.getHeader("Content-Length"), "Content-Length");
    } else {
      assertEquals(body, request.getBody().readUtf8());
      assertEquals(Overloads.FORM, request.getHeader("Content-Type"));
      assertEquals(String.valueOf(body.length()), request.getHeader("Content-Length"));
    }
  }
}
