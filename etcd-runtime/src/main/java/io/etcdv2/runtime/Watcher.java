package io.etcdv2.runtime;

import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdError;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysApi;
import io.etcdv2.api.KeysResult;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The continuous watch: long-polls with {@code waitIndex} = the last event's modifiedIndex + 1, so
 * that every event arrives once and in order, renews quiet polls, backs off while etcd is
 * unreachable, and resyncs with a fresh read when etcd has cleared the history it needs.
 */
final class Watcher implements Watch, Runnable {
  private static final Logger LOG = Logger.getLogger(Watcher.class.getName());
  private static final long MIN_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 5_000;
  /** Failures in a row before the listener hears of them, and how often after that. */
  private static final int REPORT_AFTER = 3;
  private static final int REPORT_EVERY = 10;

  private final EtcdRuntime runtime;
  private final KeysApi keys;
  private final String key;
  private final Boolean recursive;
  private final long pollSeconds;
  private final WatchListener listener;
  private final Thread thread;
  /** Held while a listener call runs, so that stop() can wait for it. */
  private final Object listenerLock = new Object();
  private final Random jitter = new Random();

  /** Opens once the watch knows its first index, so that start() can wait for it. */
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile boolean stopped;
  private volatile long nextIndex;
  private volatile EtcdCall<?> current;
  /** Why the last {@link #send} returned null. */
  private Throwable lastProblem;
  private int failures; // in a row

  Watcher(EtcdRuntime runtime, KeysApi keys, String key, boolean recursive, long fromIndex,
      long pollSeconds, WatchListener listener) {
    this.runtime = runtime;
    this.keys = keys;
    this.key = key;
    this.recursive = recursive ? Boolean.TRUE : null;
    this.nextIndex = fromIndex;
    this.pollSeconds = pollSeconds;
    this.listener = listener;
    this.thread = new Thread(this, "etcd-watch " + key);
    this.thread.setDaemon(true);
  }

