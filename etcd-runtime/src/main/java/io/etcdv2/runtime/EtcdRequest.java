package io.etcdv2.runtime;

import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdResponse;

/**
 * A request to one endpoint with each parameter set by name, as a generated client's {@code
 * requests()} builds it; parameters left unset are not sent.
 *
 * <pre>{@code
 * EtcdResponse<KeysResult> answer = etcd.requests().getKey("/config")
 *     .recursive(true).quorum(true).timeout(2).send();
 * }</pre>
 *
 * @param <T> the body of a successful answer
 * @param <R> the generated request class, returned by the setters
 */
public abstract class EtcdRequest<T, R extends EtcdRequest<T, R>> {
  private final String operation;
  private long timeoutSeconds = -1; // -1: the client's timeout

  /**
   * @param operation the endpoint's name, which error messages give
   */
  protected EtcdRequest(String operation) {
    this.operation = Arguments.checkNotNull(operation, "operation");
  }

  /**
   * Limits this call to {@code seconds}, all attempts included; 0 waits without limit. Without it
   * the client's timeout applies.
   *
   * @throws IllegalArgumentException if {@code seconds} is negative or beyond OkHttp's limit
   */
  public final R timeout(long seconds) {
    this.timeoutSeconds = Arguments.checkTimeout(seconds, "timeout");
    return self();
  }

  /** The call, not yet sent: execute it, enqueue it, or cancel it. */
  public final EtcdCall<T> call() {
    EtcdCall<T> call = newCall().operation(operation);
    return timeoutSeconds == -1 ? call : call.timeout(timeoutSeconds);
  }

  /**
   * Sends the request and waits for the answer.
   *
   * @return the response entity; status 408 when the request timed out
   * @throws io.etcdv2.api.EtcdException when etcd cannot be reached
   */
  public final EtcdResponse<T> send() {
    return call().execute();
  }

  /** The endpoint's call with the parameters set so far. */
  protected abstract EtcdCall<T> newCall();

  @SuppressWarnings("unchecked") // R is the generated subclass by the class's contract
  private R self() {
    return (R) this;
  }
}
