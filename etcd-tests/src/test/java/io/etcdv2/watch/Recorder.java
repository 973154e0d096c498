package io.etcdv2.watch;

import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.WatchListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A {@link WatchListener} that records every callback, with an optional hook run after each event
 * is recorded (outside the recorder's lock), which may block or throw.
 */
class Recorder implements WatchListener {
  /** Runs after an event is recorded; may block or throw anything, checked exceptions too. */
  interface Hook {
    void after(KeysResult event) throws Exception;
  }

  /** One resync as the listener saw it. */
  static final class Resync {
    final EtcdResponse<KeysResult> state;
    final long etcdIndex;

    /** How many events had arrived before it. */
    final int eventsBefore;

    Resync(EtcdResponse<KeysResult> state, long etcdIndex, int eventsBefore) {
      this.state = state;
      this.etcdIndex = etcdIndex;
      this.eventsBefore = eventsBefore;
    }

    @Override
    public String toString() {
      return "Resync{etcdIndex="
          + etcdIndex
          + ", eventsBefore="
          + eventsBefore
          + ", status="
          + state.status()
          + '}';
    }
  }

  private final Hook hook;
  private final List<KeysResult> events = new ArrayList<>();
  private final List<Resync> resyncs = new ArrayList<>();
  private final List<Throwable> errors = new ArrayList<>();
  private final List<Thread> callbackThreads = new ArrayList<>();

  /** Set by a test once stop() has returned; any callback after it is recorded as a violation. */
  final AtomicBoolean stopReturned = new AtomicBoolean();

  private final List<String> callbacksAfterStop = new ArrayList<>();
  private long highestIndex;

  Recorder() {
    this(event -> {});
  }

  Recorder(Hook hook) {
    this.hook = hook;
  }

  @Override
  public void onEvent(KeysResult event) {
    synchronized (this) {
      noteCallback("onEvent " + event);
      events.add(event);
      if (event.node() != null) highestIndex = Math.max(highestIndex, event.node().modifiedIndex());
      notifyAll();
    }
    try {
      hook.after(event);
    } catch (Exception e) {
      throw Recorder.<RuntimeException>sneaky(e);
    }
  }

  @Override
  public synchronized void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
    noteCallback("onResync " + etcdIndex);
    resyncs.add(new Resync(state, etcdIndex, events.size()));
    highestIndex = Math.max(highestIndex, etcdIndex);
    notifyAll();
  }

  @Override
  public synchronized void onError(Throwable error) {
    noteCallback("onError " + error);
    errors.add(error);
    notifyAll();
  }

  private void noteCallback(String what) {
    callbackThreads.add(Thread.currentThread());
    if (stopReturned.get()) callbacksAfterStop.add(what);
  }

  @SuppressWarnings("unchecked")
  static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  /**
   * Waits until {@code done} holds for this recorder or {@code within} passes; returns whether it
   * holds.
   */
  synchronized boolean await(Predicate<Recorder> done, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!done.test(this)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return false;
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for watch callbacks", e);
      }
    }
    return true;
  }

  /** Waits until an event or resync at or beyond {@code index} arrived. */
  boolean awaitIndex(long index, Duration within) {
    return await(r -> r.highestIndex >= index, within);
  }

  boolean awaitEvents(int count, Duration within) {
    return await(r -> r.events.size() >= count, within);
  }

  boolean awaitError(Duration within) {
    return await(r -> !r.errors.isEmpty(), within);
  }

  synchronized List<KeysResult> events() {
    return new ArrayList<>(events);
  }

  synchronized List<Long> eventIndexes() {
    List<Long> indexes = new ArrayList<>(events.size());
    for (KeysResult event : events) indexes.add(event.node().modifiedIndex());
    return indexes;
  }

  synchronized List<Resync> resyncs() {
    return new ArrayList<>(resyncs);
  }

  synchronized List<Throwable> errors() {
    return new ArrayList<>(errors);
  }

  synchronized List<Thread> callbackThreads() {
    return new ArrayList<>(callbackThreads);
  }

  synchronized List<String> callbacksAfterStop() {
    return new ArrayList<>(callbacksAfterStop);
  }

  synchronized long highestIndex() {
    return highestIndex;
  }

  @Override
  public synchronized String toString() {
    return "Recorder{events="
        + events.size()
        + ", highestIndex="
        + highestIndex
        + ", resyncs="
        + resyncs
        + ", errors="
        + errors
        + '}';
  }
}
