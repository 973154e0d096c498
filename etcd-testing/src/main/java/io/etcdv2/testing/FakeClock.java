package io.etcdv2.testing;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a {@link FakeEtcd} expires keys by. It follows the real time unless the fake was built
 * with {@link FakeEtcd.Builder#manualClock()}, where it stands still; {@link #advance} moves it
 * forward in both cases, expiring what is due before it returns.
 *
 * <pre>{@code
 * FakeEtcd fake = FakeEtcd.builder().manualClock().start();
 * client.set("/lease", "me", 10);
 * fake.clock().advance(Duration.ofSeconds(11));   // /lease has expired, watchers were told
 * }</pre>
 */
public final class FakeClock {
  private final boolean manual;
  private final long origin; // epoch nanos at creation
  private final long originNanoTime;
  private long offset; // guarded by this
  private Runnable onAdvance = () -> {};

  FakeClock(boolean manual) {
    this.manual = manual;
    Instant now = Instant.now();
    this.origin = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    this.originNanoTime = System.nanoTime();
  }

  void onAdvance(Runnable onAdvance) {
    this.onAdvance = onAdvance;
  }

  /** Whether the clock moves only through {@link #advance}. */
  public boolean isManual() {
    return manual;
  }

  public Instant now() {
    long nanos = nanos();
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /**
   * Moves the clock forward: keys whose TTL ends by then expire, with {@code expire} events to
   * their watchers, before this returns.
   *
   * @throws IllegalArgumentException if {@code by} is negative
   */
  public void advance(Duration by) {
    if (by.isNegative()) throw new IllegalArgumentException("by must not be negative: " + by);
    synchronized (this) {
      offset += by.toNanos();
    }
    onAdvance.run();
  }

  /** Epoch nanoseconds. */
  synchronized long nanos() {
    long elapsed = manual ? 0 : System.nanoTime() - originNanoTime;
    return origin + elapsed + offset;
  }
}
