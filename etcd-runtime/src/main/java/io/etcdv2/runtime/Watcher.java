package io.etcdv2.runtime;

import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdError;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysApi;
import io.etcdv2.api.KeysResult;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
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

  /** Long polls in flight while a watch catches up: each fetches one event of the history. */
  private static final int MAX_POLLS = 8;

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

  /** Long polls in flight by wait index; changed by the watch's thread, cancelled by stop(). */
  private final Map<Long, EtcdCall<KeysResult>> inFlight =
      new ConcurrentHashMap<Long, EtcdCall<KeysResult>>();

  private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
  private PollWindow window;
  private boolean lagging;
  private int generation; // bumped by a resync: older polls' answers are stale

  Watcher(
      EtcdRuntime runtime,
      KeysApi keys,
      String key,
      boolean recursive,
      long fromIndex,
      long pollSeconds,
      WatchListener listener) {
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
      window = new PollWindow(nextIndex);
      while (!stopped) {
        Answer answer;
        if (!lagging && inFlight.isEmpty()) {
          // Caught up: one long poll, on this thread, as a watch mostly is. It takes no slot of
          // the dispatcher, which a shared OkHttpClient may keep small.
          long waitIndex = window.next();
          EtcdResponse<KeysResult> response =
              send(
                  keys.getKey(key, recursive, null, null, Boolean.TRUE, waitIndex)
                      .timeout(pollSeconds));
          if (stopped) return;
          answer =
              new Answer(generation, waitIndex, response, response == null ? lastProblem : null);
        } else {
          for (Long waitIndex : window.wanted(MAX_POLLS, inFlight.keySet())) poll(waitIndex);
          try {
            answer = answers.take();
          } catch (InterruptedException e) {
            return; // only stop() interrupts this thread
          }
          if (stopped) return;
        }
        if (answer.generation != generation) continue; // a poll from before a resync
        inFlight.remove(answer.waitIndex);
        if (!handle(answer)) return;
        KeysResult event;
        while ((event = window.release()) != null) {
          deliver(event);
          nextIndex = window.next();
        }
        nextIndex = window.next();
      }
    } finally {
      stopped = true;
      for (EtcdCall<?> poll : inFlight.values()) poll.cancel();
      started.countDown();
      runtime.unregister(this);
    }
  }

  /** Sends a long poll from {@code waitIndex}; its answer goes to {@link #answers}. */
  private void poll(final long waitIndex) {
    final EtcdCall<KeysResult> call =
        keys.getKey(key, recursive, null, null, Boolean.TRUE, waitIndex)
            .timeout(pollSeconds)
            .operation("watch");
    final int sentIn = generation;
    inFlight.put(waitIndex, call);
    call.enqueue(
        new EtcdCallback<KeysResult>() {
          @Override
          public void onResponse(EtcdCall<KeysResult> done, EtcdResponse<KeysResult> response) {
            answers.add(new Answer(sentIn, waitIndex, response, null));
          }

          @Override
          public void onFailure(EtcdCall<KeysResult> done, EtcdException failure) {
            answers.add(new Answer(sentIn, waitIndex, null, failure));
          }
        });
  }

  /** Takes in one poll's answer; false when the watch has ended. */
  private boolean handle(Answer answer) {
    EtcdResponse<KeysResult> response = answer.response;
    if (response == null) {
      if (!stopped) {
        LOG.log(Level.FINE, "watch of " + key + " retries after " + answer.failure.getMessage());
      }
      lastProblem = answer.failure;
      retry(lastProblem); // refused, reset, or a member stopping mid-response
    } else if (response.isTimeout()) {
      failures = 0; // a quiet poll: ask again from the same index
    } else if (response.isSuccessful()) {
      KeysResult event = response.body();
      if (event == null || event.node() == null) {
        // etcd ends a poll without an event when its buffer for this watcher fills; anything
        // answering so again and again (a proxy's login page, say) must not be hammered.
        retry(problem("answered " + response.status() + " without an event"));
        return true;
      }
      failures = 0;
      window.answered(answer.waitIndex, event, response.etcdIndex());
      // Behind by more than the polls in flight can cover one by one: poll ahead.
      lagging = response.etcdIndex() - window.next() > MAX_POLLS;
    } else if (isCleared(response)) {
      cancelPolls();
      EtcdResponse<KeysResult> state = read();
      if (state == null) return false;
      long index = state.etcdIndex();
      resync(state, index);
      window.reset(index + 1);
      lagging = false;
    } else if (response.status() >= 500) {
      retry(problem(answered(response)));
    } else {
      fail(response);
      return false;
    }
    return true;
  }

  /** Cancels every poll in flight; answers still arriving from them are ignored. */
  private void cancelPolls() {
    generation++;
    for (EtcdCall<?> call : inFlight.values()) call.cancel();
    inFlight.clear();
  }

  /** One poll's outcome, queued for the watch's thread. */
  private static final class Answer {
    final int generation;
    final long waitIndex;
    final EtcdResponse<KeysResult> response; // null when failed
    final Throwable failure;

    Answer(int generation, long waitIndex, EtcdResponse<KeysResult> response, Throwable failure) {
      this.generation = generation;
      this.waitIndex = waitIndex;
      this.response = response;
      this.failure = failure;
    }
  }

  /** A quorum read of the watched key; null when the watch ended meanwhile. */
  private EtcdResponse<KeysResult> read() {
    while (!stopped) {
      EtcdResponse<KeysResult> state =
          send(keys.getKey(key, recursive, null, Boolean.TRUE, null, null));
      if (stopped) return null;
      if (state != null && !state.isTimeout() && (state.isSuccessful() || isMissing(state))) {
        failures = 0;
        return state;
      }
      if (state != null && !state.isTimeout() && state.status() < 500) {
        fail(state);
        return null;
      }
      retry(
          state == null
              ? lastProblem
              : problem(state.isTimeout() ? "read timed out" : "read " + answered(state)));
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
    return response.status() == 400
        && response.error() != null
        && response.error().errorCode() == EtcdError.EVENT_INDEX_CLEARED;
  }

  private static boolean isMissing(EtcdResponse<?> response) {
    return response.status() == 404
        && response.error() != null
        && response.error().errorCode() == EtcdError.KEY_NOT_FOUND;
  }

  private void deliver(KeysResult event) {
    synchronized (listenerLock) {
      if (stopped) return;
      try {
        listener.onEvent(event);
      } catch (Exception e) { // Kotlin and sneaky throws can raise checked ones too
        LOG.log(
            Level.WARNING,
            "watch listener of " + key + " threw on " + event + "; the watch goes on",
            e);
      }
    }
  }

  private void resync(EtcdResponse<KeysResult> state, long index) {
    synchronized (listenerLock) {
      if (stopped) return;
      try {
        listener.onResync(state, index);
      } catch (Exception e) {
        LOG.log(
            Level.WARNING,
            "watch listener of " + key + " threw on resync at " + index + "; the watch goes on",
            e);
      }
    }
  }

  /** A failure of this watch, naming the member it is on. */
  private EtcdException problem(String what) {
    return new EtcdException("watch " + key, RealEtcdCall.hostName(runtime.pinned()), what, null);
  }

  private static String answered(EtcdResponse<?> response) {
    return "answered "
        + response.status()
        + (response.error() != null ? " " + response.error() : "");
  }

  private void fail(EtcdResponse<KeysResult> response) {
    EtcdException error = problem("etcd " + answered(response) + ", which retrying cannot heal");
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
    // The watch's own thread cancels its polls as it leaves; cancel here too in case it is
    // blocked in a listener call.
    for (EtcdCall<?> poll : inFlight.values()) poll.cancel();
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

  /** Returns once a listener call that was running has finished. */
  void awaitListenerCall() {
    synchronized (listenerLock) {
      // nothing: holding the lock is the wait
    }
  }

  static void logListenerFailure(String key, Object during, Exception e) {
    LOG.log(
        Level.WARNING,
        "watch listener of " + key + " threw on " + during + "; the watch goes on",
        e);
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
    return "Watch{"
        + key
        + (recursive != null ? ", recursive" : "")
        + ", nextIndex="
        + nextIndex
        + (stopped ? ", stopped" : "")
        + '}';
  }
}
