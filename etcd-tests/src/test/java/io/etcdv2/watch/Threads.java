package io.etcdv2.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Thread accounting and bounded polling for the watch tests. */
final class Threads {
  private Threads() {}

  /** Every live thread of the JVM. */
  static Set<Thread> live() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  /**
   * OkHttp's process-wide task runner ({@code TaskRunner.INSTANCE}): shared by every OkHttp client
   * in the JVM (the launcher's health probe, MockWebServer, other tests' clients), it runs the
   * connection pools' cleanup and keeps idle threads for 60 s. It is not a client's thread.
   */
  static boolean isOkHttpTaskRunner(Thread thread) {
    return thread.getName().equals("OkHttp TaskRunner")
        || thread
            .getName()
            .equals("OkHttp ConnectionPool"); // the cleanup task's name while it runs
  }

  /**
   * A worker of an OkHttp dispatcher's pool waiting for work. OkHttp renames a worker to {@code
   * OkHttp <url>} while it runs a call, so the name tells an idle worker from a busy one. Idle
   * workers stay for 60 s (OkHttp's keep-alive) unless the client is closed.
   */
  static boolean isIdleDispatcherWorker(Thread thread) {
    Thread.State state = thread.getState();
    return thread.getName().equals("OkHttp Dispatcher")
        && (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING);
  }

  /** The live threads that are not in {@code before} and not {@code allowed}, described. */
  static List<String> added(Set<Thread> before, Predicate<Thread> allowed) {
    List<String> added = new ArrayList<>();
    for (Thread thread : live()) {
      if (!thread.isAlive() || before.contains(thread) || allowed.test(thread)) continue;
      added.add(
          "\""
              + thread.getName()
              + "\" "
              + thread.getState()
              + (thread.isDaemon() ? " daemon" : ""));
    }
    return added;
  }

  /**
   * Polls until no thread beyond {@code before} (and the allowed ones) is alive, for at most {@code
   * within}; returns the threads still there, empty when all ended.
   */
  static List<String> awaitNoneAdded(
      Set<Thread> before, Predicate<Thread> allowed, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    List<String> added = added(before, allowed);
    while (!added.isEmpty() && System.nanoTime() < deadline) {
      sleep(50);
      added = added(before, allowed);
    }
    return added;
  }

  /** Polls {@code condition} every 20 ms until it holds or {@code within} passes. */
  static boolean await(BooleanSupplier condition, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() >= deadline) return false;
      sleep(20);
    }
    return true;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
