package io.etcdv2.api;

/**
 * A request that got no usable answer from etcd: no member could be reached, the connection was
 * reset, the call was cancelled, or the server sent a body that does not match its Content-Type.
 * The message names the operation and the member (or, when every member failed, each member with
 * its own failure).
 *
 * <p>For a change (PUT, POST, DELETE) check {@link #outcomeUnknown()}: when it is true the request
 * reached a member before the connection failed, so etcd may or may not have applied it. The client
 * never sends a change twice; re-read the key before you retry.
 */
public final class EtcdException extends RuntimeException {
  private static final long serialVersionUID = 2L;

  private final String operation;
  private final String host;
  private final boolean outcomeUnknown;

  public EtcdException(String operation, String host, String problem, Throwable cause) {
    this(operation, host, problem, cause, false);
  }

  /**
   * @param outcomeUnknown whether a change may have been applied although it failed
   */
  public EtcdException(
      String operation, String host, String problem, Throwable cause, boolean outcomeUnknown) {
    super("etcd " + operation + " on " + host + " failed: " + problem, cause);
    this.operation = operation;
    this.host = host;
    this.outcomeUnknown = outcomeUnknown;
  }

  /** The operation that failed, such as {@code "set"} or {@code "getKey"}. */
  public String operation() {
    return operation;
  }

  /**
   * The member's scheme, host and port, such as {@code http://127.0.0.1:2379}; when every member of
   * a cluster failed, the members tried, separated by {@code ", "}.
   */
  public String host() {
    return host;
  }

  /**
   * True when a change (PUT, POST, DELETE) reached a member and then its connection failed before
   * an answer came: etcd may or may not have applied it. Re-read before you retry. False for reads
   * and for changes that never reached a member (connection refused, TLS handshake failed), which
   * certainly were not applied.
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
