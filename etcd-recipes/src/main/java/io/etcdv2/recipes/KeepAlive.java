package io.etcdv2.recipes;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a key alive by refreshing its TTL (value kept, watchers not told) every third of the TTL,
 * and tells its listener, on the scheduler's thread, when the key is gone (a refresh answered 404)
 * or when no refresh has been confirmed for so long that etcd may have expired the key.
 *
 * <p>That second moment is judged on this side's clock: etcd sets a key's expiry when it applies a
 * refresh, which is after the refresh was sent, so the key lives at least until the sending time of
 * the last confirmed refresh plus the TTL. The listener hears of it a tenth of the TTL (at least
 * 100 ms) before that, so a holder stops before anyone else can take over.
 *
 * <p>A refresh that failed (no answer, a 5xx, a refused connection) is tried again after a short
 * back-off (50 ms, doubling, at most a quarter of the interval) rather than at the next tick: with
 * ticks alone, an outage over two ticks (a member restart of over a third of the TTL) left a gap of
 * a whole TTL, past the safe window. Now an outage shorter than about half the TTL costs nothing.
 */
final class KeepAlive {
  interface Listener {
    /** A refresh found no key: it expired or someone deleted it. The keep-alive has stopped. */
    void gone();

    /**
     * No refresh was confirmed within the safe part of the TTL: etcd may expire the key any time
     * now. The keep-alive goes on trying; this is said once per such outage.
     */
    void expired();
  }

  private final EtcdClient etcd;
  private final ScheduledExecutorService executor;
  private final String key;
  private final long ttlSeconds;
  private final long intervalMillis;
  private final long safeNanos;
  private volatile Listener listener;
  private final Runnable tick =
      new Runnable() {
        @Override
        public void run() {
          tick();
        }
      };

  private boolean stopped;
  private boolean expiredSaid;
  private boolean inFlight;
  private long lastConfirmedSentNanos;
  private long modifiedIndex;
  private EtcdCall<KeysResult> current;
  private ScheduledFuture<?> ticks;
  private ScheduledFuture<?> deadline;
  private ScheduledFuture<?> retry;
  private int failuresInARow;

  /**
   * @param createdSentNanos when the request that created (or last refreshed) the key was sent
   */
  KeepAlive(
      EtcdClient etcd,
      ScheduledExecutorService executor,
      String key,
      long ttlSeconds,
      long createdSentNanos,
      long modifiedIndex,
      Listener listener) {
    this.etcd = etcd;
    this.executor = executor;
    this.key = key;
    this.ttlSeconds = ttlSeconds;
    long ttlMillis = TimeUnit.SECONDS.toMillis(ttlSeconds);
    this.intervalMillis = Math.max(50, ttlMillis / 3);
    this.safeNanos = TimeUnit.MILLISECONDS.toNanos(ttlMillis - Math.max(100, ttlMillis / 10));
    this.lastConfirmedSentNanos = createdSentNanos;
    this.modifiedIndex = modifiedIndex;
    this.listener = listener;
  }

  void listener(Listener listener) {
    this.listener = listener;
  }

  synchronized KeepAlive start() {
    if (stopped) return this;
    try {
      ticks =
          executor.scheduleWithFixedDelay(
              tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      stopped = true; // the recipe has closed
      return this;
    }
    scheduleDeadline();
    return this;
  }

  /** True once etcd may have expired the key: no refresh confirmed within the safe window. */
  synchronized boolean isPastSafeWindow() {
    return System.nanoTime() - lastConfirmedSentNanos >= safeNanos;
  }

  /** The key's modifiedIndex as of the last confirmed refresh. */
  synchronized long modifiedIndex() {
    return modifiedIndex;
  }

  /** Stops refreshing; the key then lives out its TTL unless deleted. */
  void stop() {
    EtcdCall<KeysResult> call;
    synchronized (this) {
      if (stopped) return;
      stopped = true;
      if (ticks != null) ticks.cancel(false);
      if (deadline != null) deadline.cancel(false);
      if (retry != null) retry.cancel(false);
      call = current;
      current = null;
    }
    if (call != null) call.cancel();
  }

  synchronized boolean isStopped() {
    return stopped;
  }

  private void tick() {
    final long sent;
    EtcdCall<KeysResult> call;
    synchronized (this) {
      if (stopped || inFlight) return;
      inFlight = true;
      sent = System.nanoTime();
      long timeout = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(safeNanos));
      call = etcd.async().refresh(key, ttlSeconds).timeout(timeout);
      current = call;
    }
    try {
      call.enqueue(
          new EtcdCallback<KeysResult>() {
            @Override
            public void onResponse(
                EtcdCall<KeysResult> c, final EtcdResponse<KeysResult> response) {
              post(
                  new Runnable() {
                    @Override
                    public void run() {
                      refreshed(sent, response);
                    }
                  });
            }

            @Override
            public void onFailure(EtcdCall<KeysResult> c, EtcdException failure) {
              post(
                  new Runnable() {
                    @Override
                    public void run() {
                      refreshed(sent, null);
                    }
                  });
            }
          });
    } catch (RuntimeException closedClient) {
      refreshed(sent, null);
    }
  }

  private void post(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException shutDown) {
      // the recipe has closed
    }
  }

  private void refreshed(long sent, EtcdResponse<KeysResult> response) {
    synchronized (this) {
      inFlight = false;
      current = null;
      if (stopped) return;
      if (response == null) {
        scheduleRetry();
        return;
      }
      if (response.isSuccessful()) {
        failuresInARow = 0;
        if (sent - lastConfirmedSentNanos > 0) lastConfirmedSentNanos = sent;
        if (response.body() != null && response.body().node() != null) {
          modifiedIndex = response.body().node().modifiedIndex();
        }
        expiredSaid = false;
        scheduleDeadline();
        return;
      }
      if (!Support.isMissing(response)) { // timeouts, 5xx: try again; the deadline decides
        scheduleRetry();
        return;
      }
      stopped = true;
      if (ticks != null) ticks.cancel(false);
      if (deadline != null) deadline.cancel(false);
      if (retry != null) retry.cancel(false);
    }
    listener.gone();
  }

  /**
   * Sends the next refresh after a back-off instead of at the next tick; called holding the lock.
   */
  private void scheduleRetry() {
    if (retry != null && !retry.isDone()) return;
    long delay = Math.min(Math.max(1, intervalMillis / 4), Support.backoffMillis(++failuresInARow));
    try {
      retry = executor.schedule(tick, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      retry = null; // the recipe has closed
    }
  }

  /** Runs the deadline check when the safe window of the last confirmed refresh ends. */
  private void scheduleDeadline() {
    if (deadline != null) deadline.cancel(false);
    long delay = lastConfirmedSentNanos + safeNanos - System.nanoTime();
    try {
      deadline =
          executor.schedule(
              new Runnable() {
                @Override
                public void run() {
                  checkDeadline();
                }
              },
              Math.max(0, delay),
              TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException shutDown) {
      deadline = null; // the recipe has closed
    }
  }

  private void checkDeadline() {
    synchronized (this) {
      if (stopped || expiredSaid) return;
      long left = lastConfirmedSentNanos + safeNanos - System.nanoTime();
      if (left > 0) {
        scheduleDeadline();
        return;
      }
      expiredSaid = true;
    }
    listener.expired();
  }

  @Override
  public String toString() {
    return "KeepAlive{" + key + ", ttl=" + ttlSeconds + "s}";
  }
}
