package io.etcdv2.api;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads etcd's node JSON, handing every node, nested ones too, the serializer that decodes its
 * value. Plumbing: {@link EtcdJson} installs it.
 */
final class NodeJsonAdapter extends JsonAdapter<Node> {
  private static final JsonReader.Options NAMES =
      JsonReader.Options.of(
          "key", "value", "dir", "expiration", "ttl", "nodes", "modifiedIndex", "createdIndex");

  /** A factory for Moshi that reads every {@link Node} with {@code serializer}. */
  static JsonAdapter.Factory factory(final ValueSerializer serializer) {
    if (serializer == null) throw new NullPointerException("serializer == null");
    return new JsonAdapter.Factory() {
      @Override
      public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (type != Node.class || !annotations.isEmpty()) return null;
        return new NodeJsonAdapter(serializer).nullSafe();
      }
    };
  }

  private final ValueSerializer serializer;

  private NodeJsonAdapter(ValueSerializer serializer) {
    this.serializer = serializer;
  }

  @Override
  public Node fromJson(JsonReader reader) throws IOException {
    String key = null;
    String value = null;
    boolean dir = false;
    String expiration = null;
    long ttl = -1;
    List<Node> nodes = null;
    long modifiedIndex = 0;
    long createdIndex = 0;
    reader.beginObject();
    while (reader.hasNext()) {
      int name = reader.selectName(NAMES);
      if (name == -1) {
        reader.skipName();
        reader.skipValue();
        continue;
      }
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.skipValue();
        continue;
      }
      switch (name) {
        case 0:
          key = reader.nextString();
          break;
        case 1:
          value = reader.nextString();
          break;
        case 2:
          dir = reader.nextBoolean();
          break;
        case 3:
          expiration = reader.nextString();
          break;
        case 4:
          ttl = reader.nextLong();
          break;
        case 5:
          nodes = new ArrayList<>();
          reader.beginArray();
          while (reader.hasNext()) nodes.add(fromJson(reader));
          reader.endArray();
          break;
        case 6:
          modifiedIndex = reader.nextLong();
          break;
        default:
          createdIndex = reader.nextLong();
          break;
      }
    }
    reader.endObject();
    return new Node(
        key, value, dir, expiration, ttl, nodes, modifiedIndex, createdIndex, serializer);
  }

  @Override
  public void toJson(JsonWriter writer, Node node) throws IOException {
    writer.beginObject();
    if (node.key() != null) writer.name("key").value(node.key());
    if (node.rawValue() != null) writer.name("value").value(node.rawValue());
    if (node.isDir()) writer.name("dir").value(true);
    if (node.expiration() != null) writer.name("expiration").value(node.expiration());
    if (node.ttl() != -1) writer.name("ttl").value(node.ttl());
    if (!node.nodes().isEmpty()) {
      writer.name("nodes").beginArray();
      for (Node child : node.nodes()) toJson(writer, child);
      writer.endArray();
    }
    writer.name("modifiedIndex").value(node.modifiedIndex());
    writer.name("createdIndex").value(node.createdIndex());
    writer.endObject();
  }

  @Override
  public String toString() {
    return "JsonAdapter(Node)";
  }
}
