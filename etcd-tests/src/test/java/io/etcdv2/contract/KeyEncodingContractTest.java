package io.etcdv2.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.etcdv2.EtcdClient;
import io.etcdv2.contract.Overloads.Overload;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Key normalisation, the prefix, percent-encoding, and keys refused before sending. */
final class KeyEncodingContractTest {
  @RegisterExtension final MockEtcd etcd = new MockEtcd();

  static List<Overload> keyedOverloads() {
    return Overloads.keyed();
  }

  static List<Overload> rootlessOverloads() {
    return Overloads.rootless();
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a//b/./c/../d    | /v2/keys/a/b/d",
        "a                | /v2/keys/a",
        "/a/              | /v2/keys/a",
        "a/b/             | /v2/keys/a/b",
        "./a              | /v2/keys/a",
        "//a//b//         | /v2/keys/a/b",
        "/../a            | /v2/keys/a",
        "/a/../../../b    | /v2/keys/b",
        "/a/b/..          | /v2/keys/a",
        "/a/.../b         | /v2/keys/a/.../b",
        "/.a/b.           | /v2/keys/.a/b.",
        "/a/b/c           | /v2/keys/a/b/c",
        "/a/..b/c..       | /v2/keys/a/..b/c..",
        "/ab/.            | /v2/keys/ab",
        "/ab/c/..         | /v2/keys/ab",
      })
  void keysAreNormalised(String key, String path) {
    etcd.enqueueOk();
    etcd.enqueueOk();

    etcd.client().get(key);
    etcd.client().set(key, 1);

    assertEquals("GET " + path, requestLine(etcd.takeRequest()));
    assertEquals("PUT " + path, requestLine(etcd.takeRequest()));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiterString = "=>",
      value = {
        "/a b        => /v2/keys/a%20b",
        "/a?b        => /v2/keys/a%3Fb",
        "/a#b        => /v2/keys/a%23b",
        "/100%       => /v2/keys/100%25",
        "/%2F        => /v2/keys/%252F",
        "/a+b        => /v2/keys/a%2Bb",
        "/a&b=c;d    => /v2/keys/a%26b%3Dc%3Bd",
        "/é/日本      => /v2/keys/%C3%A9/%E6%97%A5%E6%9C%AC",
        "/a~b-c_d.e  => /v2/keys/a~b-c_d.e",
        "/q\"<>{}|\\^` => /v2/keys/q%22%3C%3E%7B%7D%7C%5C%5E%60",
        "/it's (1)*! => /v2/keys/it%27s%20%281%29%2A%21",
        "/x:y@z$,    => /v2/keys/x%3Ay%40z%24%2C",
      })
  void keySegmentsArePercentEncoded(String key, String path) {
    etcd.enqueueOk();
    etcd.enqueueOk();

    etcd.client().get(key);
    etcd.client().setnx(key, 1);

    RecordedRequest get = etcd.takeRequest();
    assertEquals("GET " + path, requestLine(get));
    assertEquals("PUT " + path, requestLine(etcd.takeRequest()));
    // What etcd sees after percent-decoding the path: the key itself.
    assertEquals(
        key,
        "/"
            + String.join(
                "/",
                get.getRequestUrl().pathSegments().subList(2, get.getRequestUrl().pathSize())));
  }

  @Test
  void prefixPutsKeysUnderIt() {
    EtcdClient client = etcd.client(b -> b.prefix("/app"));
    for (int i = 0; i < 4; i++) etcd.enqueueOk();

    client.set("/a", "v");
    client.get("a/b");
    client.get("/");
    client.delete("/../x");

    assertEquals("PUT /v2/keys/app/a", requestLine(etcd.takeRequest()));
    assertEquals("GET /v2/keys/app/a/b", requestLine(etcd.takeRequest()));
    assertEquals("GET /v2/keys/app", requestLine(etcd.takeRequest()));
    assertEquals("DELETE /v2/keys/app/x", requestLine(etcd.takeRequest()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/app", "app", "app/", "//app/./", "/x/../app"})
  void prefixIsNormalised(String prefix) {
    EtcdClient client = etcd.client(b -> b.prefix(prefix));
    etcd.enqueueOk();

    client.wait("/a", 3);

    assertEquals("GET /v2/keys/app/a?wait=true&waitIndex=3", requestLine(etcd.takeRequest()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/.."})
  void emptyPrefixIsNoPrefix(String prefix) {
    EtcdClient client = etcd.client(b -> b.prefix(prefix));
    etcd.enqueueOk();

    client.push("/q", "v");

    assertEquals("POST /v2/keys/q", requestLine(etcd.takeRequest()));
  }

  @Test
  void prefixIsPercentEncoded() {
    EtcdClient client = etcd.client(b -> b.prefix("/my app/é"));
    etcd.enqueueOk();

    client.mkdir("/d");

    assertEquals("PUT /v2/keys/my%20app/%C3%A9/d", requestLine(etcd.takeRequest()));
  }

  @Test
  void prefixDoesNotApplyToVersionOrStats() {
    EtcdClient client = etcd.client(b -> b.prefix("/app"));
    for (int i = 0; i < 4; i++) etcd.enqueueOk();

    client.version();
    client.statsLeader();
    client.statsSelf();
    client.statsStore();

    assertEquals("GET /version", requestLine(etcd.takeRequest()));
    assertEquals("GET /v2/stats/leader", requestLine(etcd.takeRequest()));
    assertEquals("GET /v2/stats/self", requestLine(etcd.takeRequest()));
    assertEquals("GET /v2/stats/store", requestLine(etcd.takeRequest()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyedOverloads")
  void nullKeyIsRejectedBeforeSending(Overload overload) {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> overload.call(etcd.client(), null));

    assertEquals("key == null", e.getMessage());
    etcd.assertRequestCount(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rootlessOverloads")
  void writesToTheRootAreRejectedBeforeSending(Overload overload) {
    for (String key : new String[] {"/", "", "/..", "/./", "a/..", "//"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> overload.call(etcd.client(), key));
      assertEquals(
          "key must name a key below the root but \""
              + key
              + "\" normalises to \"/\", which etcd keeps read-only",
          e.getMessage());
    }
    etcd.assertRequestCount(0);
  }

  @Test
  void writesToThePrefixRootAreRejectedToo() {
    EtcdClient client = etcd.client(b -> b.prefix("/app"));

    assertThrows(IllegalArgumentException.class, () -> client.set("/", "v"));
    assertThrows(IllegalArgumentException.class, () -> client.mkdir(".."));

    etcd.assertRequestCount(0);
  }

  @Test
  void readsOfTheRootAreAllowed() {
    for (int i = 0; i < 4; i++) etcd.enqueueOk();

    etcd.client().get("/");
    etcd.client().get("");
    etcd.client().readdir("/..", true);
    etcd.client().waitdir("/", 2);

    assertEquals("GET /v2/keys/", requestLine(etcd.takeRequest()));
    assertEquals("GET /v2/keys/", requestLine(etcd.takeRequest()));
    assertEquals("GET /v2/keys/?recursive=true", requestLine(etcd.takeRequest()));
    assertEquals(
        "GET /v2/keys/?recursive=true&wait=true&waitIndex=2", requestLine(etcd.takeRequest()));
  }

  private static String requestLine(RecordedRequest request) {
    return request.getMethod() + " " + request.getPath();
  }
}
