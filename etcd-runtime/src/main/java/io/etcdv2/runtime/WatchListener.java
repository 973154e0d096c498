package io.etcdv2.runtime;

import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;

/**
 * Receives what a {@link Watch} sees, on the watch's own thread, one call at a time and never after
 * {@link Watch#stop()} has returned. Keep the calls short: the next poll waits for them.
 */
public interface WatchListener {
  /**
   * One change, such as {@code set}, {@code delete} or {@code expire}. Events arrive once each, in
   * index order.
   */
  void onEvent(KeysResult event);

  /**
   * The watch fell more than etcd's 1000-event history behind (etcd answered 401 "event index
   * cleared"), so some changes can no longer be delivered. Instead, {@code state} is a fresh read
   * of the watched key (recursive when the watch is) as of {@code etcdIndex}: replace what you
   * built from earlier events with it. Events after {@code etcdIndex} follow as usual.
   *
   * @param state the answer of a quorum GET: a node, or 404 if the key does not exist
   */
  void onResync(EtcdResponse<KeysResult> state, long etcdIndex);

  /**
   * An error that retrying will not heal, such as missing permissions; the watch has ended. Passing
   * outages (a member restarting, a dropped connection) are retried, not reported here.
   */
  void onError(Throwable error);

  /**
   * The watch has failed {@code failuresInARow} times in a row and keeps retrying, backing off from
   * 100 ms up to 5 s: etcd unreachable, answering 5xx, or answering without an event (an empty
   * body, {@code null}, a login page). Called at the third failure in a row and every tenth after
   * it, so that a watch that cannot make progress is never silent. The watch goes on; stop it if
   * you would rather not wait. Does nothing unless overridden.
   */
  default void onRetrying(Throwable problem, int failuresInARow) {}
}
