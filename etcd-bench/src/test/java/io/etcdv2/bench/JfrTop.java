package io.etcdv2.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU samples of a JFR recording fall: the top methods by own samples (the frame that was
 * running) and by total samples (anywhere on the stack), as percentages of all samples.
 *
 * <pre>{@code
 * scripts/bench.sh -Dbench.only=get64 -Dbench.clients=etcd-client -Dbench.rounds=5 \
 *     -XX:StartFlightRecording=filename=etcd-bench/target/get64.jfr,settings=profile
 * java -cp "etcd-bench/target/test-classes" io.etcdv2.bench.JfrTop etcd-bench/target/get64.jfr 30
 * }</pre>
 */
public final class JfrTop {
  private JfrTop() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: JfrTop recording.jfr [how many, default 30]");
      System.exit(2);
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) continue;
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) continue;
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (seen.add(name)) total.merge(name, 1, Integer::sum);
      }
    }
    System.out.printf("%,d execution samples in %s%n", samples, args[0]);
    print("own samples (the running method)", self, samples, top);
    print("total samples (anywhere on the stack)", total, samples, top);
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.printf("%n%s%n", title);
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    for (Map.Entry<String, Integer> entry : sorted.subList(0, Math.min(top, sorted.size()))) {
      System.out.printf("%6.1f%%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey());
    }
  }
}
