package io.etcdv2.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU samples of a JFR recording fall: the top methods by own samples (the frame that was
 * running) and by total samples (anywhere on the stack), as percentages of all samples. With {@code
 * --alloc}, the same for the allocation samples, weighted by the bytes each stands for, plus the
 * allocated classes and the allocating lines.
 *
 * <pre>{@code
 * scripts/bench.sh -Dbench.only=get64 -Dbench.clients=etcd-client -Dbench.rounds=5 \
 *     -XX:StartFlightRecording=filename=etcd-bench/target/get64.jfr,settings=profile
 * java -cp "etcd-bench/target/test-classes" io.etcdv2.bench.JfrTop etcd-bench/target/get64.jfr 30
 * java -cp "etcd-bench/target/test-classes" io.etcdv2.bench.JfrTop --alloc etcd-bench/target/get64.jfr
 * }</pre>
 */
public final class JfrTop {
  private JfrTop() {}

  public static void main(String[] args) throws Exception {
    boolean alloc = args.length > 0 && args[0].equals("--alloc");
    int first = alloc ? 1 : 0;
    if (args.length < first + 1) {
      System.err.println("usage: JfrTop [--alloc] recording.jfr [how many, default 30]");
      System.exit(2);
    }
    String file = args[first];
    int top = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 30;
    String eventName = alloc ? "jdk.ObjectAllocationSample" : "jdk.ExecutionSample";
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> total = new HashMap<>();
    Map<String, Long> classes = new HashMap<>();
    long samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(file))) {
      if (!event.getEventType().getName().equals(eventName)) continue;
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) continue;
      long weight = alloc ? event.getLong("weight") : 1;
      samples += weight;
      List<RecordedFrame> frames = stack.getFrames();
      if (alloc) {
        RecordedClass type = event.getClass("objectClass");
        classes.merge(type.getName(), weight, Long::sum);
        self.merge(name(frames.get(0)) + ":" + frames.get(0).getLineNumber(), weight, Long::sum);
      } else {
        self.merge(name(frames.get(0)), weight, Long::sum);
      }
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (seen.add(name)) total.merge(name, weight, Long::sum);
      }
    }
    System.out.printf("%,d %s in %s%n", samples, alloc ? "bytes sampled" : "samples", file);
    if (alloc) print("allocated classes", classes, samples, top);
    print(
        alloc ? "own (the allocating line)" : "own samples (the running method)",
        self,
        samples,
        top);
    print("total (anywhere on the stack)", total, samples, top);
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(String title, Map<String, Long> counts, long samples, int top) {
    System.out.printf("%n%s%n", title);
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    for (Map.Entry<String, Long> entry : sorted.subList(0, Math.min(top, sorted.size()))) {
      System.out.printf("%6.1f%%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey());
    }
  }
}
