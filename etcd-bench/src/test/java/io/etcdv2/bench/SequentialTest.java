package io.etcdv2.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How {@link Workloads#sequential} interleaves clients and adds up their turns; no etcd. */
class SequentialTest {
  private final List<String> calls = new ArrayList<>();

  @Test
  void clientsTakeTurnsAndTheirFiguresAddUp() {
    Recording a = new Recording("a", true);
    Recording b = new Recording("b", false);
    Recording c = new Recording("c", true);

    Map<BenchClient, Map<String, Double>> figures =
        Workloads.sequential(List.of(a, b, c), true, 8, 2);

    // Two laps of the circuit a b c a c b: each client once right after each other.
    assertEquals(List.of("a", "b", "c", "a", "c", "b", "a", "b", "c", "a", "c", "b"), runs(calls));
    assertEquals(0.0, figures.get(a).get("errors"));
    assertTrue(figures.get(a).get("opsPerSecond") > 0, figures.get(a).toString());
    // b answers false: every call is an error, none an operation.
    assertEquals((double) b.calls, figures.get(b).get("errors"));
    assertEquals(0.0, figures.get(b).get("opsPerSecond"));
  }

  @Test
  void keysContinueFromSliceToSlice() {
    Recording a = new Recording("a", true);

    Workloads.sequential(List.of(a), false, 3, 1);

    assertEquals(a.calls, a.keys.size());
    for (int i = 0; i < a.keys.size(); i++) {
      assertEquals("/bench/k/" + (i % Workloads.KEYS), a.keys.get(i), "call " + i);
    }
  }

  @Test
  void everyClientComesRightAfterEveryOtherOnce() {
    for (int n = 1; n <= 6; n++) {
      int[] circuit = Workloads.circuit(n);
      assertEquals(Math.max(1, n * (n - 1)), circuit.length, "length for " + n);
      assertEquals(0, circuit[0]);
      Set<String> pairs = new HashSet<>();
      int[] turns = new int[n];
      for (int k = 0; k < circuit.length; k++) {
        turns[circuit[k]]++;
        int after = circuit[(k + 1) % circuit.length];
        if (n > 1) {
          assertTrue(
              after != circuit[k], "a client right after itself: " + Arrays.toString(circuit));
          assertTrue(pairs.add(circuit[k] + ">" + after), "twice: " + Arrays.toString(circuit));
        }
      }
      for (int c = 0; c < n; c++) {
        assertEquals(
            Math.max(1, n - 1), turns[c], "turns of " + c + " in " + Arrays.toString(circuit));
      }
    }
  }

  /** Consecutive calls of one client collapsed into one entry. */
  private static List<String> runs(List<String> calls) {
    List<String> runs = new ArrayList<>();
    for (String call : calls) {
      if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(call)) runs.add(call);
    }
    return runs;
  }

  private final class Recording implements BenchClient {
    final String id;
    final boolean answer;
    final List<String> keys = new ArrayList<>();
    int calls;

    Recording(String id, boolean answer) {
      this.id = id;
      this.answer = answer;
    }

    private boolean call(String key) {
      calls++;
      keys.add(key);
      SequentialTest.this.calls.add(id);
      try {
        Thread.sleep(0, 200_000);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return answer;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String title() {
      return id;
    }

    @Override
    public boolean set(String key, int value) {
      return call(key);
    }

    @Override
    public boolean get(String key) {
      return call(key);
    }

    @Override
    public void setAsync(String key, int value, Done done) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Watching watch(String key, boolean recursive, long fromIndex, WatchSink sink) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }
}
