package io.etcdv2.testing;

import static io.etcdv2.testing.Differential.Step.await;
import static io.etcdv2.testing.Differential.Step.of;
import static io.etcdv2.testing.Differential.Step.repeat;
import static io.etcdv2.testing.Differential.Step.sleep;
import static io.etcdv2.testing.Differential.Step.start;
import static io.etcdv2.testing.Op.body;
import static io.etcdv2.testing.Op.form;
import static io.etcdv2.testing.Op.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.etcdv2.testing.Differential.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fixed list of requests covering every endpoint and every error the fake answers, sent to a
 * fresh real etcd and a fresh fake: their answers must be the same (indexes as deltas, expiry times
 * and ids only present, unsorted listings sorted).
 */
@SuppressWarnings("BadImport") // of(op), like the other steps, reads as the scenario's language
class DifferentialFixedTest {
  @RegisterExtension static EtcdExtension etcd = EtcdExtension.singleNode();
  private static FakeEtcd fakeEtcd;
  private static Differential diff;

  @BeforeAll
  static void startBoth() {
    fakeEtcd = FakeEtcd.start();
    diff =
        new Differential(
            new Side("etcd", etcd.endpoints().get(0)), new Side("fake", fakeEtcd.url()));
    diff.resetBases();
    assertEquals(diff.real.base, diff.fake.base, "a fresh fake starts at a fresh etcd's index");
  }

  @AfterAll
  static void stopBoth() {
    diff.close();
    fakeEtcd.close();
  }

  private static final String K = "/v2/keys";

  private static Step put(String key, String form) {
    return of(form("PUT", K + key, form));
  }

  private static Step post(String key, String form) {
    return of(form("POST", K + key, form));
  }

  private static Step delete(String keyAndQuery) {
    return of(Op.of("DELETE", K + keyAndQuery));
  }

  private static Step read(String keyAndQuery) {
    return of(get(K + keyAndQuery));
  }

  private static void assertSame(List<Step> steps) {
    List<String> differences = diff.run(steps);
    assertEquals(
        List.of(),
        differences,
        differences.size() + " differences:\n" + String.join("\n", differences));
  }

