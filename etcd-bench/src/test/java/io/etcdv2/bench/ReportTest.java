package io.etcdv2.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How rows are compared with the baseline's. */
class ReportTest {
  /** A slow round for the baseline only: the ratio of medians would say 1.8, pairs say 0.9. */
  @Test
  void ratioPairsTheRoundsOfBothRows() {
    Report.Row mine = row("this", 90, 45, 90);
    Report.Row baseline = row("okhttp-moshi", 100, 50, 50);

    assertEquals(0.9, Report.pairedRatio(mine, baseline, "opsPerSecond"), 1e-9);
  }

  @Test
  void ratioOfMediansWhenTheRoundsDiffer() {
    Report.Row mine = row("this", 90, 45, 90);
    Report.Row baseline = row("okhttp-moshi", 100, 50);

    assertEquals(90 / 75.0, Report.pairedRatio(mine, baseline, "opsPerSecond"), 1e-9);
  }

  private static Report.Row row(String client, double... rounds) {
    Report.Row row = new Report.Row(Report.THROUGHPUT, "get, 1 thread", client, client);
    List<Double> values = new java.util.ArrayList<>();
    for (double value : rounds) values.add(value);
    row.rounds.put("opsPerSecond", values);
    return row;
  }
}
