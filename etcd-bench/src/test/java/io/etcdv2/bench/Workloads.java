package io.etcdv2.bench;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.WatchGroup;
import io.etcdv2.runtime.WatchListener;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The workloads. Each runs one client for one round and returns its figures; none asserts anything
 * about speed.
 */
final class Workloads {
  /** Keys the throughput workloads set and get; {@link #preload} creates them. */
  static final int KEYS = 1000;

  static final String COLD_KEY = "/bench/cold";

  /** The figure of every measured window: other processes' share of the CPU, percent. */
  static final String OTHERS_CPU = "othersCpuPercent";

  private static final String[] KEY_NAMES = new String[KEYS];

  static {
    for (int i = 0; i < KEYS; i++) KEY_NAMES[i] = "/bench/k/" + i;
  }

  private Workloads() {}

  /** One throughput workload: an operation from a number of threads, or asynchronously. */
  record Throughput(String id, String title, boolean set, int threads, boolean async) {}

  static final List<Throughput> THROUGHPUT =
      List.of(
          new Throughput("set1", "set, 1 thread (sequential)", true, 1, false),
          new Throughput("get1", "get, 1 thread (sequential)", false, 1, false),
          new Throughput("set8", "set, 8 threads", true, 8, false),
          new Throughput("get8", "get, 8 threads", false, 8, false),
          new Throughput("set64", "set, 64 threads", true, 64, false),
          new Throughput("get64", "get, 64 threads", false, 64, false),
          new Throughput("async64", "set, async, 64 in flight", true, 64, true));

  /** Creates every key the workloads read. */
  static void preload(HandWritten writer) throws Exception {
    writer.setAll("/bench/k", KEYS); // the names in KEY_NAMES
    if (!writer.set(COLD_KEY, 1)) throw new IllegalStateException("cannot preload " + COLD_KEY);
    for (String key : new String[] {KEY_NAMES[0], KEY_NAMES[KEYS - 1]}) {
      if (!writer.get(key)) throw new IllegalStateException("cannot preload " + key);
    }
  }

  /** Runs {@code workload} for about {@code millis}; ops/s, CPU and bytes per op, errors. */
  static Map<String, Double> throughput(BenchClient client, Throughput workload, long millis)
      throws InterruptedException {
    return workload.async()
        ? async(client, workload.threads(), millis)
        : threads(client, workload.set(), workload.threads(), millis);
  }

  private static Map<String, Double> threads(
      BenchClient client, boolean set, int threads, long millis) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong ops = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(threads);
    // Workers stay alive until the window is read: the bytes a thread allocated are lost with it.
    CountDownLatch measured = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * (KEYS / threads);
      Thread worker =
          new Thread(
              () -> {
                ready.countDown();
                try {
                  go.await();
                  long done = 0;
                  long failed = 0;
                  for (int i = offset; !stop.get(); i++) {
                    String key = KEY_NAMES[i % KEYS];
                    try {
                      if (set ? client.set(key, i) : client.get(key)) done++;
                      else failed++;
                    } catch (Exception e) {
                      failed++;
                    }
                  }
                  ops.addAndGet(done);
                  errors.addAndGet(failed);
                  finished.countDown();
                  measured.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "bench-" + t);
      worker.start();
      workers.add(worker);
    }
    ready.await();
    Meter.gc();
    Meter meter = Meter.start();
    go.countDown();
    Thread.sleep(millis);
    stop.set(true);
    if (!finished.await(60, TimeUnit.SECONDS)) {
      for (Thread worker : workers) worker.interrupt();
      throw new IllegalStateException(client.id() + ": a call hangs");
    }
    Meter.Window window = meter.stop();
    measured.countDown();
    for (Thread worker : workers) worker.join();
    return figures(window, ops.get(), errors.get());
  }

