package io.etcdv2.api;

/**
 * The body of a successful keys API answer: {@code {"action":"set","node":{...},
 * "prevNode":{...}}}. A watch event has the same shape.
 */
public final class KeysResult {
  private String action;
  private Node node;
  private Node prevNode;

  KeysResult() {}

  /**
   * What happened: {@code get}, {@code set}, {@code create}, {@code update}, {@code delete}, {@code
   * compareAndSwap}, {@code compareAndDelete} or {@code expire}.
   */
  public String action() {
    return action;
  }

  /** The node after the action; null with {@code noValueOnSuccess}. */
  public Node node() {
    return node;
  }

  /** The node before a write that replaced or removed it; else null. */
  public Node prevNode() {
    return prevNode;
  }

  @Override
  public String toString() {
    return "KeysResult{action="
        + action
        + ", node="
        + node
        + (prevNode != null ? ", prevNode=" + prevNode : "")
        + '}';
  }
}
