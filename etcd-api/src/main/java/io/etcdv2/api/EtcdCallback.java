package io.etcdv2.api;

/**
 * Receives the outcome of {@link EtcdCall#enqueue}: exactly one of the two methods is called once,
 * on an OkHttp dispatcher thread.
 */
public interface EtcdCallback<T> {
  /** Any HTTP answer, error statuses included, and the 408 timeout entity. */
  void onResponse(EtcdCall<T> call, EtcdResponse<T> response);

  /** A transport failure or a cancelled call. */
  void onFailure(EtcdCall<T> call, EtcdException failure);
}
