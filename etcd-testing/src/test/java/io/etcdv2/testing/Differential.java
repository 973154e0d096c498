package io.etcdv2.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same steps against real etcd and the fake and lists where their canonical answers
 * differ. {@code -Ddiff.debug} prints every step with its time and both answers.
 */
final class Differential {
  /** A wait that has not answered by then is taken to block; a mismatch is retried longer. */
  static final Duration WAIT_PROBE = Duration.ofMillis(15);

  /** One step: a request, the start or the end of a watch running alongside, or a pause. */
  static final class Step {
    final Op op;
    final String label; // START and AWAIT
    final boolean start;
    final long sleepMillis;
    final int repeat;

    private Step(Op op, String label, boolean start, long sleepMillis, int repeat) {
      this.op = op;
      this.label = label;
      this.start = start;
      this.sleepMillis = sleepMillis;
      this.repeat = repeat;
    }

    static Step of(Op op) {
      return new Step(op, null, false, 0, 1);
    }

    /** {@code op} sent {@code times} times; only the last answer is compared. */
    static Step repeat(Op op, int times) {
      return new Step(op, null, false, 0, times);
    }

    /** Starts a watch (or any request) that answers later, at {@link #await}. */
    static Step start(String label, Op op) {
      return new Step(op, label, true, 0, 1);
    }

    static Step await(String label) {
      return new Step(null, label, false, 0, 1);
    }

    static Step sleep(long millis) {
      return new Step(null, null, false, millis, 1);
    }

    @Override
    public String toString() {
      if (sleepMillis > 0) return "sleep " + sleepMillis + " ms";
      if (op == null) return "await " + label;
      return (start ? "start " + label + ": " : "") + op + (repeat > 1 ? " x" + repeat : "");
    }
  }

  final Side real;
  final Side fake;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "differential sender");
            thread.setDaemon(true);
            return thread;
          });

  Differential(Side real, Side fake) {
    this.real = real;
    this.fake = fake;
  }

  /** Takes both servers' current indexes as the bases that indexes are shown relative to. */
  void resetBases() {
    real.base = real.currentIndex();
    fake.base = fake.currentIndex();
  }

  /**
   * Waits until {@code side} counts more watchers than {@code before} or has answered, for at most
   * 2 s: an earlier watch that timed out can leave the count meanwhile, which only costs the wait.
   */
  private static void awaitWatching(Side side, long before, CompletableFuture<String> answer) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (!answer.isDone() && side.watchers() <= before && System.nanoTime() - deadline < 0) {
      sleep(5);
    }
  }

  /** The differences, each with the step and both answers; empty when they agree throughout. */
  List<String> run(List<Step> steps) {
    List<String> differences = new ArrayList<>();
    Map<String, CompletableFuture<String>[]> started = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      long t0 = System.nanoTime();
      String[] answers;
      if (step.sleepMillis > 0) {
        sleep(step.sleepMillis);
        continue;
      } else if (step.start) {
        long realWatchers = real.watchers();
        long fakeWatchers = fake.watchers();
        @SuppressWarnings({"unchecked", "rawtypes"}) // arrays of a generic type cannot be created
        CompletableFuture<String>[] pair =
            new CompletableFuture[] {
              real.sendAsync(step.op, Duration.ofSeconds(10)),
              fake.sendAsync(step.op, Duration.ofSeconds(10))
            };
        started.put(step.label, pair);
        // Both have registered the watch (or answered it) before the next step writes.
        awaitWatching(real, realWatchers, pair[0]);
        awaitWatching(fake, fakeWatchers, pair[1]);
        continue;
      } else if (step.op == null) {
        CompletableFuture<String>[] pair = started.remove(step.label);
        answers = new String[] {pair[0].join(), pair[1].join()};
      } else {
        for (int n = 1; n < step.repeat; n++) {
          real.send(step.op, null);
          fake.send(step.op, null);
        }
        answers = step.op.waits ? sendWait(step.op) : sendBoth(step.op);
      }
      if (System.getProperty("diff.debug") != null) {
        System.err.printf(
            "%6d us  %s%n  etcd: %s%n  fake: %s%n",
            (System.nanoTime() - t0) / 1_000,
            step,
            answers[0].replace("\n", " "),
            answers[1].replace("\n", " "));
      }
      if (!answers[0].equals(answers[1])) {
        differences.add(
            "step "
                + (i + 1)
                + ": "
                + step
                + "\n  etcd: "
                + answers[0].replace("\n", "\n        ")
                + "\n  fake: "
                + answers[1].replace("\n", "\n        "));
      }
    }
    return differences;
  }

  /** Both at once: the sequence takes as long as the slower server, not the sum. */
  private String[] sendBoth(Op op) {
    Future<String> onReal = sender.submit(() -> real.send(op, null));
    String fromFake = fake.send(op, null);
    try {
      return new String[] {onReal.get(), fromFake};
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  void close() {
    sender.shutdown();
    real.close();
    fake.close();
  }

  /**
   * A wait that answers from the history does so at once on both; one that would block is cut short
   * on both. Whichever side alone seems to block gets a longer second chance.
   */
  private String[] sendWait(Op op) {
    Future<String> onReal = sender.submit(() -> real.send(op, WAIT_PROBE));
    String fromFake = fake.send(op, WAIT_PROBE);
    String fromReal;
    try {
      fromReal = onReal.get();
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError(e);
    }
    if (fromReal.equals("TIMEOUT") != fromFake.equals("TIMEOUT")) {
      if (fromReal.equals("TIMEOUT")) fromReal = real.send(op, Duration.ofSeconds(2));
      else fromFake = fake.send(op, Duration.ofSeconds(2));
    }
    return new String[] {fromReal, fromFake};
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