  /**
   * Runs a sequential workload for all {@code clients} interleaved on this thread, each making
   * calls for about {@code turnMillis} at a time and {@code millis} in all; its figures are summed
   * over its turns. A sequential call waits for etcd (a set for its fsync), whose pace on a shared
   * machine drifts over seconds; turns of tens of milliseconds put every client in the same
   * seconds, where one window per client compared different ones.
   *
   * <p>What one client leaves running (etcd4j's event loop, a collection of its garbage) is counted
   * in the next turn, whoever's it is. The turns follow {@link #circuit}, in which every client
   * comes right after every other equally often, so that this lands evenly on everybody rather than
   * always on the same neighbour.
   */
  static Map<BenchClient, Map<String, Double>> sequential(
      List<BenchClient> clients, boolean set, long millis, long turnMillis) {
    int n = clients.size();
    int[] circuit = circuit(n);
    int turnsPerLap = Math.max(1, n - 1); // of each client
    int laps = (int) Math.max(1, Math.round(millis / (double) turnMillis / turnsPerLap));
    Turns[] turns = new Turns[n];
    for (int c = 0; c < n; c++) turns[c] = new Turns();
    Meter.gc();
    long turnNanos = TimeUnit.MILLISECONDS.toNanos(millis) / (laps * turnsPerLap);
    for (int lap = 0; lap < laps; lap++) {
      for (int c : circuit) {
        BenchClient client = clients.get(c);
        Turns mine = turns[c];
        long done = 0;
        long failed = 0;
        Meter meter = Meter.start();
        long deadline = System.nanoTime() + turnNanos;
        do {
          String key = KEY_NAMES[mine.next++ % KEYS];
          try {
            if (set ? client.set(key, mine.next) : client.get(key)) done++;
            else failed++;
          } catch (Exception e) {
            failed++;
          }
        } while (System.nanoTime() < deadline);
        mine.add(meter.stop(), done, failed);
      }
    }
    Map<BenchClient, Map<String, Double>> figures = new LinkedHashMap<>();
    for (int c = 0; c < n; c++) figures.put(clients.get(c), turns[c].figures());
    return figures;
  }

  /** One client's turns added up, and the key its next call uses. */
  private static final class Turns {
    int next;
    long nanos;
    long cpuNanos;
    long allocatedBytes;
    long ops;
    long errors;
    double othersCpuNanos; // others' share of the CPU, weighted by each turn's length

    void add(Meter.Window window, long done, long failed) {
      nanos += window.nanos();
      cpuNanos += window.cpuNanos();
      allocatedBytes += window.allocatedBytes();
      ops += done;
      errors += failed;
      othersCpuNanos += window.othersCpuShare() * window.nanos();
    }

    Map<String, Double> figures() {
      Meter.Window all = new Meter.Window(nanos, cpuNanos, allocatedBytes, othersCpuNanos / nanos);
      return Workloads.figures(all, ops, errors);
    }
  }

  /**
   * An order of turns for {@code n} clients, starting with client 0 and read as a loop, in which
   * every client comes right after every other exactly once (an Eulerian circuit of the complete
   * directed graph, by Hierholzer's algorithm): n(n - 1) turns, n - 1 for each client.
   */
  static int[] circuit(int n) {
    if (n == 1) return new int[] {0};
    int[] used = new int[n]; // how many of each client's n - 1 successors were taken
    Deque<Integer> stack = new ArrayDeque<>();
    List<Integer> reversed = new ArrayList<>();
    stack.push(0);
    while (!stack.isEmpty()) {
      int from = stack.peek();
      if (used[from] < n - 1) {
        stack.push((from + 1 + used[from]++) % n);
      } else {
        reversed.add(stack.pop());
      }
    }
    // The walk returns to client 0: drop that last step, closing the loop instead.
    int[] circuit = new int[reversed.size() - 1];
    for (int k = 0; k < circuit.length; k++) circuit[k] = reversed.get(reversed.size() - 1 - k);
    return circuit;
  }