  @Test
  void keysAndErrors() {
    assertSame(
        Arrays.asList(
            read("/"),
            put("/a", "value=1"),
            put("/a", "value=2"),
            read("/a"),
            of(Op.of("HEAD", K + "/a")),
            put("/a/b", "value=x"),
            put("/a/b", "value=x&prevExist=false"),
            post("/a", "value=x"),
            put("/a/b", "value=x&prevExist=true"),
            read("/a/b"),
            read("/missing/deeper/x"),
            put("/d", "dir=true&ttl=100"),
            put("/d", "prevExist=true&dir=true&ttl=200"),
            read("/d"),
            put("/d", "prevExist=true&value=q"),
            put("/d", "dir=true"),
            put("/d", "value=x"),
            put("/d", "dir=true&ttl=&prevExist=true"),
            read("/d"),
            // parameters etcd rejects, in the order it checks them
            of(get(K + "/x?prevIndex=")),
            of(get(K + "/x?prevIndex=-1")),
            of(get(K + "/x?waitIndex=x")),
            of(get(K + "/x?recursive=maybe")),
            of(get(K + "/x?sorted=2")),
            of(get(K + "/x?quorum=yes")),
            of(get(K + "/x?ttl=abc")),
            put("/x", "ttl=-1"),
            put("/x", "ttl=1.5"),
            put("/x", "dir=2"),
            put("/x?wait=true", "value=1"),
            put("/x", "value=1&wait=yes"),
            put("/x", "value=1&prevValue="),
            put("/x", "value=1&prevExist=maybe"),
            put("/x", "value=1&refresh=maybe"),
            put("/x", "value=zz&refresh=true&ttl=5"),
            put("/x", "refresh=true"),
            put("/x", "value=1&noValueOnSuccess=maybe"),
            put("/x", "value=1&prevIndex=1&waitIndex=q"),
            // TTLs and refresh
            put("/x?ttl=", "value=zz"),
            put("/x", "value=zz&ttl=50"),
            read("/x"),
            put("/x", "value=zz"),
            read("/x"),
            put("/x", "refresh=true&ttl=5"),
            put("/x", "refresh=true&ttl=5&prevExist=true"),
            put("/x", "refresh=true&ttl=5&prevValue=zz"),
            put("/nope", "refresh=true&ttl=5"),
            put("/nope", "refresh=true&ttl=5&prevExist=true"),
            put("/x", "refresh=false&value=r"),
            // compare-and-swap
            put("/c/k", "value=one"),
            put("/c/k", "value=two&prevValue=wrong"),
            put("/c/k", "value=two&prevIndex=1"),
            put("/c/k", "value=two&prevIndex=1&prevValue=wrong"),
            put("/c/k", "value=two&prevValue=one&ttl=50"),
            put("/c/k", "value=three&prevIndex=99999999"),
            put("/c", "value=two&prevValue=one"),
            put("/c/none", "value=two&prevValue=one"),
            put("/c/k", "value=three&prevExist=false&prevValue=zzz"),
            put("/c/k", "value=three&prevExist=true&prevValue=two"),
            put("/c/k", "value=four&prevExist=true"),
            put("/", "value=1&prevValue=x"),
            // compare-and-delete and delete
            delete("/c/k?prevValue=nope"),
            delete("/c?prevValue=nope"),
            delete("/?prevValue=nope"),
            delete("/c/k?prevIndex=1&prevValue=nope"),
            delete("/c/k?prevIndex=1"),
            delete("/c/none?prevIndex=1"),
            delete("/c/k?prevValue=four"),
            delete("/c"),
            delete("/c?dir=true"),
            put("/c/_hid", "value=h"),
            delete("/c?dir=true"),
            read("/c"),
            read("/c/_hid"),
            delete("/c?recursive=true"),
            delete("/"),
            delete("/?recursive=true"),
            put("/", "value=1"),
            of(form("PUT", K, "value=1&prevExist=true")),
            of(form("PUT", K, "value=1&prevExist=false")),
            delete("/nope"),
            delete("/nope/deeper"),
            put("/file", "value=1"),
            delete("/file?dir=true"),
            delete("/file/deeper"),
            read("/file/deeper/x"),
            // directories, in-order keys, listings
            of(form("POST", K, "value=rootq")),
            post("/q", "value=j&ttl=100"),
            post("/q", "dir=true"),
            post("/q", ""),
            put("/s/b", "value=2"),
            put("/s/a", "value=1"),
            put("/s/c/d", "value=3"),
            put("/s/_h", "value=h"),
            read("/s?sorted=true"),
            read("/s?recursive=true&sorted=true"),
            read("/s?recursive=true"),
            read("/s"),
            read("/?sorted=true"),
            read("/?recursive=true&sorted=true"),
            read("/s/c?quorum=true"),
            put("/nd", "dir=true&value=ignored"),
            put("/nd2", "dir=true&prevExist=true"),
            put("/nd3", "dir=true&prevExist=false&ttl=30"),
            put("/nd3", "dir=true&prevExist=false"),
            put("/nd3", "dir=true&refresh=true&ttl=60&prevExist=true"),
            put("/nd3/x", "value=1"),
            put("/nd3", "ttl=60&prevExist=true&prevValue=x"),
            put("/nd3", "ttl=60&prevExist=true&value=x"),
            put("/s/b", "dir=true"),
            delete("/nd3?recursive=true"),
            read("/nd3"),
            // noValueOnSuccess
            put("/w3", "value=1&noValueOnSuccess=true"),
            put("/w3", "value=2&prevValue=1&noValueOnSuccess=true"),
            put("/w3", "value=3&prevExist=true&noValueOnSuccess=true"),
            post("/w3q", "value=1&noValueOnSuccess=true"),
            read("/w3?noValueOnSuccess=true"),
            delete("/w3?noValueOnSuccess=true"),
            put("/w3", "value=1&prevExist=true&noValueOnSuccess=true")));
  }

  @Test
  void formsPathsAndHttp() {
    StringBuilder huge = new StringBuilder("value=");
    while (huge.length() <= 10 << 20) huge.append("0123456789abcdef");
    assertSame(
        Arrays.asList(
            of(body("PUT", K + "/f/json", "value=1", "application/json")),
            read("/f/json"),
            of(body("PUT", K + "/f/none", "value=1", null)),
            read("/f/none"),
            of(
                body(
                    "PUT",
                    K + "/f/charset",
                    "value=1",
                    "application/x-www-form-urlencoded; charset=utf-8")),
            of(body("PUT", K + "/f/upper", "value=1", "Application/X-WWW-Form-Urlencoded")),
            of(form("PUT", K + "/f/q?value=fromquery", "other=1")),
            of(form("PUT", K + "/f/q?value=fromquery", "value=frombody")),
            of(form("PUT", K + "/f/plus", "value=a+b%2Bc")),
            of(form("PUT", K + "/f/multi", "value=first&value=second")),
            of(form("PUT", K + "/f/bad", "value=a%zzb")),
            of(form("PUT", K + "/f/bad2", "value=ab%4")),
            of(form("PUT", K + "/f/semi", "value=a;b")),
            of(form("PUT", K + "/f/empty", "")),
            of(form("PUT", K + "/f/novalue", "value")),
            of(form("PUT", K + "/f/huge", huge.toString())),
            of(get(K + "/f?x=%zz")),
            of(get(K + "/f?x=1;y=2")),
            of(get(K + "/f?sorted=true&sorted=false")),
            of(form("PUT", K + "/f/html", "value=%3Ca%3E%26%22%27%E2%80%A8%01")),
            read("/f/html"),
            of(form("PUT", K + "/f/a%20b", "value=space")),
            of(form("PUT", K + "/f/a+b", "value=plus")),
            of(form("PUT", K + "/f/%C3%A9t%C3%A9", "value=utf8")),
            of(form("PUT", K + "/f/x%2Fy", "value=slash")),
            of(form("PUT", K + "/f/pct%25", "value=pct")),
            read("/f?sorted=true&recursive=true"),
            of(form("PUT", K + "/f//y", "value=1")),
            of(get(K + "/f//y?x=1")),
            of(get(K + "/f/../y")),
            of(get(K + "/f/./y")),
            of(get(K + "/%2E%2E/y")),
            of(get(K + "/f/x%2F%2Fy")),
            of(get(K + "/f/a%20b//c")),
            of(Op.of("DELETE", K + "/f//y")),
            of(get(K + "/f%zz")),
            of(get(K + "/f/")),
            of(get(K + "/f/x/")),
            of(Op.of("PATCH", K + "/f")),
            of(Op.of("OPTIONS", K + "/f")),
            of(get("/v2/nothing")),
            of(get("/v2/keysx")),
            of(get("/v2/stats/store/x")),
            of(get("/version")),
            of(Op.of("DELETE", "/version")),
            of(get("/health")),
            of(get("/v2/members")),
            of(get("/v2/members/leader")),
            of(get("/v2/machines")),
            of(get("/v2/stats/self")),
            of(get("/v2/stats/leader")),
            of(get("/v2/stats/store")),
            of(get("/v2/auth/enable"))));
  }

