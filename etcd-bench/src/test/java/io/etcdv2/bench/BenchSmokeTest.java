package io.etcdv2.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every workload of the harness for a handful of operations against a real etcd, so that the
 * harness cannot rot unnoticed: every row of every table is there, with figures above zero and no
 * errors. It times nothing: speed is for the benchmark run to show, not to assert.
 */
class BenchSmokeTest {
  @Test
  void everyWorkloadGivesEveryClientARowWithFigures() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Bench.Config config = Bench.Config.smoke();
    Report report = Bench.run(config, new PrintStream(progress, true, StandardCharsets.UTF_8));
    String log = progress.toString(StandardCharsets.UTF_8);

    List<String> problems = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (Workloads.Throughput workload : Workloads.THROUGHPUT) titles.add(workload.title());
    expectRows(report, Report.THROUGHPUT, titles, Clients.ALL, problems);
    expectRows(report, Report.COLD_START, List.of("first get in a new JVM"), Clients.ALL, problems);
    expectRows(report, Report.WATCHES, List.of("10 watches"), Clients.ALL, problems);
    expectRows(report, Report.DELIVERY, List.of("100 writes, 4 writers"), Clients.ALL, problems);
    expectRows(
        report, Report.GROUP, List.of("1 watch", "10 watches"), List.of(ThisClient.ID), problems);
    if (report.rows(Report.GROUP).size() != 2) {
      problems.add("the watch group ran other clients: " + report.rows(Report.GROUP));
    }
    for (Report.Row row : report.rows()) {
      for (Report.Column column : row.section.columns()) {
        double value = row.median(column.metric());
        if (column.ratio()) continue;
        if (column.positive() && !(value > 0)) {
          problems.add(row.workload + " / " + row.client + ": " + column.header() + " = " + value);
        }
      }
      if (row.rounds.containsKey("errors") && row.median("errors") != 0) {
        problems.add(row.workload + " / " + row.client + ": " + row.median("errors") + " errors");
      }
    }
    assertEquals(List.of(), problems, log);

    String markdown = report.markdown(config);
    assertTrue(markdown.startsWith("Machine: "), markdown);
    assertTrue(markdown.contains("| set, 64 threads | EtcdClient (this) |"), markdown);
    assertTrue(markdown.contains("| 100 writes, 4 writers | etcd4j 2.18.0 |"), markdown);
    assertTrue(markdown.contains("### Watch group"), markdown);
    assertTrue(!markdown.contains("failed"), markdown);
  }

  private static void expectRows(
      Report report,
      Report.Section section,
      List<String> workloads,
      List<String> clients,
      List<String> problems) {
    List<String> found = new ArrayList<>();
    for (Report.Row row : report.rows(section)) found.add(row.workload + " / " + row.client);
    for (String workload : workloads) {
      for (String client : clients) {
        if (!found.contains(workload + " / " + client)) {
          problems.add("no row for " + section.title() + ": " + workload + " / " + client);
        }
      }
    }
  }
}
