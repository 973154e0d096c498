package io.etcdv2.api;

/**
 * A request that got no usable answer from etcd: the connection was refused or reset, the call was
 * cancelled, or the server sent a body that does not match its Content-Type. The message names the
 * operation and the host.
 */
public final class EtcdException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String host;

  public EtcdException(String operation, String host, String problem, Throwable cause) {
    super("etcd " + operation + " on " + host + " failed: " + problem, cause);
    this.operation = operation;
    this.host = host;
  }

  /** The operation that failed, such as {@code "set"} or {@code "getKey"}. */
  public String operation() {
    return operation;
  }

  /** The server's scheme, host and port, such as {@code http://127.0.0.1:2379}. */
  public String host() {
    return host;
  }
}
