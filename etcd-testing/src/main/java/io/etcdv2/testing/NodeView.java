package io.etcdv2.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** A node as an answer shows it (etcd's NodeExtern): fields left at their zero are omitted. */
final class NodeView {
  String key = "";
  String value; // null: omitted (directories)
  boolean dir;
  long expiration; // epoch nanos; 0: omitted
  long ttl;
  List<NodeView> nodes;
  long modifiedIndex;
  long createdIndex;

  NodeView(String key, long modifiedIndex, long createdIndex) {
    this.key = key;
    this.modifiedIndex = modifiedIndex;
    this.createdIndex = createdIndex;
  }

  /** The user-visible key: the root has none. */
  static String visibleKey(String path) {
    return path.equals("/") ? "" : path;
  }

  /** etcd's node.Repr: a directory's children only when recursive. */
  static NodeView of(StoreNode n, boolean recursive, boolean sorted, long now, Random order) {
    NodeView view = new NodeView(visibleKey(n.path), n.modifiedIndex, n.createdIndex);
    if (n.isDir()) {
      view.dir = true;
      view.expirationFrom(n, now);
      if (recursive) view.nodes = children(n, true, sorted, now, order);
    } else {
      view.value = n.value;
      view.expirationFrom(n, now);
    }
    return view;
  }

  /** etcd's loadInternalNode, for a get: a directory lists its children one level down. */
  void load(StoreNode n, boolean recursive, boolean sorted, long now, Random order) {
    if (n.isDir()) {
      dir = true;
      nodes = children(n, recursive, sorted, now, order);
    } else {
      value = n.value;
    }
    expirationFrom(n, now);
  }

  void expirationFrom(StoreNode n, long now) {
    if (n.isPermanent()) {
      expiration = 0;
      ttl = 0;
    } else {
      expiration = n.expireTime;
      ttl = n.ttl(now);
    }
  }

  private static List<NodeView> children(
      StoreNode n, boolean recursive, boolean sorted, long now, Random order) {
    List<NodeView> list = new ArrayList<>();
    for (StoreNode child : n.children.values()) {
      if (!child.isHidden()) list.add(of(child, recursive, sorted, now, order));
    }
    if (sorted) {
      list.sort(Comparator.comparing(v -> v.key));
    } else {
      Collections.shuffle(list, order); // Go's map order: nobody may rely on one
    }
    return list;
  }

  void json(StringBuilder out) {
    out.append('{');
    int start = out.length();
    if (!key.isEmpty()) GoJson.string(out.append("\"key\":"), key);
    if (value != null) GoJson.string(comma(out, start).append("\"value\":"), value);
    if (dir) comma(out, start).append("\"dir\":true");
    if (expiration != 0) {
      GoJson.string(comma(out, start).append("\"expiration\":"), GoJson.time(expiration));
    }
    if (ttl != 0) comma(out, start).append("\"ttl\":").append(ttl);
    if (nodes != null && !nodes.isEmpty()) {
      comma(out, start).append("\"nodes\":[");
      for (int i = 0; i < nodes.size(); i++) {
        if (i > 0) out.append(',');
        nodes.get(i).json(out);
      }
      out.append(']');
    }
    if (modifiedIndex != 0) {
      comma(out, start).append("\"modifiedIndex\":").append(Long.toUnsignedString(modifiedIndex));
    }
    if (createdIndex != 0) {
      comma(out, start).append("\"createdIndex\":").append(Long.toUnsignedString(createdIndex));
    }
    out.append('}');
  }

  private static StringBuilder comma(StringBuilder out, int start) {
    if (out.length() > start) out.append(',');
    return out;
  }
}