  /**
   * Starts the thread. Without a first index, waits (at most the client's timeout, or 5 s without
   * one) until the watch has read etcd's current index, so that every change made after start()
   * returns is delivered.
   */
  void start() {
    runtime.register(this);
    thread.start();
    if (nextIndex != 0) return;
    long seconds = runtime.timeoutSeconds() > 0 ? runtime.timeoutSeconds() : 5;
    try {
      started.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void run() {
    try {
      if (nextIndex == 0) {
        EtcdResponse<KeysResult> now = read();
        if (now == null) return;
        nextIndex = now.etcdIndex() + 1;
      }
      started.countDown();
      while (!stopped) {
        EtcdResponse<KeysResult> response = send(keys.getKey(key, recursive, null, null,
            Boolean.TRUE, nextIndex).timeout(pollSeconds));
        if (stopped) return;
        if (response == null) {
          retry(lastProblem); // refused, reset, or a member stopping mid-response
        } else if (response.isTimeout()) {
          failures = 0; // a quiet poll: ask again from the same index
        } else if (response.isSuccessful()) {
          KeysResult event = response.body();
          if (event == null || event.node() == null) {
            // etcd ends a poll without an event when its buffer for this watcher fills; anything
            // answering so again and again (a proxy's login page, say) must not be hammered.
            retry(new EtcdException("watch " + key, RealEtcdCall.hostName(runtime.host()),
                "answered " + response.status() + " without an event", null));
            continue;
          }
          failures = 0;
          long index = event.node().modifiedIndex();
          deliver(event);
          nextIndex = index + 1;
        } else if (isCleared(response)) {
          EtcdResponse<KeysResult> state = read();
          if (state == null) return;
          long index = state.etcdIndex();
          resync(state, index);
          nextIndex = index + 1;
        } else if (response.status() >= 500) {
          retry(new EtcdException("watch " + key, RealEtcdCall.hostName(runtime.host()),
              "answered " + response.status()
                  + (response.error() != null ? " " + response.error() : ""), null));
        } else {
          fail(response);
          return;
        }
      }
    } finally {
      stopped = true;
      started.countDown();
      runtime.unregister(this);
    }
  }

  /** A quorum read of the watched key; null when the watch ended meanwhile. */
  private EtcdResponse<KeysResult> read() {
    while (!stopped) {
      EtcdResponse<KeysResult> state =
          send(keys.getKey(key, recursive, null, Boolean.TRUE, null, null));
      if (stopped) return null;
      if (state != null && !state.isTimeout()
          && (state.isSuccessful() || isMissing(state))) {
        failures = 0;
        return state;
      }
      if (state != null && !state.isTimeout() && state.status() < 500) {
        fail(state);
        return null;
      }
      retry(state == null ? lastProblem : new EtcdException("watch " + key,
          RealEtcdCall.hostName(runtime.host()), state.isTimeout() ? "read timed out"
              : "read answered " + state.status(), null));
    }
    return null;
  }

  /**
   * Counts a failure, tells the listener at the third in a row and every tenth after, and backs
   * off; a first empty answer is retried at once, as etcd ends polls so when it is busy.
   */
  private void retry(Throwable problem) {
    failures++;
    if (failures >= REPORT_AFTER && (failures - REPORT_AFTER) % REPORT_EVERY == 0) {
      synchronized (listenerLock) {
        if (stopped) return;
        try {
          listener.onRetrying(problem, failures);
        } catch (Exception e) {
          LOG.log(Level.WARNING, "watch listener of " + key + " threw on onRetrying", e);
        }
      }
    }
    if (failures > 1 || problem == lastProblem) backoff(failures);
  }

  /** The answer, or null for a transport failure, which the caller retries. */
  private EtcdResponse<KeysResult> send(EtcdCall<KeysResult> call) {
    call.operation("watch");
    current = call;
    try {
      if (stopped) return null;
      return call.execute();
    } catch (EtcdException e) {
      if (!stopped) LOG.log(Level.FINE, "watch of " + key + " retries after " + e.getMessage());
      lastProblem = e;
      return null;
    } finally {
      current = null;
    }
  }

  private static boolean isCleared(EtcdResponse<?> response) {
    return response.status() == 400 && response.error() != null
        && response.error().errorCode() == EtcdError.EVENT_INDEX_CLEARED;
  }

  private static boolean isMissing(EtcdResponse<?> response) {
    return response.status() == 404 && response.error() != null
        && response.error().errorCode() == EtcdError.KEY_NOT_FOUND;
  }

  private void deliver(KeysResult event) {
    synchronized (listenerLock) {
      if (stopped) return;
      try {
        listener.onEvent(event);
      } catch (Exception e) { // Kotlin and sneaky throws can raise checked ones too
        LOG.log(Level.WARNING, "watch listener of " + key + " threw on " + event
            + "; the watch goes on", e);
      }
    }
  }

  private void resync(EtcdResponse<KeysResult> state, long index) {
    synchronized (listenerLock) {
      if (stopped) return;
      try {
        listener.onResync(state, index);
      } catch (Exception e) {
        LOG.log(Level.WARNING, "watch listener of " + key + " threw on resync at " + index
            + "; the watch goes on", e);
      }
    }
  }

  private void fail(EtcdResponse<KeysResult> response) {
    String problem = "etcd answered " + response.status()
        + (response.error() != null ? " " + response.error() : "") + ", which retrying cannot heal";
    EtcdException error = new EtcdException("watch " + key,
        RealEtcdCall.hostName(runtime.host()), problem, null);
    synchronized (listenerLock) {
      if (stopped) return;
      stopped = true;
      try {
        listener.onError(error);
      } catch (Exception e) {
        LOG.log(Level.WARNING, "watch listener of " + key + " threw on " + error, e);
      }
    }
  }

  /** Sleeps 100 ms doubling to 5 s, each with +-50% jitter; stop() cuts it short. */
  private void backoff(int failures) {
    long base = Math.min(MAX_BACKOFF_MILLIS, MIN_BACKOFF_MILLIS << Math.min(failures - 1, 16));
    long millis = base / 2 + (long) (jitter.nextDouble() * base);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      stopped = true; // only stop() interrupts this thread
    }
  }

  @Override
  public void stop() {
    stopped = true;
    EtcdCall<?> call = current;
    if (call != null) call.cancel();
    if (Thread.currentThread() == thread) return;
    thread.interrupt();
    synchronized (listenerLock) {
      // A listener call that was running has finished; none starts from now on.
    }
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return !stopped && thread.isAlive();
  }

  @Override
  public long nextIndex() {
    return nextIndex;
  }

  @Override
  public String toString() {
    return "Watch{" + key + (recursive != null ? ", recursive" : "") + ", nextIndex=" + nextIndex
        + (stopped ? ", stopped" : "") + '}';
  }
}
