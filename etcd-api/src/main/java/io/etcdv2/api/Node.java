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

  Node(
      String key,
      String rawValue,
      boolean dir,
      String expiration,
      long ttl,
      List<Node> nodes,
      long modifiedIndex,
      long createdIndex,
      ValueSerializer serializer) {
    this.key = key;
    this.rawValue = rawValue;
    this.dir = dir;
    this.expiration = expiration;
    this.ttl = ttl;
    this.nodes =
        nodes == null ? Collections.<Node>emptyList() : Collections.unmodifiableList(nodes);
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
    if (serializer == ValueSerializer.JSON && rawValue != null) {
      Object scalar = scalar(rawValue);
      if (scalar != NOT_SCALAR) return scalar;
    }
    return serializer.decode(rawValue);
  }

  /** What {@link #scalar} answers for text it leaves to Moshi. */
  private static final Object NOT_SCALAR = new Object();

  /**
   * A JSON number, {@code true}, {@code false}, {@code null} or a string without escapes, decoded
   * as the default Moshi decodes it (a number as a {@code Double}); {@link #NOT_SCALAR} for any
   * other text. Most stored values are such scalars, and Moshi would copy each into a buffer of its
   * own and set up a reader (a third of the CPU of a small get, and 8 KiB of garbage).
   */
  private static Object scalar(String text) {
    int length = text.length();
    if (length == 0) return NOT_SCALAR;
    char first = text.charAt(0);
    if (first == '"') return string(text);
    if (first == '-' || (first >= '0' && first <= '9')) return number(text);
    if (text.equals("true")) return true;
    if (text.equals("false")) return false;
    if (text.equals("null")) return null;
    return NOT_SCALAR;
  }

  /** A quoted string without escapes, control characters or surrogates, which Moshi reads as is. */
  private static Object string(String text) {
    int end = text.length() - 1;
    if (end < 1 || text.charAt(end) != '"') return NOT_SCALAR;
    for (int i = 1; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) return NOT_SCALAR;
    }
    return text.substring(1, end);
  }

  /**
   * A number in JSON's strict grammar, {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}: Moshi
   * parses it with {@link Double#parseDouble} (an integer that fits a long gives the same double);
   * one too large for a double is left to Moshi, which refuses it.
   */
  private static Object number(String text) {
    int length = text.length();
    int i = 0;
    if (text.charAt(i) == '-') i++;
    if (i == length) return NOT_SCALAR;
    if (text.charAt(i) == '0') {
      i++;
    } else {
      int digits = digits(text, i);
      if (digits == 0) return NOT_SCALAR;
      i += digits;
    }
    if (i < length && text.charAt(i) == '.') {
      int digits = digits(text, i + 1);
      if (digits == 0) return NOT_SCALAR;
      i += 1 + digits;
    }
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
      int digits = digits(text, i);
      if (digits == 0) return NOT_SCALAR;
      i += digits;
    }
    if (i != length) return NOT_SCALAR;
    double number = Double.parseDouble(text);
    return Double.isInfinite(number) ? NOT_SCALAR : (Object) number;
  }

  /** How many ASCII digits start at {@code from}. */
  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
    return i - from;
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
    return out.append(", modifiedIndex=")
        .append(modifiedIndex)
        .append(", createdIndex=")
        .append(createdIndex)
        .append('}')
        .toString();
  }
}
