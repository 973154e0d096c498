package io.etcdv2.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.ValueSerializer;
import io.etcdv2.contract.Overloads.Overload;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's default TTL, argument checks before sending, and how values are encoded. */
final class TtlAndValueContractTest {
  @RegisterExtension final MockEtcd etcd = new MockEtcd();

  /** An overload that falls back to the client's default TTL. */
  record DefaultTtl(
      String name,
      Function<EtcdClient, EtcdResponse<?>> invoke,
      String method,
      String bodyWithDefault,
      String bodyWithoutTtl) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** An overload that takes the TTL as an argument. */
  record ExplicitTtl(
      String name,
      BiFunction<EtcdClient, Long, EtcdResponse<?>> invoke,
      String method,
      String bodyWithTtl10,
      String bodyWithoutTtl) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<DefaultTtl> defaultTtlOverloads() {
    return List.of(
        new DefaultTtl(
            "set(k, v)", c -> c.set("/k", "v"), "PUT", "value=%22v%22&ttl=30", "value=%22v%22"),
        new DefaultTtl(
            "setnx(k, v)",
            c -> c.setnx("/k", "v"),
            "PUT",
            "value=%22v%22&ttl=30&prevExist=false",
            "value=%22v%22&prevExist=false"),
        new DefaultTtl(
            "setx(k, v)",
            c -> c.setx("/k", "v"),
            "PUT",
            "value=%22v%22&ttl=30&prevExist=true",
            "value=%22v%22&prevExist=true"),
        new DefaultTtl("mkdir(k)", c -> c.mkdir("/k"), "PUT", "ttl=30&dir=true", "dir=true"),
        new DefaultTtl(
            "mkdirnx(k)",
            c -> c.mkdirnx("/k"),
            "PUT",
            "ttl=30&dir=true&prevExist=false",
            "dir=true&prevExist=false"),
        new DefaultTtl(
            "push(k, v)", c -> c.push("/k", "v"), "POST", "value=%22v%22&ttl=30", "value=%22v%22"),
        new DefaultTtl(
            "compareAndSwap(k, v, prev)",
            c -> c.compareAndSwap("/k", "v", "old"),
            "PUT",
            "value=%22v%22&ttl=30&prevValue=%22old%22",
            "value=%22v%22&prevValue=%22old%22"),
        new DefaultTtl(
            "compareAndSwapIndex(k, v, prevIndex)",
            c -> c.compareAndSwapIndex("/k", "v", 3),
            "PUT",
            "value=%22v%22&ttl=30&prevIndex=3",
            "value=%22v%22&prevIndex=3"));
  }

