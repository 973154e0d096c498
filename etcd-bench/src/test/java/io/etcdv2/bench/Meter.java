package io.etcdv2.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What one measurement window cost this JVM: wall time, process CPU time (every thread: the
 * client's, OkHttp's or Netty's, GC and JIT) and bytes allocated by all threads. etcd runs in its
 * own process, so none of its work is counted. It also tells how much CPU other processes took
 * meanwhile, to show which figures a shared machine disturbed.
 */
final class Meter {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  static {
    if (!THREADS.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
    }
    THREADS.setThreadAllocatedMemoryEnabled(true);
  }

  /** Linux's USER_HZ: the unit of /proc's CPU times. */
  private static final double TICKS_PER_SECOND = 100;

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /** The etcd process: its CPU time is part of the workload, not noise from other processes. */
  private static volatile long etcdPid = -1;

  private final long startNanos;
  private final long startCpuNanos;
  private final Allocated startAllocated;
  private final long startMachineTicks;
  private final long startEtcdTicks;

  private Meter() {
    // /proc first and the counters last (and the reverse in stop()), so that reading /proc is
    // outside the window: windows of the sequential workloads last only tens of milliseconds.
    this.startMachineTicks = machineBusyTicks();
    this.startEtcdTicks = processTicks(etcdPid);
    this.startCpuNanos = OS.getProcessCpuTime();
    this.startAllocated = Allocated.now();
    this.startNanos = System.nanoTime();
  }

  /** Names the etcd process whose CPU time is not counted as other processes'. */
  static void etcdProcess(long pid) {
    etcdPid = pid;
  }

  /** Starts a window now. */
  static Meter start() {
    return new Meter();
  }

  /** The window so far. */
  Window stop() {
    long nanos = System.nanoTime() - startNanos;
    Allocated allocated = Allocated.now();
    long cpu = OS.getProcessCpuTime() - startCpuNanos;
    long machineTicks = machineBusyTicks() - startMachineTicks;
    long etcdTicks = processTicks(etcdPid) - startEtcdTicks;
    double othersSeconds = (machineTicks - etcdTicks) / TICKS_PER_SECOND - cpu / 1e9;
    double othersShare =
        startMachineTicks < 0 ? Double.NaN : Math.max(0, othersSeconds / (nanos / 1e9 * CORES));
    return new Window(nanos, cpu, allocated.since(startAllocated), othersShare);
  }

  /** CPU ticks the whole machine spent busy since boot (/proc/stat); -1 when unknown. */
  private static long machineBusyTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...
      return Long.parseLong(f[1])
          + Long.parseLong(f[2])
          + Long.parseLong(f[3])
          + Long.parseLong(f[6])
          + Long.parseLong(f[7])
          + Long.parseLong(f[8]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** User and system CPU ticks of a process (/proc/PID/stat); 0 when unknown. */
  private static long processTicks(long pid) {
    if (pid < 0) return 0;
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * The bytes each live thread has allocated so far. Kept as the two arrays the JVM answers, which
   * are allocated before the counters are read, so that taking a snapshot adds almost nothing to
   * the window it starts.
   */
  private static final class Allocated {
    final long[] ids;
    final long[] bytes;

    private Allocated(long[] ids, long[] bytes) {
      this.ids = ids;
      this.bytes = bytes;
    }

    static Allocated now() {
      long[] ids = THREADS.getAllThreadIds();
      return new Allocated(ids, THREADS.getThreadAllocatedBytes(ids));
    }

    /**
     * Bytes allocated since {@code start}. A thread started in between counts from zero; one that
     * ended in between is lost (OkHttp's and Netty's threads outlive a window, so little is).
     */
    long since(Allocated start) {
      Map<Long, Long> before = new HashMap<>(start.ids.length * 2);
      for (int i = 0; i < start.ids.length; i++) {
        if (start.bytes[i] >= 0) before.put(start.ids[i], start.bytes[i]);
      }
      long allocated = 0;
      for (int i = 0; i < ids.length; i++) {
        if (bytes[i] >= 0) allocated += bytes[i] - before.getOrDefault(ids[i], 0L);
      }
      return allocated;
    }
  }

  /** Live threads in this JVM now. */
  static int threads() {
    return THREADS.getThreadCount();
  }

  /** The highest id of a live thread: ids only grow, so later threads have higher ones. */
  static long newestThreadId() {
    long newest = 0;
    for (long id : THREADS.getAllThreadIds()) newest = Math.max(newest, id);
    return newest;
  }

  /**
   * Live threads started after the one with id {@code newestBefore}: what a piece of code added,
   * unaffected by idle pool threads elsewhere ending meanwhile.
   */
  static int threadsStartedAfter(long newestBefore) {
    int count = 0;
    for (long id : THREADS.getAllThreadIds()) if (id > newestBefore) count++;
    return count;
  }

  /** Heap in use after a full collection, bytes. */
  static long heapAfterGc() {
    gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Collects garbage so that one client's garbage is not collected in the next one's window. */
  static void gc() {
    System.gc();
    System.gc();
  }

  /**
   * One window. {@code othersCpuShare} is the share of the machine's CPU that processes other than
   * this JVM and etcd used meanwhile (other builds on a shared machine): the noise.
   */
  record Window(long nanos, long cpuNanos, long allocatedBytes, double othersCpuShare) {
    double seconds() {
      return nanos / 1e9;
    }
  }
}
