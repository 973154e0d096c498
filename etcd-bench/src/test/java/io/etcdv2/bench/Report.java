package io.etcdv2.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of every round, and the markdown tables of their medians. Each row is one workload
 * run by one client; ratios compare it with the baseline client's row of the same workload.
 */
final class Report {
  /** The client every ratio compares with. */
  static final String BASELINE = "okhttp-moshi";

  static final String BASELINE_TITLE = "OkHttp+Moshi";

  /** How to show one figure. */
  record Column(String metric, String header, String format, boolean ratio, boolean positive) {
    /** A figure that must be above zero in any healthy run. */
    static Column positive(String metric, String header, String format) {
      return new Column(metric, header, format, false, true);
    }

    /** A figure that may be zero or below, such as threads added. */
    static Column figure(String metric, String header, String format) {
      return new Column(metric, header, format, false, false);
    }

    /** A count that may well be zero, such as lost events. */
    static Column count(String metric, String header) {
      return new Column(metric, header, "%,.0f", false, false);
    }

    /** The row's median of {@code metric} over the baseline row's. */
    static Column ratio(String metric) {
      return new Column(metric, "x " + BASELINE_TITLE, "%.2f", true, false);
    }
  }

  /** A table: its title, what it shows, its columns; spread is taken on the first column. */
  record Section(String id, String title, String note, List<Column> columns) {}

  static final Section THROUGHPUT =
      new Section(
          "throughput",
          "Throughput",
          "ops/s over each window; CPU is this JVM's process CPU time (every thread, GC and JIT"
              + " included) per op; bytes are allocated by all threads per op",
          List.of(
              Column.positive("opsPerSecond", "ops/s", "%,.0f"),
              Column.ratio("opsPerSecond"),
              Column.positive("cpuMicrosPerOp", "CPU-us/op", "%,.0f"),
              Column.ratio("cpuMicrosPerOp"),
              Column.positive("bytesPerOp", "bytes/op", "%,.0f"),
              Column.ratio("bytesPerOp"),
              Column.count("errors", "errors")));

  static final Section COLD_START =
      new Section(
          "cold",
          "Cold start to first answer",
          "a new JVM per client and round: from main() (create the client, get one key) and from"
              + " starting the java process until the answer",
          List.of(
              Column.positive("mainMillis", "from main(), ms", "%,.0f"),
              Column.ratio("mainMillis"),
              Column.positive("processMillis", "from process start, ms", "%,.0f")));

  static final Section WATCHES =
      new Section(
          "watches",
          "Many open watches",
          "N watches on distinct keys kept open; threads and heap (after GC) they added; gets from 8"
              + " threads beside them; then each key written once and the events counted",
          List.of(
              Column.positive("getOpsPerSecond", "get ops/s beside", "%,.0f"),
              Column.ratio("getOpsPerSecond"),
              Column.figure("threads", "threads added", "%,.0f"),
              Column.figure("heapMb", "heap added, MB", "%,.1f"),
              Column.positive("fired", "events delivered", "%,.0f"),
              Column.positive("fireMillis", "to deliver all, ms", "%,.0f"),
              Column.count("errors", "errors")));

  static final Section DELIVERY =
      new Section(
          "delivery",
          "Watch delivery",
          "one recursive watch on a directory while 4 writer threads (hand-written OkHttp + Moshi, the"
              + " same for every watcher) write into it flat out; lost = writes never delivered as an"
              + " event (a resync skips them by design)",
          List.of(
              Column.positive("eventsPerSecond", "events/s delivered", "%,.0f"),
              Column.positive("writesPerSecond", "writes/s", "%,.0f"),
              Column.positive("events", "events", "%,.0f"),
              Column.count("behind", "behind when writes ended"),
              Column.count("resyncs", "resyncs"),
              Column.count("lost", "lost"),
              Column.count("duplicated", "duplicated"),
              Column.count("outOfOrder", "out of order")));

  static final Section GROUP =
      new Section(
          "group",
          "Watch group",
          "N watches of keys under one directory sharing one WatchGroup (one recursive long poll) of"
              + " a new EtcdClient; threads and heap (after GC) they added; then writes paced at a"
              + " steady rate (hand-written OkHttp + Moshi, asynchronous) to the watched keys in turn;"
              + " latency = from sending a write to its watch's listener call; this client only",
          List.of(
              Column.positive("p50Millis", "latency p50, ms", "%,.1f"),
              Column.positive("p99Millis", "p99, ms", "%,.1f"),
              Column.positive("maxMillis", "max, ms", "%,.1f"),
              Column.figure("threads", "threads added", "%,.0f"),
              Column.figure("heapMb", "heap added, MB", "%,.1f"),
              Column.positive("writesPerSecond", "writes/s", "%,.0f"),
              Column.positive("events", "events", "%,.0f"),
              Column.count("lost", "lost"),
              Column.count("duplicated", "duplicated"),
              Column.count("outOfOrder", "out of order"),
              Column.count("resyncs", "resyncs"),
              Column.count("errors", "errors")));

  static final List<Section> SECTIONS = List.of(THROUGHPUT, COLD_START, WATCHES, DELIVERY, GROUP);

  /** One workload run by one client, over the rounds. */
  static final class Row {
    final Section section;
    final String workload;
    final String client;
    final String clientTitle;
    final Map<String, List<Double>> rounds = new LinkedHashMap<>();

    Row(Section section, String workload, String client, String clientTitle) {
      this.section = section;
      this.workload = workload;
      this.client = client;
      this.clientTitle = clientTitle;
    }

