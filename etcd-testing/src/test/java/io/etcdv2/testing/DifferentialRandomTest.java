package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.etcdv2.testing.Differential.Step;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random operation sequences, each under a fresh directory of one real etcd and one fake, must get
 * the same answers (indexes compared as deltas within the sequence). A difference fails with the
 * shortest sequence, found by dropping operations, that still shows one.
 *
 * <p>{@code -Ddiff.sequences=1000 -Ddiff.ops=50 -Ddiff.seed=...} size and seed it.
 */
class DifferentialRandomTest {
  private static final int SEQUENCES = Integer.getInteger("diff.sequences", 1000);
  private static final int OPS = Integer.getInteger("diff.ops", 50);
  private static final long SEED = Long.getLong("diff.seed", 20261130L);

  // On a tmpfs etcd's fsync per write costs nothing: the test measures the fake, not the disk.
  @RegisterExtension
  static EtcdExtension etcd =
      Files.isWritable(Paths.get("/dev/shm"))
          ? EtcdExtension.builder().dataDirectoriesIn(Paths.get("/dev/shm")).build()
          : EtcdExtension.singleNode();

  @Test
  void randomSequencesAnswerAlike() {
    long started = System.nanoTime();
    try (FakeEtcd fake = FakeEtcd.start()) {
      Differential diff =
          new Differential(new Side("etcd", etcd.endpoints().get(0)), new Side("fake", fake.url()));
      int runs = 0;
      for (int s = 0; s < SEQUENCES; s++) {
        String prefix = "/r" + s;
        List<Op> ops = RandomOps.generate(new Random(SEED * 1_000_003L + s), prefix, OPS);
        List<String> differences = run(diff, prefix, ops);
        runs++;
        if (!differences.isEmpty()) {
          List<Op> shortest = shrink(diff, prefix, ops);
          StringBuilder report =
              new StringBuilder(
                  "sequence "
                      + s
                      + " (seed "
                      + SEED
                      + ") differs; the shortest sequence that still does, each under a fresh"
                      + " directory:\n");
          for (Op op : shortest) report.append("  ").append(op).append('\n');
          report
              .append("differences:\n")
              .append(String.join("\n", run(diff, prefix + "-min", shortest)));
          fail(report.toString());
        }
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.printf(
          "differential: %d sequences of %d operations in %d ms%n", runs, OPS, millis);
      diff.close();
    }
  }

  private static int fresh;

  /** Runs {@code ops} under {@code dir} on both servers, from a base taken after creating it. */
  private static List<String> run(Differential diff, String dir, List<Op> ops) {
    String prefix = dir + "-" + fresh++;
    List<Step> steps = new ArrayList<>();
    for (Op op : ops) steps.add(Step.of(retarget(op, dir, prefix)));
    Op mkdir = Op.form("PUT", "/v2/keys" + prefix, "dir=true");
    diff.real.send(mkdir, null);
    diff.fake.send(mkdir, null);
    diff.resetBases();
    try {
      return diff.run(steps);
    } finally {
      Op cleanup = Op.of("DELETE", "/v2/keys" + prefix + "?recursive=true");
      diff.real.send(cleanup, null);
      diff.fake.send(cleanup, null);
    }
  }

  private static Op retarget(Op op, String from, String to) {
    String target = op.target.replace("/v2/keys" + from, "/v2/keys" + to);
    return op.body == null
        ? Op.body(op.method, target, null, null)
        : Op.body(op.method, target, op.body, op.contentType);
  }

  /** Drops one operation at a time while a difference remains. */
  private static List<Op> shrink(Differential diff, String prefix, List<Op> ops) {
    List<Op> shortest = new ArrayList<>(ops);
    boolean dropped = true;
    while (dropped) {
      dropped = false;
      for (int i = 0; i < shortest.size(); i++) {
        List<Op> candidate = new ArrayList<>(shortest);
        candidate.remove(i);
        if (!run(diff, prefix, candidate).isEmpty()) {
          shortest = candidate;
          dropped = true;
          i--;
        }
      }
    }
    return shortest;
  }
}