  static List<ExplicitTtl> explicitTtlOverloads() {
    return List.of(
        new ExplicitTtl(
            "set(k, v, ttl)",
            (c, t) -> c.set("/k", "v", t),
            "PUT",
            "value=%22v%22&ttl=10",
            "value=%22v%22"),
        new ExplicitTtl(
            "setnx(k, v, ttl)",
            (c, t) -> c.setnx("/k", "v", t),
            "PUT",
            "value=%22v%22&ttl=10&prevExist=false",
            "value=%22v%22&prevExist=false"),
        new ExplicitTtl(
            "setx(k, v, ttl)",
            (c, t) -> c.setx("/k", "v", t),
            "PUT",
            "value=%22v%22&ttl=10&prevExist=true",
            "value=%22v%22&prevExist=true"),
        new ExplicitTtl(
            "setx(k, v, ttl, prevIndex)",
            (c, t) -> c.setx("/k", "v", t, 3),
            "PUT",
            "value=%22v%22&ttl=10&prevExist=true&prevIndex=3",
            "value=%22v%22&prevExist=true&prevIndex=3"),
        new ExplicitTtl(
            "mkdir(k, ttl)", (c, t) -> c.mkdir("/k", t), "PUT", "ttl=10&dir=true", "dir=true"),
        new ExplicitTtl(
            "mkdirnx(k, ttl)",
            (c, t) -> c.mkdirnx("/k", t),
            "PUT",
            "ttl=10&dir=true&prevExist=false",
            "dir=true&prevExist=false"),
        new ExplicitTtl(
            "push(k, v, ttl)",
            (c, t) -> c.push("/k", "v", t),
            "POST",
            "value=%22v%22&ttl=10",
            "value=%22v%22"),
        new ExplicitTtl(
            "compareAndSwap(k, v, prev, ttl)",
            (c, t) -> c.compareAndSwap("/k", "v", "old", t),
            "PUT",
            "value=%22v%22&ttl=10&prevValue=%22old%22",
            "value=%22v%22&prevValue=%22old%22"),
        new ExplicitTtl(
            "compareAndSwapIndex(k, v, prevIndex, ttl)",
            (c, t) -> c.compareAndSwapIndex("/k", "v", 3, t),
            "PUT",
            "value=%22v%22&ttl=10&prevIndex=3",
            "value=%22v%22&prevIndex=3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaultTtlOverloads")
  void noDefaultTtlSendsNone(DefaultTtl overload) {
    etcd.enqueueOk();

    assertEquals(200, overload.invoke().apply(etcd.client(b -> b.ttl(-1))).status());

    RequestContractTest.assertRequest(
        etcd.takeRequest(), overload.method(), "/v2/keys/k", overload.bodyWithoutTtl());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaultTtlOverloads")
  void defaultTtlIsSent(DefaultTtl overload) {
    etcd.enqueueOk();

    assertEquals(200, overload.invoke().apply(etcd.client(b -> b.ttl(30))).status());

    RequestContractTest.assertRequest(
        etcd.takeRequest(), overload.method(), "/v2/keys/k", overload.bodyWithDefault());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("explicitTtlOverloads")
  void explicitTtlOverridesTheDefault(ExplicitTtl overload) {
    etcd.enqueueOk();

    assertEquals(200, overload.invoke().apply(etcd.client(b -> b.ttl(30)), 10L).status());

    RequestContractTest.assertRequest(
        etcd.takeRequest(), overload.method(), "/v2/keys/k", overload.bodyWithTtl10());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("explicitTtlOverloads")
  void explicitMinusOneSendsNoTtlDespiteTheDefault(ExplicitTtl overload) {
    etcd.enqueueOk();

    assertEquals(200, overload.invoke().apply(etcd.client(b -> b.ttl(30)), -1L).status());

    RequestContractTest.assertRequest(
        etcd.takeRequest(), overload.method(), "/v2/keys/k", overload.bodyWithoutTtl());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("explicitTtlOverloads")
  void explicitZeroOrBelowMinusOneIsRejectedBeforeSending(ExplicitTtl overload) {
    EtcdClient client = etcd.client(b -> b.ttl(30));
    for (long ttl : new long[] {0, -2, Long.MIN_VALUE}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> overload.invoke().apply(client, ttl));
      assertEquals("ttl must be -1 (no TTL) or at least 1 second but was " + ttl, e.getMessage());
    }
    etcd.assertRequestCount(0);
  }

  /**
   * Reads, watches, deletes, and the cluster and auth endpoints never carry a TTL, whatever the
   * client's default.
   */
  static Stream<Overload> overloadsWithoutTtl() {
    Set<String> ttlTaking =
        Set.of(
            "set",
            "setnx",
            "setx",
            "mkdir",
            "mkdirnx",
            "push",
            "refresh",
            "compareAndSwap",
            "compareAndSwapIndex");
    return Overloads.all().stream().filter(o -> !ttlTaking.contains(o.operation()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overloadsWithoutTtl")
  void defaultTtlIsNotSentByOtherOperations(Overload overload) {
    etcd.enqueueOk();

    overload.call(etcd.client(b -> b.ttl(30)), "/k");

    RecordedRequest request = etcd.takeRequest();
    RequestContractTest.assertRequest(request, overload);
    assertFalse(request.getPath().contains("ttl"), request.getPath());
  }

  /**
   * refresh is its own endpoint, {@code KeysApi.refreshKey}: its TTL is a required number, never
   * the client's default, and its form follows that endpoint's order (ttl, refresh, prevExist).
   */
  @Test
  void refreshSendsItsTtlNotTheDefault() {
    etcd.enqueueOk();

    etcd.client(b -> b.ttl(30)).refresh("/k", 10);

    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/k", "ttl=10&refresh=true&prevExist=true");
  }

  @Test
  void asyncRefreshSendsItsTtlNotTheDefault() throws Exception {
    etcd.enqueueOk();

    etcd.client(b -> b.ttl(30)).async().refresh("/k", 10).future().get(2, TimeUnit.SECONDS);

    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/k", "ttl=10&refresh=true&prevExist=true");
  }

  /** refresh's TTL is {@code @Positive}: -1 means no TTL elsewhere, but not here. */
  @ParameterizedTest
  @ValueSource(longs = {0, -1, -2, Long.MIN_VALUE})
  void refreshTtlBelowOneIsRejectedBeforeSending(long ttl) {
    etcd.enqueueOk(); // answers at once should the request go out after all
    EtcdClient client = etcd.client(b -> b.ttl(30));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> client.refresh("/k", ttl));
    IllegalArgumentException async =
        assertThrows(IllegalArgumentException.class, () -> client.async().refresh("/k", ttl));

    assertEquals("ttl must be 1 or more but was " + ttl, e.getMessage());
    assertEquals("ttl must be 1 or more but was " + ttl, async.getMessage());
    etcd.assertRequestCount(0);
  }

  /**
   * etcd answers a refresh without a TTL with 400 errorCode 212 "TTL is required on refresh", and
   * nothing else can come of it: the client refuses -1 (no TTL) before sending, as it refuses
   * writes to the root, and does not fall back to the client's default TTL either.
   */
  @ParameterizedTest
  @ValueSource(longs = {-1, 30})
  void refreshWithoutTtlIsRejectedBeforeSending(long defaultTtl) {
    etcd.enqueueOk(); // answers at once should the request go out after all

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> etcd.client(b -> b.ttl(defaultTtl)).refresh("/k", -1));

    assertEquals("ttl must be 1 or more but was -1", e.getMessage());
    etcd.assertRequestCount(0);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -2, -30})
  void builderRejectsTtlOfZeroOrBelowMinusOne(long ttl) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EtcdClient.builder().ttl(ttl));

    assertEquals("ttl must be -1 (no TTL) or at least 1 second but was " + ttl, e.getMessage());
  }

  /**
   * A negative index is refused naming the argument and its minimum: 0 for {@code waitIndex} (wait
   * from the start of the kept history), 1 for {@code prevIndex}, which is {@code @Positive} on
   * {@code putKey} and {@code deleteKey}.
   */
  static Stream<Arguments> negativeIndexes() {
    return Stream.of(
        negativeIndex("wait(k, waitIndex)", "waitIndex", 0, c -> c.wait("/k", -1)),
        negativeIndex("wait(k, waitIndex, timeout)", "waitIndex", 0, c -> c.wait("/k", -1, 5)),
        negativeIndex("waitdir(k, waitIndex)", "waitIndex", 0, c -> c.waitdir("/k", -1)),
        negativeIndex(
            "waitdir(k, waitIndex, timeout)", "waitIndex", 0, c -> c.waitdir("/k", -1, 5)),
        negativeIndex("setx(k, v, ttl, prevIndex)", "prevIndex", 1, c -> c.setx("/k", "v", 5, -1)),
        negativeIndex("delete(k, v, prevIndex)", "prevIndex", 1, c -> c.delete("/k", "v", -1)),
        negativeIndex("delete(k, null, prevIndex)", "prevIndex", 1, c -> c.delete("/k", null, -1)),
        negativeIndex(
            "compareAndSwapIndex(k, v, prevIndex)",
            "prevIndex",
            1,
            c -> c.compareAndSwapIndex("/k", "v", -1)),
        negativeIndex(
            "compareAndSwapIndex(k, v, prevIndex, ttl)",
            "prevIndex",
            1,
            c -> c.compareAndSwapIndex("/k", "v", -1, 5)),
        negativeIndex(
            "compareAndDeleteIndex(k, prevIndex)",
            "prevIndex",
            1,
            c -> c.compareAndDeleteIndex("/k", -1)));
  }

  private static Arguments negativeIndex(
      String name, String argument, int minimum, Function<EtcdClient, EtcdResponse<?>> invoke) {
    return arguments(name, argument, minimum, invoke);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negativeIndexes")
  void negativeIndexIsRejectedBeforeSending(
      String name, String argument, int minimum, Function<EtcdClient, EtcdResponse<?>> invoke) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> invoke.apply(etcd.client()));

    assertEquals(argument + " must be " + minimum + " or more but was -1", e.getMessage());
    etcd.assertRequestCount(0);
  }

  /**
   * etcd reads {@code prevIndex=0} as no condition at all: a compare-and-swap or compare-and-delete
   * with index 0 would set or delete the key unconditionally. etcd's indexes start at 1, so 0 can
   * never be the index the caller meant to compare with: every overload taking a prevIndex refuses
   * it.
   */
  static Stream<Arguments> zeroPrevIndexes() {
    return Stream.of(
        arguments(
            "setx(k, v, ttl, 0)",
            (Function<EtcdClient, EtcdResponse<?>>) c -> c.setx("/k", "v", 5, 0)),
        arguments(
            "compareAndSwapIndex(k, v, 0)",
            (Function<EtcdClient, EtcdResponse<?>>) c -> c.compareAndSwapIndex("/k", "v", 0)),
        arguments(
            "compareAndSwapIndex(k, v, 0, ttl)",
            (Function<EtcdClient, EtcdResponse<?>>) c -> c.compareAndSwapIndex("/k", "v", 0, 5)),
        arguments(
            "delete(k, v, 0)", (Function<EtcdClient, EtcdResponse<?>>) c -> c.delete("/k", "v", 0)),
        arguments(
            "delete(k, null, 0)",
            (Function<EtcdClient, EtcdResponse<?>>) c -> c.delete("/k", null, 0)),
        arguments(
            "compareAndDeleteIndex(k, 0)",
            (Function<EtcdClient, EtcdResponse<?>>) c -> c.compareAndDeleteIndex("/k", 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zeroPrevIndexes")
  void compareWithIndexZeroIsRejectedBeforeSending(
      String name, Function<EtcdClient, EtcdResponse<?>> invoke) {
    etcd.enqueueOk();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> invoke.apply(etcd.client()));

    assertEquals("prevIndex must be 1 or more but was 0", e.getMessage());
    etcd.assertRequestCount(0);
  }

  /** 1, etcd's first index, is the smallest prevIndex, and is sent. */
  @Test
  void prevIndexOfOneIsSent() {
    for (int i = 0; i < 4; i++) etcd.enqueueOk();

    etcd.client().setx("/k", "v", -1, 1);
    etcd.client().compareAndSwapIndex("/k", "v", 1);
    etcd.client().delete("/k", null, 1);
    etcd.client().compareAndDeleteIndex("/k", 1);

    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/k", "value=%22v%22&prevExist=true&prevIndex=1");
    RequestContractTest.assertRequest(
        etcd.takeRequest(), "PUT", "/v2/keys/k", "value=%22v%22&prevIndex=1");
    RequestContractTest.assertRequest(etcd.takeRequest(), "DELETE", "/v2/keys/k?prevIndex=1", null);
    RequestContractTest.assertRequest(etcd.takeRequest(), "DELETE", "/v2/keys/k?prevIndex=1", null);
  }

  /** The async forms check prevIndex the same way, before there is a call to send. */
  @Test
  void asyncPrevIndexBelowOneIsRejectedBeforeSending() {
    etcd.enqueueOk();
    EtcdClient client = etcd.client();
    List<Executable> calls =
        List.of(
            () -> client.async().setx("/k", "v", 5, 0),
            () -> client.async().compareAndSwapIndex("/k", "v", 0),
            () -> client.async().compareAndSwapIndex("/k", "v", 0, 5),
            () -> client.async().delete("/k", "v", 0),
            () -> client.async().compareAndDeleteIndex("/k", 0));
    for (Executable call : calls) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
      assertEquals("prevIndex must be 1 or more but was 0", e.getMessage());
    }
    IllegalArgumentException min =
        assertThrows(
            IllegalArgumentException.class,
            () -> client.async().compareAndDeleteIndex("/k", Long.MIN_VALUE));
    assertEquals("prevIndex must be 1 or more but was -9223372036854775808", min.getMessage());
    etcd.assertRequestCount(0);
  }

  static Stream<Arguments> jsonValues() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", "x");
    NodeValueContractTest.Item item = new NodeValueContractTest.Item();
    item.name = "x";
    item.count = 2;
    return Stream.of(
        arguments("abc", "\"abc\"", "%22abc%22"),
        arguments("", "\"\"", "%22%22"),
        arguments(42, "42", "42"),
        arguments(3.5, "3.5", "3.5"),
        arguments(1099511627776L, "1099511627776", "1099511627776"),
        arguments(true, "true", "true"),
        arguments(false, "false", "false"),
        arguments(map, "{\"a\":1,\"b\":\"x\"}", "%7B%22a%22%3A1%2C%22b%22%3A%22x%22%7D"),
        arguments(List.of("x", 2), "[\"x\",2]", "%5B%22x%22%2C2%5D"),
        arguments(
            item, "{\"count\":2,\"name\":\"x\"}", "%7B%22count%22%3A2%2C%22name%22%3A%22x%22%7D"),
        arguments("a+b c&d=é\"", "\"a+b c&d=é\\\"\"", "%22a%2Bb%20c%26d%3D%C3%A9%5C%22%22"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("jsonValues")
  void jsonSerializerSendsTheValueAsJson(Object value, String json, String encoded) {
    etcd.enqueueOk();

    etcd.client().set("/k", value);

    String body = etcd.takeRequest().getBody().readUtf8();
    assertEquals("value=" + encoded, body);
    assertEquals(json, formValue(body, "value"), "what etcd decodes and stores");
  }

  /** Values at the edges of what the client writes without Moshi: each must come out as Moshi's. */
  static Stream<Object> edgeValues() {
    return Stream.of(
        0,
        -1,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE,
        Long.MIN_VALUE,
        Long.MAX_VALUE,
        (short) -32768,
        (byte) -1,
        (byte) 127,
        'c',
        1.0,
        -0.0,
        1e21,
        1.5f,
        true,
        "plain text",
        "\u007f and é, 日本",
        "emoji \ud83d\ude00",
        "quote \"",
        "back\\slash",
        "tab\t",
        "line\nfeed",
        "nul \u0000",
        "unit \u001f",
        "line separator \u2028",
        "paragraph separator \u2029",
        "<html> & 'quotes' =");
  }

  @ParameterizedTest
  @MethodSource("edgeValues")
  void valueIsSentAsMoshiWritesIt(Object value) {
    etcd.enqueueOk();

    etcd.client().set("/k", value);

    String sent = formValue(etcd.takeRequest().getBody().readUtf8(), "value");
    assertEquals(ValueSerializer.JSON.encode(value, "value"), sent);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("jsonValues")
  void deletePrevValueIsEncodedLikeSetValue(Object value, String json, String encoded) {
    etcd.enqueueOk();
    etcd.enqueueOk();

    etcd.client().set("/k", value);
    etcd.client().delete("/k", value, 4);

    String stored = formValue(etcd.takeRequest().getBody().readUtf8(), "value");
    RecordedRequest delete = etcd.takeRequest();
    assertEquals(json, stored);
    assertEquals(json, delete.getRequestUrl().queryParameter("prevValue"));
    assertEquals("4", delete.getRequestUrl().queryParameter("prevIndex"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("jsonValues")
  void compareAndSwapAndDeleteEncodePrevValueLikeValue(Object value, String json, String encoded) {
    etcd.enqueueOk();
    etcd.enqueueOk();

    etcd.client().compareAndSwap("/k", value, value);
    etcd.client().compareAndDelete("/k", value);

    assertEquals(
        "value=" + encoded + "&prevValue=" + encoded, etcd.takeRequest().getBody().readUtf8());
    RecordedRequest delete = etcd.takeRequest();
    assertEquals(json, delete.getRequestUrl().queryParameter("prevValue"));
    assertEquals("DELETE", delete.getMethod());
  }

  @Test
  void deletePrevValueQueryIsPercentEncoded() {
    etcd.enqueueOk();

    etcd.client().delete("/k", "a+b c&d=é");

    assertEquals("/v2/keys/k?prevValue=%22a%2Bb%20c%26d%3D%C3%A9%22", etcd.takeRequest().getPath());
  }

  @Test
  void valueTheJsonSerializerCannotEncodeIsRejectedBeforeSending() {
    IllegalArgumentException set =
        assertThrows(
            IllegalArgumentException.class, () -> etcd.client().set("/k", Duration.ofSeconds(5)));
    IllegalArgumentException delete =
        assertThrows(
            IllegalArgumentException.class,
            () -> etcd.client().delete("/k", Duration.ofSeconds(5)));

    assertTrue(set.getMessage().startsWith("value cannot be encoded as JSON ("), set.getMessage());
    assertTrue(
        delete.getMessage().startsWith("prevValue cannot be encoded as JSON ("),
        delete.getMessage());
    etcd.assertRequestCount(0);
  }

  @Test
  void nullValueIsRejectedBeforeSending() {
    List<Executable> calls =
        List.of(
            () -> etcd.client().set("/k", null),
            () -> etcd.client().set("/k", null, 5),
            () -> etcd.client().setnx("/k", null),
            () -> etcd.client().setx("/k", null, 5, 1),
            () -> etcd.client().push("/k", null),
            () -> etcd.client().compareAndSwap("/k", null, "old"),
            () -> etcd.client().compareAndSwapIndex("/k", null, 3, 5));
    for (Executable call : calls) {
      NullPointerException e = assertThrows(NullPointerException.class, call);
      assertEquals("value == null", e.getMessage());
    }
    etcd.assertRequestCount(0);
  }

  @Test
  void nullPrevValueOfACompareIsRejectedBeforeSending() {
    List<Executable> calls =
        List.of(
            () -> etcd.client().compareAndSwap("/k", "v", null),
            () -> etcd.client().compareAndSwap("/k", "v", null, 5),
            () -> etcd.client().compareAndDelete("/k", null));
    for (Executable call : calls) {
      NullPointerException e = assertThrows(NullPointerException.class, call);
      assertEquals("prevValue == null", e.getMessage());
    }
    etcd.assertRequestCount(0);
  }

  @Test
  void nullPrevValueSendsNone() {
    etcd.enqueueOk();
    etcd.enqueueOk();

    etcd.client().delete("/k", null);
    etcd.client().delete("/k", null, 6);

    assertEquals("/v2/keys/k", etcd.takeRequest().getPath());
    assertEquals("/v2/keys/k?prevIndex=6", etcd.takeRequest().getPath());
  }

  @Test
  void rawSerializerSendsStringsUnchanged() {
    EtcdClient raw = etcd.client(b -> b.serializer(ValueSerializer.RAW));
    for (int i = 0; i < 4; i++) etcd.enqueueOk();

    raw.set("/k", "abc");
    raw.setx("/k", "a+b c&d=é", 5, 2);
    raw.push("/q", "{\"not\":\"parsed\"}");
    raw.delete("/k", "abc", 2);

    RequestContractTest.assertRequest(etcd.takeRequest(), "PUT", "/v2/keys/k", "value=abc");
    RequestContractTest.assertRequest(
        etcd.takeRequest(),
        "PUT",
        "/v2/keys/k",
        "value=a%2Bb%20c%26d%3D%C3%A9&ttl=5&prevExist=true&prevIndex=2");
    RequestContractTest.assertRequest(
        etcd.takeRequest(), "POST", "/v2/keys/q", "value=%7B%22not%22%3A%22parsed%22%7D");
    RequestContractTest.assertRequest(
        etcd.takeRequest(), "DELETE", "/v2/keys/k?prevValue=abc&prevIndex=2", null);
  }

  @Test
  void rawSerializerRejectsNonStringsBeforeSending() {
    EtcdClient raw = etcd.client(b -> b.serializer(ValueSerializer.RAW));

    IllegalArgumentException set =
        assertThrows(IllegalArgumentException.class, () -> raw.set("/k", 42));
    IllegalArgumentException push =
        assertThrows(IllegalArgumentException.class, () -> raw.push("/k", Map.of("a", 1)));
    IllegalArgumentException delete =
        assertThrows(IllegalArgumentException.class, () -> raw.delete("/k", 42L));

    assertEquals(
        "value must be a String with the RAW serializer but was a java.lang.Integer;"
            + " convert it to text or use ValueSerializer.JSON",
        set.getMessage());
    assertTrue(
        push.getMessage().startsWith("value must be a String with the RAW serializer"),
        push.getMessage());
    assertEquals(
        "prevValue must be a String with the RAW serializer but was a java.lang.Long;"
            + " convert it to text or use ValueSerializer.JSON",
        delete.getMessage());
    etcd.assertRequestCount(0);
  }

  /** The decoded value of form field {@code name}, as etcd's form parser sees it. */
  private static String formValue(String body, String name) {
    Map<String, String> fields =
        Stream.of(body.split("&"))
            .map(field -> field.split("=", 2))
            .collect(
                Collectors.toMap(
                    kv -> kv[0], kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    return fields.get(name);
  }
}