  private static Map<String, Double> async(BenchClient client, int inFlight, long millis)
      throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    AtomicLong ops = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    BenchClient.Done done =
        ok -> {
          (ok ? ops : errors).incrementAndGet();
          permits.release();
        };
    Meter.gc();
    Meter meter = Meter.start();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (int i = 0; System.nanoTime() < deadline; i++) {
      permits.acquire();
      client.setAsync(KEY_NAMES[i % KEYS], i, done);
    }
    if (!permits.tryAcquire(inFlight, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(client.id() + ": an asynchronous call never completed");
    }
    return figures(meter.stop(), ops.get(), errors.get());
  }

  private static Map<String, Double> figures(Meter.Window window, long ops, long errors) {
    Map<String, Double> figures = new LinkedHashMap<>();
    long counted = Math.max(ops, 1);
    figures.put("opsPerSecond", ops / window.seconds());
    figures.put("cpuMicrosPerOp", window.cpuNanos() / 1e3 / counted);
    figures.put("bytesPerOp", (double) window.allocatedBytes() / counted);
    figures.put("errors", (double) errors);
    figures.put(OTHERS_CPU, 100 * window.othersCpuShare());
    return figures;
  }

  /**
   * Starts a JVM that creates {@code client}, gets one key and exits; milliseconds from its {@code
   * main()} and from starting the process until the answer.
   */
  static Map<String, Double> coldStart(String client, String url)
      throws IOException, InterruptedException {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ColdStart.class.getName(),
                client,
                url,
                COLD_KEY)
            .redirectErrorStream(true);
    long start = System.nanoTime();
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    long mainNanos = -1;
    long processNanos = -1;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.startsWith(ColdStart.PREFIX)) {
          processNanos = System.nanoTime() - start;
          mainNanos = Long.parseLong(line.substring(ColdStart.PREFIX.length()).trim());
        } else {
          output.append(line).append('\n');
        }
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    if (mainNanos < 0) {
      throw new IllegalStateException(client + ": the cold-start JVM did not answer:\n" + output);
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("mainMillis", mainNanos / 1e6);
    figures.put("processMillis", processNanos / 1e6);
    return figures;
  }

  /**
   * Creates a fresh {@code client} (so that no idle pool thread of an earlier workload hides the
   * threads its watches need), opens {@code count} watches on distinct keys under {@code dir},
   * measures the threads and heap they add and gets from 8 threads beside them, then writes every
   * watched key once (through {@code writer}) and counts the events until all arrived.
   */
  static Map<String, Double> manyWatches(
      String clientId, String url, HandWritten writer, String dir, int count, long millis)
      throws Exception {
    long from = writer.etcdIndex() + 1;
    awaitSteadyThreads(); // the previous client's watch threads are still ending
    long newestThread = Meter.newestThreadId();
    long heapBefore = Meter.heapAfterGc();
    AtomicInteger fired = new AtomicInteger();
    AtomicLong failures = new AtomicLong();
    BitSet seen = new BitSet(count);
    List<BenchClient.Watching> watches = new ArrayList<>();
    try (BenchClient client = Clients.create(clientId, url)) {
      try {
        for (int i = 0; i < count; i++) {
          int watch = i;
          watches.add(
              client.watch(
                  dir + "/" + i,
                  false,
                  from,
                  new BenchClient.WatchSink() {
                    @Override
                    public void event(String key, long modifiedIndex) {
                      synchronized (seen) {
                        if (seen.get(watch)) return;
                        seen.set(watch);
                      }
                      fired.incrementAndGet();
                    }

                    @Override
                    public void resync(long etcdIndex) {
                      failures.incrementAndGet();
                    }

                    @Override
                    public void failure(Throwable error) {
                      failures.incrementAndGet();
                    }
                  }));
        }
        awaitSteadyThreads();
        int threads = Meter.threadsStartedAfter(newestThread);
        long heap = Meter.heapAfterGc() - heapBefore;

        Map<String, Double> figures = new LinkedHashMap<>();
        Map<String, Double> gets = threads(client, false, 8, millis);
        figures.put("getOpsPerSecond", gets.get("opsPerSecond"));
        figures.put(OTHERS_CPU, gets.get(OTHERS_CPU));
        figures.put("threads", (double) threads);
        figures.put("heapMb", heap / 1024.0 / 1024.0);

        long start = System.nanoTime();
        writer.setAll(dir, count);
        long deadline = start + TimeUnit.SECONDS.toNanos(30);
        while (fired.get() < count && System.nanoTime() < deadline) Thread.sleep(5);
        figures.put("fired", (double) fired.get());
        figures.put("fireMillis", (System.nanoTime() - start) / 1e6);
        figures.put("errors", gets.get("errors") + failures.get() + (count - fired.get()));
        return figures;
      } finally {
        for (BenchClient.Watching watch : watches) watch.stop();
      }
    } finally {
      awaitSteadyThreads();
    }
  }

  /** Waits until the thread count stops changing: the clients start their polls lazily. */
  private static void awaitSteadyThreads() throws InterruptedException {
    int last = -1;
    int steady = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (steady < 4 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      int now = Meter.threads();
      steady = now == last ? steady + 1 : 0;
      last = now;
    }
  }

  /**
   * One recursive watch on {@code dir} while {@code writers} threads write {@code writes} keys
   * under it flat out: events delivered per second and whether each arrived once, in order.
   */
  static Map<String, Double> delivery(
      BenchClient client, HandWritten writer, String dir, int writes, int writers)
      throws Exception {
    long from = writer.etcdIndex() + 1;
    Delivered delivered = new Delivered(from);
    Meter meter = Meter.start();
    BenchClient.Watching watch = client.watch(dir, true, from, delivered);
    try {
      BitSet written = new BitSet();
      AtomicLong writeErrors = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < writers; t++) {
        int writerIndex = t;
        Thread thread =
            new Thread(
                () -> {
                  for (int i = writerIndex; i < writes; i += writers) {
                    try {
                      long index = writer.setIndex(dir + "/w" + writerIndex + "/" + (i % 50), i);
                      synchronized (written) {
                        written.set((int) (index - from));
                      }
                    } catch (Exception e) {
                      writeErrors.incrementAndGet();
                    }
                  }
                },
                "bench-writer-" + t);
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) thread.join();
      long writesDone = System.nanoTime();
      long behind = writes - writeErrors.get() - delivered.events();
      int last = written.length() - 1;
      // Wait for the last write's event, or for the watch to fall silent.
      long idleSince = System.nanoTime();
      long seen = -1;
      while (!delivered.reached(last + from)) {
        long now = System.nanoTime();
        long events = delivered.count();
        if (events != seen) {
          seen = events;
          idleSince = now;
        } else if (now - idleSince > TimeUnit.SECONDS.toNanos(3)) {
          break;
        }
        Thread.sleep(5);
      }
      Map<String, Double> figures =
          delivered.figures(written, writes - writeErrors.get(), start, writesDone);
      figures.put("behind", (double) Math.max(0, behind));
      figures.put(OTHERS_CPU, 100 * meter.stop().othersCpuShare());
      return figures;
    } finally {
      watch.stop();
    }
  }

  /** Such as "1 watch" or "10,000 watches": the row of a watch group workload. */
  static String groupTitle(int size) {
    return String.format(Locale.ROOT, size == 1 ? "%,d watch" : "%,d watches", size);
  }

  /**
   * Creates a fresh EtcdClient, starts one {@link WatchGroup} on {@code dir} and {@code count}
   * watches of keys under it, and measures the threads and heap they add; then writes {@code
   * writes} times, {@code perSecond} a second, to the watched keys in turn (through {@code writer},
   * asynchronously) and measures the time from sending each write to its watch's listener call.
   * Each write's value is its number, so each event names its write.
   */
  static Map<String, Double> watchGroup(
      String url, HandWritten writer, String dir, int count, int writes, int perSecond)
      throws Exception {
    long from = writer.etcdIndex() + 1;
    awaitSteadyThreads(); // the previous client's threads are still ending
    long newestThread = Meter.newestThreadId();
    long heapBefore = Meter.heapAfterGc();
    GroupSink sink = new GroupSink(writes);
    try (EtcdClient etcd = EtcdClient.builder().host(url).build()) {
      WatchGroup group = etcd.watch(dir).fromIndex(from).startGroup();
      try {
        for (int i = 0; i < count; i++) group.watch(dir + "/" + i, sink.listener());
        awaitSteadyThreads();
        int threads = Meter.threadsStartedAfter(newestThread);
        long heap = Meter.heapAfterGc() - heapBefore;

        Meter meter = Meter.start();
        int inFlight = 256;
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong writeErrors = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        for (int w = 0; w < writes; w++) {
          long due = start + w * interval;
          for (long wait; (wait = due - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
          permits.acquire();
          sink.sent(w, System.nanoTime());
          writer.setAsync(
              dir + "/" + (w % count),
              w,
              ok -> {
                if (!ok) writeErrors.incrementAndGet();
                permits.release();
              });
        }
        if (!permits.tryAcquire(inFlight, 60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("writes to " + dir + " did not complete in 60 s");
        }
        long writesDone = System.nanoTime();
        sink.await(
            writes - writeErrors.get(), TimeUnit.SECONDS.toNanos(3), TimeUnit.SECONDS.toNanos(30));

        Map<String, Double> figures = sink.figures();
        figures.put("threads", (double) threads);
        figures.put("heapMb", heap / 1024.0 / 1024.0);
        figures.put("writesPerSecond", writes / ((writesDone - start) / 1e9));
        figures.put("errors", figures.get("errors") + writeErrors.get());
        figures.put(OTHERS_CPU, 100 * meter.stop().othersCpuShare());
        return figures;
      } finally {
        group.stop();
      }
    } finally {
      awaitSteadyThreads();
    }
  }

  /** What the watches of a group received: for each write, when it was sent and delivered. */
  private static final class GroupSink {
    private final long[] sentNanos;
    private final long[] deliveredNanos; // 0: not (yet) delivered
    private int delivered;
    private long events;
    private long duplicated;
    private long outOfOrder;
    private long resyncs;
    private long errors;

    GroupSink(int writes) {
      this.sentNanos = new long[writes];
      this.deliveredNanos = new long[writes];
    }

    synchronized void sent(int write, long nanos) {
      sentNanos[write] = nanos;
    }

    /** The listener of one watch: it checks that its own events come in index order. */
    WatchListener listener() {
      return new WatchListener() {
        private long lastIndex;

        @Override
        public void onEvent(KeysResult event) {
          long now = System.nanoTime();
          long index = event.node().modifiedIndex();
          boolean inOrder = index > lastIndex;
          lastIndex = Math.max(lastIndex, index);
          delivered(event.node().rawValue(), now, inOrder);
        }

        @Override
        public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
          synchronized (GroupSink.this) {
            resyncs++;
          }
        }

        @Override
        public void onError(Throwable error) {
          synchronized (GroupSink.this) {
            errors++;
          }
        }
      };
    }

    private synchronized void delivered(String value, long nanos, boolean inOrder) {
      events++;
      if (!inOrder) outOfOrder++;
      int write;
      try {
        write = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        errors++;
        return;
      }
      if (write < 0 || write >= deliveredNanos.length) {
        errors++;
      } else if (deliveredNanos[write] != 0) {
        duplicated++;
      } else {
        deliveredNanos[write] = nanos;
        delivered++;
      }
    }

    /** Waits until {@code expected} writes were delivered, or none came for {@code idleNanos}. */
    void await(long expected, long idleNanos, long maxNanos) throws InterruptedException {
      long start = System.nanoTime();
      long seen = -1;
      long idleSince = start;
      while (true) {
        long now = System.nanoTime();
        int count;
        synchronized (this) {
          count = delivered;
        }
        if (count >= expected || now - start > maxNanos) return;
        if (count != seen) {
          seen = count;
          idleSince = now;
        } else if (now - idleSince > idleNanos) {
          return;
        }
        Thread.sleep(5);
      }
    }

    synchronized Map<String, Double> figures() {
      long[] latencies = new long[delivered];
      int n = 0;
      long lost = 0;
      for (int w = 0; w < sentNanos.length; w++) {
        if (deliveredNanos[w] != 0) {
          latencies[n++] = deliveredNanos[w] - sentNanos[w];
        } else if (sentNanos[w] != 0) {
          lost++;
        }
      }
      Arrays.sort(latencies);
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("p50Millis", percentile(latencies, 0.50) / 1e6);
      figures.put("p99Millis", percentile(latencies, 0.99) / 1e6);
      figures.put("maxMillis", n == 0 ? Double.NaN : latencies[n - 1] / 1e6);
      figures.put("events", (double) events);
      figures.put("lost", (double) lost);
      figures.put("duplicated", (double) duplicated);
      figures.put("outOfOrder", (double) outOfOrder);
      figures.put("resyncs", (double) resyncs);
      figures.put("errors", (double) errors);
      return figures;
    }

    /** The value below which {@code share} of the sorted {@code values} lie (nearest rank). */
    private static double percentile(long[] values, double share) {
      if (values.length == 0) return Double.NaN;
      int rank = (int) Math.ceil(share * values.length);
      return values[Math.max(0, rank - 1)];
    }
  }

  /** What a delivery watch received, by index relative to where it started. */
  private static final class Delivered implements BenchClient.WatchSink {
    private final long from;
    private final BitSet events = new BitSet();
    private long count;
    private long duplicated;
    private long outOfOrder;
    private long resyncs;
    private long failures;
    private long highest = -1;
    private long lastEventNanos;

    Delivered(long from) {
      this.from = from;
    }

    @Override
    public synchronized void event(String key, long modifiedIndex) {
      int at = (int) (modifiedIndex - from);
      count++;
      if (events.get(at)) duplicated++;
      events.set(at);
      if (modifiedIndex <= highest) outOfOrder++;
      highest = Math.max(highest, modifiedIndex);
      lastEventNanos = System.nanoTime();
    }

    @Override
    public synchronized void resync(long etcdIndex) {
      resyncs++;
      highest = Math.max(highest, etcdIndex);
    }

    @Override
    public synchronized void failure(Throwable error) {
      failures++;
    }

    /** Events and resyncs: what shows the watch is still moving. */
    synchronized long count() {
      return count + resyncs;
    }

    synchronized long events() {
      return count;
    }

    synchronized boolean reached(long index) {
      return highest >= index;
    }

    synchronized Map<String, Double> figures(
        BitSet written, long writes, long startNanos, long writesDoneNanos) {
      BitSet lost = (BitSet) written.clone();
      lost.andNot(events);
      long end = lastEventNanos > 0 ? lastEventNanos : System.nanoTime();
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("eventsPerSecond", count / ((end - startNanos) / 1e9));
      figures.put("writesPerSecond", writes / ((writesDoneNanos - startNanos) / 1e9));
      figures.put("events", (double) count);
      figures.put("resyncs", (double) resyncs);
      figures.put("lost", (double) lost.cardinality());
      figures.put("duplicated", (double) duplicated);
      figures.put("outOfOrder", (double) outOfOrder);
      figures.put("failures", (double) failures);
      return figures;
    }
  }
}