  @Test
  void watches() {
    List<Step> steps =
        new ArrayList<>(
            Arrays.asList(
                put("/w/a", "value=1"),
                put("/w/a", "value=2"),
                put("/w/b/c", "value=3"),
                put("/w/_h", "value=h"),
                of(get(K + "/w/a?wait=true&waitIndex=1")),
                of(get(K + "/w?wait=true&waitIndex=1&recursive=true")),
                of(get(K + "/?wait=true&waitIndex=1&recursive=true")),
                of(get(K + "/w/_h?wait=true&waitIndex=1")),
                of(get(K + "/w?wait=true&waitIndex=7&recursive=true")),
                of(get(K + "/w/a?wait=true&waitIndex=2&quorum=true")),
                of(Op.of("HEAD", K + "/w/a?wait=true")),
                // a live watch: the next change, not the hidden one
                start("next", get(K + "/w?wait=true&recursive=true")),
                put("/w/_h2", "value=hidden"),
                put("/w/b/d", "value=seen"),
                await("next"),
                // a watch on a key that does not exist yet
                start("missing", get(K + "/w/new?wait=true")),
                put("/w/new", "value=born"),
                await("missing"),
                // deleting a parent ends the watches below it
                start("child", get(K + "/w/b/c?wait=true")),
                start("dir", get(K + "/w/b?wait=true")),
                delete("/w/b?recursive=true"),
                await("child"),
                await("dir"),
                // a non-recursive watch on a directory ignores its children
                put("/w/e/x", "value=1"),
                start("plain", get(K + "/w/e?wait=true")),
                put("/w/e/y", "value=2"),
                put("/w/e", "dir=true&ttl=100&prevExist=true"),
                await("plain"),
                // a future waitIndex waits for that index
                start(
                    "future",
                    get(K + "/w/a?wait=true&waitIndex=" + (FakeStore.INITIAL_INDEX + 20))),
                repeat(put("/w/a", "value=again").op, 12),
                await("future"),
                // refreshes are not sent to watchers
                put("/w/t", "value=1&ttl=100"),
                start("refresh", get(K + "/w/t?wait=true")),
                put("/w/t", "refresh=true&ttl=200&prevExist=true"),
                put("/w/t", "value=changed"),
                await("refresh"),
                // expiry: ttl=1 and ttl=0, with an expire event to watchers
                put("/w/exp", "value=1&ttl=1"),
                put("/w/expdir/k", "value=1"),
                put("/w/expdir", "ttl=1&dir=true&prevExist=true"),
                start("expire", get(K + "/w/exp?wait=true")),
                start("expiredChild", get(K + "/w/expdir/k?wait=true")),
                sleep(1700),
                await("expire"),
                await("expiredChild"),
                read("/w/exp"),
                put("/w/zero", "value=1&ttl=0"),
                sleep(1200),
                read("/w/zero"),
                read("/w?recursive=true&sorted=true")));
    // 1,000 more events push the start out of the history
    steps.add(repeat(put("/w/many", "value=m").op, 1005));
    steps.add(of(get(K + "/w/many?wait=true&waitIndex=4")));
    steps.add(of(get(K + "/w?wait=true&waitIndex=10&recursive=true")));
    steps.add(read("/w/many"));
    assertSame(steps);
  }
}
