package io.etcdv2.bench;

import io.etcdv2.testing.LocalEtcd;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs this client, hand-written OkHttp (text, and Moshi to a Map) and etcd4j side by side against
 * one local etcd it starts, and prints markdown tables of the medians. Within each round every
 * workload runs each client in turn (the order rotating from round to round), so that all of them
 * see the same machine state. Figures, never assertions.
 *
 * <pre>{@code
 * scripts/bench.sh                      # the default run, a few minutes on 2 cores
 * scripts/bench.sh -Dbench.quick=true   # a smoke run of about 30 s
 * }</pre>
 *
 * <p>The sequential workloads ({@code set1}, {@code get1}) interleave the clients within a round
 * instead: they take turns of {@code bench.turnMillis}, so that a drift of etcd's pace over seconds
 * meets every client alike (see {@link Workloads#sequential}).
 *
 * <p>System properties: {@code bench.quick}, {@code bench.rounds}, {@code bench.millis} (one
 * measurement window), {@code bench.sequentialMillis} (each client's time in a round of a
 * sequential workload), {@code bench.turnMillis}, {@code bench.warmupMillis} (per client and
 * warm-up pass), {@code bench.maxWarmupPasses}, {@code bench.watches}, {@code bench.watchWrites},
 * {@code bench.watchRounds}, {@code bench.groupSizes} (watches in one {@code WatchGroup}, such as
 * {@code 1,1000,10000}), {@code bench.groupWrites} and {@code bench.groupRate} (writes per second
 * while they watch), {@code bench.only} (workload ids: {@code set1, get1, set8, get8, set64, get64,
 * async64, cold, watches, delivery, group}), {@code bench.clients} ({@code etcd-client,
 * okhttp-text, okhttp-moshi, etcd4j}), {@code bench.out} (also write the tables to this file). The
 * {@code group} workload runs this client only: the others have no such thing.
 */
public final class Bench {
  static final List<String> WORKLOADS =
      List.of(
          "set1",
          "get1",
          "set8",
          "get8",
          "set64",
          "get64",
          "async64",
          "cold",
          "watches",
          "delivery",
          "group");

  private static final long START_NANOS = System.nanoTime();

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  /** The share of a warm-up pass spent compiling below which the JIT counts as settled. */
  static final double SETTLED_JIT_SHARE = 0.05;

  private Bench() {}

  /** How long and what to run. */
  record Config(
      String name,
      int rounds,
      long millis,
      long sequentialMillis,
      long turnMillis,
      long warmupMillis,
      int maxWarmupPasses,
      int watches,
      int watchWrites,
      int watchRounds,
      List<Integer> groupSizes,
      int groupWrites,
      int groupRate,
      Set<String> only,
      List<String> clients,
      String out,
      boolean coldStartsAtOnce) {

    static Config fromSystemProperties() {
      boolean quick = Boolean.getBoolean("bench.quick");
      Config base =
          quick
              ? new Config(
                  "quick",
                  1,
                  250,
                  250,
                  50,
                  150,
                  1,
                  100,
                  1_000,
                  1,
                  List.of(1, 100, 1_000),
                  200,
                  500,
                  Set.copyOf(WORKLOADS),
                  Clients.ALL,
                  null,
                  false)
              : new Config(
                  "default",
                  9,
                  1_000,
                  2_000,
                  50,
                  1_000,
                  8,
                  1_000,
                  20_000,
                  2,
                  List.of(1, 1_000, 10_000),
                  2_000,
                  500,
                  Set.copyOf(WORKLOADS),
                  Clients.ALL,
                  null,
                  false);
      long sequentialMillis = millis("bench.sequentialMillis", base.sequentialMillis);
      long turnMillis = millis("bench.turnMillis", base.turnMillis);
      return new Config(
          base.name,
          Integer.getInteger("bench.rounds", base.rounds),
          Long.getLong("bench.millis", base.millis),
          sequentialMillis,
          turnMillis,
          Long.getLong("bench.warmupMillis", base.warmupMillis),
          Math.max(1, Integer.getInteger("bench.maxWarmupPasses", base.maxWarmupPasses)),
          Integer.getInteger("bench.watches", base.watches),
          Integer.getInteger("bench.watchWrites", base.watchWrites),
          Integer.getInteger("bench.watchRounds", base.watchRounds),
          sizes("bench.groupSizes", base.groupSizes),
          Integer.getInteger("bench.groupWrites", base.groupWrites),
          Integer.getInteger("bench.groupRate", base.groupRate),
          list("bench.only", WORKLOADS),
          new ArrayList<>(list("bench.clients", Clients.ALL)),
          System.getProperty("bench.out"),
          false);
    }

    /**
     * A handful of operations of each workload, for the smoke test; its cold-start JVMs run all at
     * once, which makes their figures worthless but the test seconds shorter.
     */
    static Config smoke() {
      return new Config(
          "smoke",
          1,
          50,
          50,
          25,
          0,
          1,
          10,
          100,
          1,
          List.of(1, 10),
          50,
          500,
          Set.copyOf(WORKLOADS),
          Clients.ALL,
          null,
          true);
    }

    private static long millis(String property, long defaultMillis) {
      long millis = Long.getLong(property, defaultMillis);
      if (millis < 1) {
        throw new IllegalArgumentException(
            property + " is " + millis + ", which is not a number of milliseconds of 1 or more");
      }
      return millis;
    }

    private static List<Integer> sizes(String property, List<Integer> defaults) {
      String value = System.getProperty(property);
      if (value == null || value.isBlank()) return defaults;
      List<Integer> sizes = new ArrayList<>();
      for (String item : value.split(",")) {
        int size;
        try {
          size = Integer.parseInt(item.trim());
        } catch (NumberFormatException e) {
          size = 0;
        }
        if (size < 1) {
          throw new IllegalArgumentException(
              property
                  + " names \""
                  + item.trim()
                  + "\", which is"
                  + " not a number of watches of 1 or more");
        }
        sizes.add(size);
      }
      return sizes;
    }

    private static Set<String> list(String property, List<String> allowed) {
      String value = System.getProperty(property);
      if (value == null || value.isBlank()) return new LinkedHashSet<>(allowed);
      Set<String> chosen = new LinkedHashSet<>();
      for (String item : value.split(",")) {
        String id = item.trim();
        if (!allowed.contains(id)) {
          throw new IllegalArgumentException(
              property + " names \"" + id + "\", which is not one" + " of " + allowed);
        }
        chosen.add(id);
      }
      return chosen;
    }

    boolean runs(String workload) {
      return only.contains(workload);
    }

    String describe() {
      List<String> groups = new ArrayList<>();
      for (int size : groupSizes) groups.add(String.format(Locale.ROOT, "%,d", size));
      return String.format(
          Locale.ROOT,
          "Run \"%s\": rounds %d, windows of %,d ms after %,d ms of"
              + " warm-up per client and pass; sequential workloads %,d ms per client and round,"
              + " the clients interleaved in turns of %,d ms; %,d open watches and %,d watched"
              + " writes, rounds %d; groups of %s watches with %,d writes at %,d/s.",
          name,
          rounds,
          millis,
          warmupMillis,
          sequentialMillis,
          turnMillis,
          watches,
          watchWrites,
          watchRounds,
          String.join(", ", groups),
          groupWrites,
          groupRate);
    }
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.fromSystemProperties();
    Report report = run(config, System.err);
    String markdown = report.markdown(config);
    System.out.println(markdown);
    if (config.out() != null) {
      Files.writeString(Path.of(config.out()), markdown, StandardCharsets.UTF_8);
    }
    System.exit(0); // etcd4j's Netty threads are not daemons
  }

  /** Runs every selected workload, logging progress to {@code log}. */
  static Report run(Config config, PrintStream log) throws Exception {
    try (LocalEtcd etcd = LocalEtcd.start()) {
      String url = etcd.clientUrl();
      Meter.etcdProcess(etcd.pid());
      HandWritten writer = new HandWritten(url, HandWritten.Parse.MOSHI);
      List<BenchClient> clients = Clients.create(config.clients(), url);
      try {
        Workloads.preload(writer);
        Report report = new Report(Machine.describe(url, etcd.dataDir()));
        log.println("etcd-bench: " + config.describe());
        if (config.warmupMillis() > 0) report.describe(warmUp(config, clients, log));
        long jitBefore = JIT.getTotalCompilationTime();
        long throughputStart = System.nanoTime();
        for (int round = 0; round < config.rounds(); round++) {
          for (Workloads.Throughput workload : Workloads.THROUGHPUT) {
            if (!config.runs(workload.id())) continue;
            if (workload.threads() == 1 && !workload.async()) {
              sequential(report, workload, clients, round, config, log);
            } else {
              measureEach(
                  report,
                  workload,
                  clients,
                  round,
                  config,
                  log,
                  client -> () -> Workloads.throughput(client, workload, config.millis()));
            }
          }
        }
        long jitMillis = JIT.getTotalCompilationTime() - jitBefore;
        double throughputSeconds = (System.nanoTime() - throughputStart) / 1e9;
        if (report.rows(Report.THROUGHPUT).size() > 0) {
          report.describe(
              String.format(
                  Locale.ROOT,
                  "During the %.0f s of throughput rounds the JIT compiled for %,d ms.",
                  throughputSeconds,
                  jitMillis));
        }
        if (config.runs("cold")) {
          for (int round = 0; round < config.rounds(); round++) {
            List<Thread> atOnce = new ArrayList<>();
            for (BenchClient client : rotated(clients, round)) {
              int r = round;
              Runnable coldStart =
                  () ->
                      measure(
                          report,
                          Report.COLD_START,
                          "first get in a new JVM",
                          client,
                          r,
                          config,
                          log,
                          () -> Workloads.coldStart(client.id(), url));
              if (config.coldStartsAtOnce()) {
                Thread thread = new Thread(coldStart, "bench-cold-" + client.id());
                thread.start();
                atOnce.add(thread);
              } else {
                coldStart.run();
              }
            }
            for (Thread thread : atOnce) thread.join();
          }
        }
        if (config.runs("watches")) {
          String title = String.format(Locale.ROOT, "%,d watches", config.watches());
          for (int round = 0; round < config.watchRounds(); round++) {
            for (BenchClient client : rotated(clients, round)) {
              String dir = "/bench/watches/" + client.id() + "-" + round;
              measure(
                  report,
                  Report.WATCHES,
                  title,
                  client,
                  round,
                  config,
                  log,
                  () -> {
                    try {
                      return Workloads.manyWatches(
                          client.id(), url, writer, dir, config.watches(), config.millis());
                    } finally {
                      writer.deleteDir(dir);
                    }
                  });
            }
          }
        }
        if (config.runs("delivery")) {
          String title = String.format(Locale.ROOT, "%,d writes, 4 writers", config.watchWrites());
          for (int round = 0; round < config.watchRounds(); round++) {
            for (BenchClient client : rotated(clients, round)) {
              String dir = "/bench/delivery/" + client.id() + "-" + round;
              measure(
                  report,
                  Report.DELIVERY,
                  title,
                  client,
                  round,
                  config,
                  log,
                  () -> {
                    try {
                      return Workloads.delivery(client, writer, dir, config.watchWrites(), 4);
                    } finally {
                      writer.deleteDir(dir);
                    }
                  });
            }
          }
        }
        BenchClient self = find(clients, ThisClient.ID);
        if (config.runs("group") && self != null) {
          for (int round = 0; round < config.watchRounds(); round++) {
            for (int size : config.groupSizes()) {
              String dir = "/bench/group/" + size + "-" + round;
              measure(
                  report,
                  Report.GROUP,
                  Workloads.groupTitle(size),
                  self,
                  round,
                  config,
                  log,
                  () -> {
                    try {
                      return Workloads.watchGroup(
                          url, writer, dir, size, config.groupWrites(), config.groupRate());
                    } finally {
                      writer.deleteDir(dir);
                    }
                  });
            }
          }
        }
        return report;
      } finally {
        for (BenchClient client : clients) client.close();
        writer.close();
      }
    }
  }

  /**
   * One round of a sequential workload, the clients taking turns of {@code config.turnMillis()}
   * (see {@link Workloads#sequential}), {@code config.sequentialMillis()} per client in all.
   */
  private static void sequential(
      Report report,
      Workloads.Throughput workload,
      List<BenchClient> clients,
      int round,
      Config config,
      PrintStream log) {
    Map<BenchClient, Map<String, Double>> figures;
    try {
      figures =
          Workloads.sequential(
              rotated(clients, round),
              workload.set(),
              config.sequentialMillis(),
              config.turnMillis());
    } catch (RuntimeException e) {
      String failure = workload.title() + ", round " + (round + 1) + ": failed: " + e;
      report.note(failure);
      log.println(failure);
      return;
    }
    measureEach(report, workload, clients, round, config, log, client -> () -> figures.get(client));
  }

  /** One round of a throughput workload for each client, in this round's order. */
  private static void measureEach(
      Report report,
      Workloads.Throughput workload,
      List<BenchClient> clients,
      int round,
      Config config,
      PrintStream log,
      Function<BenchClient, Measurement> measurement) {
    for (BenchClient client : rotated(clients, round)) {
      measure(
          report,
          Report.THROUGHPUT,
          workload.title(),
          client,
          round,
          config,
          log,
          measurement.apply(client));
    }
  }

  /**
   * Runs each client through sets, gets and async sets, pass after pass, until the JIT has settled:
   * until a pass spent less than {@link #SETTLED_JIT_SHARE} of its time compiling, or after {@code
   * config.maxWarmupPasses()} passes. A client whose code is still being compiled in the measured
   * rounds runs slower, and the compiler threads' CPU lands in whoever's window it falls.
   */
  private static String warmUp(Config config, List<BenchClient> clients, PrintStream log)
      throws Exception {
    List<String> passes = new ArrayList<>();
    for (int pass = 1; ; pass++) {
      long jitBefore = JIT.getTotalCompilationTime();
      long start = System.nanoTime();
      for (BenchClient client : clients) {
        for (Workloads.Throughput workload : Workloads.THROUGHPUT) {
          if (workload.threads() == 64 && !workload.async()) continue;
          Workloads.throughput(client, workload, config.warmupMillis() / 2);
        }
      }
      long jitMillis = JIT.getTotalCompilationTime() - jitBefore;
      double share = jitMillis / ((System.nanoTime() - start) / 1e6);
      passes.add(String.format(Locale.ROOT, "%,d ms (%.0f%%)", jitMillis, 100 * share));
      log.printf(
          Locale.ROOT,
          "warm-up pass %d: the JIT compiled for %,d ms, %.1f%% of the pass%n",
          pass,
          jitMillis,
          100 * share);
      if (share < SETTLED_JIT_SHARE || pass >= config.maxWarmupPasses()) {
        return String.format(
            Locale.ROOT,
            "Warm-up: %d pass%s of every client through every workload but the 64-thread ones"
                + " (%,d ms each); the JIT compiled for %s of each pass's time.",
            pass,
            pass == 1 ? "" : "es",
            config.warmupMillis() / 2,
            String.join(", ", passes));
      }
    }
  }

  interface Measurement {
    Map<String, Double> run() throws Exception;
  }

  /** Runs one measurement; a failure is noted in the report and the run goes on. */
  private static void measure(
      Report report,
      Report.Section section,
      String workload,
      BenchClient client,
      int round,
      Config config,
      PrintStream log,
      Measurement measurement) {
    try {
      Map<String, Double> figures = measurement.run();
      report.add(section, workload, client, figures);
      Report.Column first = section.columns().get(0);
      log.printf(
          Locale.ROOT,
          "%6.1f s  round %d/%d  %-28s %-18s %,12.1f %s%s%n",
          (System.nanoTime() - START_NANOS) / 1e9,
          round + 1,
          section.equals(Report.THROUGHPUT) || section.equals(Report.COLD_START)
              ? config.rounds()
              : config.watchRounds(),
          workload,
          client.title(),
          figures.get(first.metric()),
          first.header(),
          figures.getOrDefault("errors", 0.0) > 0
              ? String.format(Locale.ROOT, " (%,.0f errors)", figures.get("errors"))
              : "");
    } catch (Exception e) {
      String failure =
          client.title() + ", " + workload + ", round " + (round + 1) + ": failed: " + e;
      report.note(failure);
      log.println(failure);
    }
  }

  private static BenchClient find(List<BenchClient> clients, String id) {
    for (BenchClient client : clients) if (client.id().equals(id)) return client;
    return null;
  }

  /** The clients starting with a different one each round, so no client always goes first. */
  static List<BenchClient> rotated(List<BenchClient> clients, int round) {
    List<BenchClient> order = new ArrayList<>(clients);
    Collections.rotate(order, -(round % Math.max(1, clients.size())));
    return order;
  }
}
