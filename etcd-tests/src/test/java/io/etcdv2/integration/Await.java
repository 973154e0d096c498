package io.etcdv2.integration;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded polling for the real-etcd tests: no fixed long sleeps, every loop has a deadline. */
final class Await {
  private static final long POLL_MILLIS = 50;

  private Await() {}

  /**
   * Calls {@code probe} until its result satisfies {@code done} or {@code within} has passed, and
   * returns the last result either way, so that the caller's assertion reports what was seen.
   */
  static <T> T until(Supplier<T> probe, Predicate<? super T> done, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    T last = probe.get();
    while (!done.test(last) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while polling; last result " + last, e);
      }
      last = probe.get();
    }
    return last;
  }
}
