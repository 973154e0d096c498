package io.etcdv2.api;

import java.lang.reflect.Type;
import java.util.Collections;
import java.util.List;

/**
 * A key or directory as etcd returns it. Indexes are {@code long}: they pass 2^31 on long-lived
 * clusters.
 */
public final class Node {
  private final String key;
  private final String rawValue;
  private final boolean dir;
  private final String expiration;
  private final long ttl;
  private final List<Node> nodes;
  private final long modifiedIndex;
  private final long createdIndex;
  private final ValueSerializer serializer;

  Node(String key, String rawValue, boolean dir, String expiration, long ttl, List<Node> nodes,
      long modifiedIndex, long createdIndex, ValueSerializer serializer) {
    this.key = key;
    this.rawValue = rawValue;
    this.dir = dir;
    this.expiration = expiration;
    this.ttl = ttl;
    this.nodes = nodes == null ? Collections.<Node>emptyList() : Collections.unmodifiableList(nodes);
    this.modifiedIndex = modifiedIndex;
    this.createdIndex = createdIndex;
    this.serializer = serializer;
  }

  /** The full key, such as {@code /app/a}; null for the root directory. */
  public String key() {
    return key;
  }

  /** The text etcd stores, unchanged; null for a directory. */
  public String rawValue() {
    return rawValue;
  }

  /**
   * The stored value decoded by the client's serializer: with JSON, a {@code String}, {@code
   * Double}, {@code Boolean}, {@code Map} or {@code List}. Null for a directory and for text that
   * is not JSON, such as a value written by etcdctl; {@link #rawValue()} still has it.
   */
  public Object value() {
    return serializer.decode(rawValue);
  }

  /**
   * The stored value decoded as {@code type}; null for a directory and for text that is not JSON.
   *
   * @throws RuntimeException (Moshi's {@code JsonDataException}) if it is JSON of another shape
   */
  public <T> T value(Class<T> type) {
    return serializer.decode(rawValue, type);
  }

  /** Like {@link #value(Class)} for generic types such as {@code List<String>}. */
  public <T> T value(Type type) {
    return serializer.decode(rawValue, type);
  }

  public boolean isDir() {
    return dir;
  }

  /** When the key expires, as etcd's RFC 3339 text; null without a TTL. */
  public String expiration() {
    return expiration;
  }

  /** Seconds left to live, or -1 without a TTL. */
  public long ttl() {
    return ttl;
  }

  /** A directory's children (all levels for a recursive read), in etcd's order; else empty. */
  public List<Node> nodes() {
    return nodes;
  }

  public long modifiedIndex() {
    return modifiedIndex;
  }

  public long createdIndex() {
    return createdIndex;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Node{key=").append(key);
    if (dir) {
      out.append(", dir");
      if (!nodes.isEmpty()) out.append(", nodes=").append(nodes);
    } else {
      out.append(", value=").append(rawValue);
    }
    if (ttl != -1) out.append(", ttl=").append(ttl);
    return out.append(", modifiedIndex=").append(modifiedIndex)
        .append(", createdIndex=").append(createdIndex).append('}').toString();
  }
}
