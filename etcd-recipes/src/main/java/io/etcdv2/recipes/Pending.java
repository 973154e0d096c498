package io.etcdv2.recipes;

import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A call sent asynchronously and waited for on the caller's thread, so that the wait honours a
 * deadline and interruption, and another thread can cut it short by cancelling the call.
 */
final class Pending<T> implements EtcdCallback<T> {
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile EtcdResponse<T> response;
  private volatile EtcdException failure;

  private Pending() {}

  /**
   * The answer; null when the deadline passed first (the call is then cancelled).
   *
   * @throws EtcdException on a transport failure or when the call was cancelled
   * @throws InterruptedException when interrupted (the call is then cancelled)
   */
  static <T> EtcdResponse<T> await(EtcdCall<T> call, long deadlineNanos, boolean hasDeadline)
      throws InterruptedException {
    Pending<T> pending = new Pending<>();
    call.enqueue(pending);
    try {
      if (hasDeadline) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !pending.done.await(left, TimeUnit.NANOSECONDS)) {
          call.cancel();
          return null;
        }
      } else {
        pending.done.await();
      }
    } catch (InterruptedException e) {
      call.cancel();
      throw e;
    }
    if (pending.failure != null) throw pending.failure;
    return pending.response;
  }

  @Override
  public void onResponse(EtcdCall<T> call, EtcdResponse<T> response) {
    this.response = response;
    done.countDown();
  }

  @Override
  public void onFailure(EtcdCall<T> call, EtcdException failure) {
    this.failure = failure;
    done.countDown();
  }
}
