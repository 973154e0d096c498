package io.etcdv2.runtime;

import io.etcdv2.api.EtcdCall;

/**
 * The request builder of an endpoint without optional parameters, such as {@code GET
 * /v2/auth/users}: its arguments are all given to {@code requests().endpoint(...)}, so what is left
 * to choose is the timeout. Generated clients share this class instead of generating one per such
 * endpoint.
 *
 * <pre>{@code
 * EtcdResponse<UserList> users = etcd.requests().getUsers().timeout(2).send();
 * }</pre>
 *
 * @param <T> the body of a successful answer
 */
public final class PlainRequest<T> extends EtcdRequest<T, PlainRequest<T>> {
  private final EtcdCall<T> call;

  PlainRequest(String operation, EtcdCall<T> call) {
    super(operation);
    this.call = Arguments.checkNotNull(call, "call");
  }

  /** A fresh copy of the endpoint's call, so that each {@code call()} can be sent on its own. */
  @Override
  protected EtcdCall<T> newCall() {
    return call.clone();
  }
}
