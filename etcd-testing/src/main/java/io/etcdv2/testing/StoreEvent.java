package io.etcdv2.testing;

/** A change, or the answer to a read: etcd's v2store Event. */
final class StoreEvent {
  static final String GET = "get";
  static final String CREATE = "create";
  static final String SET = "set";
  static final String UPDATE = "update";
  static final String DELETE = "delete";
  static final String COMPARE_AND_SWAP = "compareAndSwap";
  static final String COMPARE_AND_DELETE = "compareAndDelete";
  static final String EXPIRE = "expire";

  final String action;
  final NodeView node;
  NodeView prevNode;
  long etcdIndex;

  /** A refresh: kept in the history but never sent to watchers. */
  boolean refresh;

  /** One of etcd's own changes outside the keys namespace (members, cluster version). */
  final boolean internal;

  StoreEvent(String action, String path, long modifiedIndex, long createdIndex) {
    this(action, path, modifiedIndex, createdIndex, false);
  }

  private StoreEvent(
      String action, String path, long modifiedIndex, long createdIndex, boolean internal) {
    this.action = action;
    this.node = new NodeView(NodeView.visibleKey(path), modifiedIndex, createdIndex);
    this.internal = internal;
  }

  static StoreEvent internal(long index) {
    return new StoreEvent(SET, "/0", index, index, true);
  }

  boolean expireTimeSet() {
    return node.expiration != 0 && !action.equals(GET);
  }

  long index() {
    return node.modifiedIndex;
  }

  /** The event as a watcher receives it: the same change, with the index the watch began at. */
  StoreEvent forWatch(long etcdIndex) {
    StoreEvent copy = new StoreEvent(action, node.key.isEmpty() ? "/" : node.key, 0, 0, internal);
    copy.node.value = node.value;
    copy.node.dir = node.dir;
    copy.node.expiration = node.expiration;
    copy.node.ttl = node.ttl;
    copy.node.nodes = node.nodes;
    copy.node.modifiedIndex = node.modifiedIndex;
    copy.node.createdIndex = node.createdIndex;
    copy.prevNode = prevNode;
    copy.etcdIndex = etcdIndex;
    return copy;
  }

  /** A node was created: set on a new key, create, or an in-order POST. */
  boolean isCreated() {
    return action.equals(CREATE) || (action.equals(SET) && prevNode == null);
  }

  /** The body, ending with a newline; {@code noValueOnSuccess} drops the nodes of writes. */
  String json(boolean noValueOnSuccess) {
    boolean bare =
        noValueOnSuccess
            && (action.equals(SET)
                || action.equals(COMPARE_AND_SWAP)
                || action.equals(CREATE)
                || action.equals(UPDATE));
    StringBuilder out = new StringBuilder("{\"action\":");
    GoJson.string(out, action);
    if (!bare) {
      node.json(out.append(",\"node\":"));
      if (prevNode != null) prevNode.json(out.append(",\"prevNode\":"));
    }
    return out.append("}\n").toString();
  }
}