    double median(String metric) {
      List<Double> values = new ArrayList<>(rounds.getOrDefault(metric, List.of()));
      if (values.isEmpty()) return Double.NaN;
      Collections.sort(values);
      int n = values.size();
      return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** (max - min) / median of {@code metric} over the rounds, 0 with one round. */
    double spread(String metric) {
      List<Double> values = rounds.getOrDefault(metric, List.of());
      if (values.size() < 2) return 0;
      double median = median(metric);
      return (Collections.max(values) - Collections.min(values)) / median;
    }

    /** The highest of {@code metric} over the rounds; NaN if never measured. */
    double max(String metric) {
      List<Double> values = rounds.getOrDefault(metric, List.of());
      return values.isEmpty() ? Double.NaN : Collections.max(values);
    }
  }

  private final Machine machine;
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> conditions = new ArrayList<>();

  Report(Machine machine) {
    this.machine = machine;
  }

  /** Records one round of {@code workload} by {@code client}. */
  synchronized void add(
      Section section, String workload, BenchClient client, Map<String, Double> figures) {
    Row row =
        rows.computeIfAbsent(
            section.id() + "|" + workload + "|" + client.id(),
            k -> new Row(section, workload, client.id(), client.title()));
    figures.forEach(
        (metric, value) -> row.rounds.computeIfAbsent(metric, k -> new ArrayList<>()).add(value));
  }

  /** A sentence on how the run went (warm-up, JIT), printed with the machine and the config. */
  synchronized void describe(String condition) {
    conditions.add(condition);
  }

  synchronized void note(String note) {
    notes.add(note);
  }

  synchronized List<Row> rows() {
    return new ArrayList<>(rows.values());
  }

  synchronized List<Row> rows(Section section) {
    List<Row> of = new ArrayList<>();
    for (Row row : rows.values()) if (row.section.equals(section)) of.add(row);
    return of;
  }

  private Row baseline(Row row) {
    return rows.get(row.section.id() + "|" + row.workload + "|" + BASELINE);
  }

  /** Every table, with the machine and how the figures were taken. */
  synchronized String markdown(Bench.Config config) {
    StringBuilder out = new StringBuilder();
    out.append("Machine: ").append(machine.describe()).append('\n');
    out.append("Load average (1, 5, 15 min) before the run: ")
        .append(machine.loadAverage())
        .append(". ")
        .append(config.describe());
    for (String condition : conditions) out.append(' ').append(condition);
    out.append(
            " Figures are medians of the rounds; spread = (max - min) / median of the first"
                + " figure; x ")
        .append(BASELINE_TITLE)
        .append(
            " = the median over the rounds of this row's figure over the hand-written OkHttp +"
                + " Moshi row's in the same round; others' CPU = the most CPU that processes other"
                + " than the benchmark and etcd took in one of the row's windows, as a share of all"
                + " cores (the noise of a shared machine).\n");
    for (Section section : SECTIONS) {
      List<Row> of = rows(section);
      if (of.isEmpty()) continue;
      out.append("\n### ")
          .append(section.title())
          .append("\n\n")
          .append(section.note())
          .append(".\n\n| workload | client |");
      StringBuilder rule = new StringBuilder("|---|---|");
      for (Column column : section.columns()) {
        out.append(' ').append(column.header()).append(" |");
        rule.append("---:|");
      }
      out.append(" spread | others' CPU |\n").append(rule).append("---:|---:|\n");
      for (Row row : of) {
        out.append("| ").append(row.workload).append(" | ").append(row.clientTitle).append(" |");
        for (Column column : section.columns()) {
          out.append(' ').append(cell(row, column)).append(" |");
        }
        double others = row.max(Workloads.OTHERS_CPU);
        out.append(
            String.format(
                Locale.ROOT,
                " %.0f%% | %s |%n",
                100 * row.spread(section.columns().get(0).metric()),
                Double.isNaN(others) ? "-" : String.format(Locale.ROOT, "%.0f%%", others)));
      }
    }
    for (String note : notes) out.append("\n- ").append(note);
    if (!notes.isEmpty()) out.append('\n');
    return out.toString();
  }

  /**
   * The median over the rounds of {@code row}'s figure over the baseline's in the same round: the
   * two ran minutes apart at most, back to back, so a machine that slows down for a while slows
   * both, where a ratio of medians would compare one client's good rounds with the other's bad
   * ones. The ratio of the medians when the rows do not have the same rounds.
   */
  static double pairedRatio(Row row, Row baseline, String metric) {
    List<Double> values = row.rounds.getOrDefault(metric, List.of());
    List<Double> bases = baseline.rounds.getOrDefault(metric, List.of());
    if (values.size() != bases.size()) {
      double base = baseline.median(metric);
      return base == 0 ? Double.NaN : row.median(metric) / base;
    }
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (bases.get(i) != 0) ratios.add(values.get(i) / bases.get(i));
    }
    if (ratios.isEmpty()) return Double.NaN;
    Collections.sort(ratios);
    int n = ratios.size();
    return n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
  }

  private String cell(Row row, Column column) {
    double value = row.median(column.metric());
    if (column.ratio()) {
      Row baseline = baseline(row);
      if (baseline == null) return "-";
      double ratio = pairedRatio(row, baseline, column.metric());
      return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, column.format(), ratio);
    }
    if (Double.isNaN(value)) return "-";
    return String.format(Locale.ROOT, column.format(), value);
  }
}
