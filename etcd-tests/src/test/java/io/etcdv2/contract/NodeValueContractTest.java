package io.etcdv2.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import com.squareup.moshi.Types;
import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdJson;
import io.etcdv2.api.Node;
import io.etcdv2.api.ValueSerializer;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How stored values read back: {@code Node.value()} through the client's serializer, typed reads,
 * and text that is not JSON.
 */
final class NodeValueContractTest {
  @RegisterExtension final MockEtcd etcd = new MockEtcd();

  @Test
  void jsonValuesDecodeAsMoshiDoes() {
    assertEquals("abc", storedValue("\"abc\"").value());
    assertEquals(42.0, storedValue("42").value());
    assertEquals(-1.5, storedValue("-1.5").value());
    assertEquals(true, storedValue("true").value());
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1.0);
    map.put("b", Arrays.asList(1.0, "x", null));
    assertEquals(map, storedValue("{\"a\":1,\"b\":[1,\"x\",null]}").value());
    assertEquals(List.of("x", 2.0), storedValue("[\"x\",2]").value());
    assertNull(storedValue("null").value());
  }

  /**
   * {@code Node.value()} reads common scalars without Moshi; whatever the text, it must answer
   * exactly what the serializer (Moshi) answers, down to -0.0 and the texts Moshi refuses.
   */
  @Test
  void scalarValuesDecodeExactlyAsTheSerializerDoes() throws Exception {
    JsonAdapter<Node> nodes =
        EtcdJson.moshi(new Moshi.Builder().build(), ValueSerializer.JSON).adapter(Node.class);
    List<String> texts =
        List.of(
            "0",
            "-0",
            "-0.0",
            "7",
            "-7",
            "42",
            "01",
            "-01",
            "00",
            "1.",
            ".5",
            "-.5",
            "1.5",
            "-1.25e-3",
            "1e5",
            "1E+5",
            "2e-0",
            "1e",
            "1e+",
            "1.e3",
            "+1",
            "-",
            "--1",
            " 1",
            "1 ",
            "1\n",
            "1x",
            "0x10",
            "1_000",
            "NaN",
            "-Infinity",
            "Infinity",
            "9007199254740993",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "1.7976931348623157e308",
            "1.8e308",
            "-1e400",
            "4.9e-324",
            "1e-400",
            "0.1000000000000000055511151231257827",
            "true",
            "false",
            "null",
            "True",
            "tru",
            "truex",
            "nul",
            "\"\"",
            "\"abc\"",
            "\"a b\"",
            "\"\u00e9\u4e2d\"",
            "\"\ud83d\ude00\"",
            "\"\ud800\"",
            "\"a\\\"b\"",
            "\"a\\nb\"",
            "\"a\\u0041\"",
            "\"a\tb\"",
            "\"a\u0001\"",
            "\"\u007f\"",
            "\"\u2028\"",
            "\"",
            "\"abc",
            "abc\"",
            "\"a\"b\"",
            "\"a\" ",
            " \"a\"",
            "'a'",
            "",
            " ",
            "[1]",
            "{}",
            "hello");
    for (String text : texts) {
      Node node =
          nodes.fromJson(
              "{\"key\":\"/a\",\"value\":"
                  + quoted(text)
                  + ",\"modifiedIndex\":7,\"createdIndex\":7}");
      assertEquals(text, node.rawValue());
      assertEquals(ValueSerializer.JSON.decode(text), node.value(), "value of " + quoted(text));
    }
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }

  @Test
  void valueThatIsNotJsonReadsAsNullWithRawValueKept() {
    Node hello = storedValue("hello");
    assertEquals("hello", hello.rawValue());
    assertNull(hello.value());
    assertNull(hello.value(String.class));
    assertNull(hello.value(Types.newParameterizedType(List.class, String.class)));

    Node trailing = storedValue("\"a\" tail");
    assertEquals("\"a\" tail", trailing.rawValue());
    assertNull(trailing.value());

    Node empty = storedValue("");
    assertEquals("", empty.rawValue());
    assertNull(empty.value());
  }

  @Test
  void typedReads() {
    assertEquals(Integer.valueOf(42), storedValue("42").value(Integer.class));
    assertEquals(Long.valueOf(4294967296L), storedValue("4294967296").value(Long.class));
    assertEquals("abc", storedValue("\"abc\"").value(String.class));
    Item item = storedValue("{\"name\":\"x\",\"count\":2}").value(Item.class);
    assertEquals("x", item.name);
    assertEquals(2, item.count);
    List<String> list =
        storedValue("[\"a\",\"b\"]").value(Types.newParameterizedType(List.class, String.class));
    assertEquals(List.of("a", "b"), list);
    Map<String, Integer> map =
        storedValue("{\"a\":1}")
            .value(Types.newParameterizedType(Map.class, String.class, Integer.class));
    assertEquals(Map.of("a", 1), map);
  }

  @Test
  void typedReadOfJsonOfAnotherShapeThrows() {
    Node node = storedValue("\"abc\"");
    assertThrows(JsonDataException.class, () -> node.value(Integer.class));
  }

  @Test
  void rawSerializerReadsTextUnchanged() {
    EtcdClient raw = etcd.client(b -> b.serializer(ValueSerializer.RAW));
    etcd.enqueueJson(200, nodeWithValue("hello"));
    etcd.enqueueJson(200, nodeWithValue("\"quoted\""));

    Node hello = raw.get("/a").body().node();
    Node quoted = raw.get("/a").body().node();

    assertEquals("hello", hello.value());
    assertEquals("hello", hello.value(String.class));
    assertEquals("\"quoted\"", quoted.value());
  }

  @Test
  void builderMoshiAdaptersServeTypedReads() {
    // ClientBuilder.moshi: "adapters added to it also serve typed reads".
    Moshi moshi = new Moshi.Builder().add(new DurationAdapter()).build();
    EtcdClient client = etcd.client(b -> b.moshi(moshi));
    etcd.enqueueJson(200, nodeWithValue("\"PT5S\""));

    Node node = client.get("/a").body().node();

    assertEquals(Duration.ofSeconds(5), node.value(Duration.class));
  }

  @Test
  void serializerWithOwnMoshiWritesAndReadsItsTypes() {
    Moshi moshi = new Moshi.Builder().add(new DurationAdapter()).build();
    EtcdClient client = etcd.client(b -> b.serializer(ValueSerializer.json(moshi)));
    etcd.enqueueJson(200, nodeWithValue("\"PT5S\""));

    Node node = client.set("/a", Duration.ofSeconds(5)).body().node();

    assertEquals("value=%22PT5S%22", etcd.takeRequest().getBody().readUtf8());
    assertEquals(Duration.ofSeconds(5), node.value(Duration.class));
  }

  /** The node of a get answer whose stored text is {@code raw}. */
  private Node storedValue(String raw) {
    etcd.enqueueJson(200, nodeWithValue(raw));
    return etcd.client().get("/a").body().node();
  }

  private static String nodeWithValue(String raw) {
    String quoted = raw.replace("\\", "\\\\").replace("\"", "\\\"");
    return "{\"action\":\"get\",\"node\":{\"key\":\"/a\",\"value\":\""
        + quoted
        + "\","
        + "\"modifiedIndex\":7,\"createdIndex\":7}}\n";
  }

  /** A plain object stored as JSON. */
  static final class Item {
    String name;
    int count;
  }

  /** A platform type that Moshi reads only with an adapter of one's own. */
  static final class DurationAdapter {
    @ToJson
    String toJson(Duration duration) {
      return duration.toString();
    }

    @FromJson
    Duration fromJson(String text) {
      return Duration.parse(text);
    }
  }
}
