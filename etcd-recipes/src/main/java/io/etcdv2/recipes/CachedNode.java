package io.etcdv2.recipes;

import io.etcdv2.api.Node;
import java.lang.reflect.Type;

/**
 * A key or directory as a {@link TreeCache} holds it: what etcd said of it at its last change
 * (children are in the cache, not in the node). Immutable; equal when key, kind, value, expiry and
 * indexes are.
 *
 * <p>A refresh (TTL renewed without notifying watchers) does not reach caches: a node refreshed
 * since its last change keeps the modifiedIndex and expiration of that change here, while a read
 * shows the refresh's.
 */
public final class CachedNode {
  private final String key;
  private final boolean dir;
  private final String rawValue;
  private final String expiration;
  private final long createdIndex;
  private final long modifiedIndex;

  /** The node etcd sent, to decode the value with the client's serializer; null for dirs. */
  private final Node source;

  private CachedNode(
      String key,
      boolean dir,
      String rawValue,
      String expiration,
      long createdIndex,
      long modifiedIndex,
      Node source) {
    this.key = key;
    this.dir = dir;
    this.rawValue = rawValue;
    this.expiration = expiration;
    this.createdIndex = createdIndex;
    this.modifiedIndex = modifiedIndex;
    this.source = source;
  }

  /** {@code node} under {@code key} (etcd's key without the client's prefix). */
  static CachedNode of(Node node, String key) {
    boolean dir = node.isDir();
    return new CachedNode(
        key,
        dir,
        dir ? null : node.rawValue(),
        node.expiration(),
        node.createdIndex(),
        node.modifiedIndex(),
        dir ? null : node);
  }

  /** A directory etcd created on the way to a key written below it, in the same change. */
  static CachedNode implicitDirectory(String key, long index) {
    return new CachedNode(key, true, null, null, index, index, null);
  }

  /** The key, as the client's methods take it (without the client's prefix). */
  public String key() {
    return key;
  }

  /** The last segment of the key. */
  public String name() {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  public boolean isDir() {
    return dir;
  }

  /** The stored text, unchanged; null for a directory. */
  public String rawValue() {
    return rawValue;
  }

  /** The value decoded by the client's serializer, as {@link Node#value()}; null for a dir. */
  public Object value() {
    return source == null ? null : source.value();
  }

  /** The value decoded as {@code type}, as {@link Node#value(Class)}. */
  public <T> T value(Class<T> type) {
    return source == null ? null : source.value(type);
  }

  /** The value decoded as {@code type}, as {@link Node#value(Type)}. */
  public <T> T value(Type type) {
    return source == null ? null : source.<T>value(type);
  }

  /** When it expires, as etcd's RFC 3339 text; null without a TTL. */
  public String expiration() {
    return expiration;
  }

  public long createdIndex() {
    return createdIndex;
  }

  public long modifiedIndex() {
    return modifiedIndex;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof CachedNode)) return false;
    CachedNode other = (CachedNode) o;
    return dir == other.dir
        && createdIndex == other.createdIndex
        && modifiedIndex == other.modifiedIndex
        && key.equals(other.key)
        && same(rawValue, other.rawValue)
        && same(expiration, other.expiration);
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  @Override
  public int hashCode() {
    int h = key.hashCode();
    h = 31 * h + (dir ? 1 : 0);
    h = 31 * h + (rawValue == null ? 0 : rawValue.hashCode());
    h = 31 * h + (int) (modifiedIndex ^ (modifiedIndex >>> 32));
    return h;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("CachedNode{").append(key);
    if (dir) {
      out.append(", dir");
    } else {
      out.append(", value=").append(rawValue);
    }
    if (expiration != null) out.append(", expiration=").append(expiration);
    return out.append(", createdIndex=")
        .append(createdIndex)
        .append(", modifiedIndex=")
        .append(modifiedIndex)
        .append('}')
        .toString();
  }
}
