package io.etcdv2.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A key or directory of the fake's tree, as etcd's v2store node. */
final class StoreNode {
  final String path; // "/a/b"; the root is "/"
  final StoreNode parent;
  final Map<String, StoreNode> children; // null for a key
  final long createdIndex;
  final long seq; // orders equal expiry times
  String value = "";
  long modifiedIndex;
  long expireTime; // epoch nanos; 0 = permanent

  private StoreNode(
      String path, StoreNode parent, boolean dir, long index, long expireTime, long seq) {
    this.path = path;
    this.parent = parent;
    this.children = dir ? new LinkedHashMap<>() : null;
    this.createdIndex = index;
    this.modifiedIndex = index;
    this.expireTime = expireTime;
    this.seq = seq;
  }

  static StoreNode file(
      String path, StoreNode parent, String value, long index, long expireTime, long seq) {
    StoreNode node = new StoreNode(path, parent, false, index, expireTime, seq);
    node.value = value;
    return node;
  }

  static StoreNode dir(String path, StoreNode parent, long index, long expireTime, long seq) {
    return new StoreNode(path, parent, true, index, expireTime, seq);
  }

  boolean isDir() {
    return children != null;
  }

  boolean isPermanent() {
    return expireTime == 0;
  }

  String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Keys whose name starts with {@code _} are left out of listings. */
  boolean isHidden() {
    return name().startsWith("_");
  }

  /**
   * etcd's ttl: the remaining time rounded up to whole seconds, which is 0 or less once expired.
   */
  long ttl(long now) {
    long left = expireTime - now;
    long ttl = left / 1_000_000_000L;
    if (left % 1_000_000_000L > 0) ttl++;
    return ttl;
  }
}
