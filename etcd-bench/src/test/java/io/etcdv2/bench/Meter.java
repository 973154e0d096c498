package io.etcdv2.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * What one measurement window cost this JVM: wall time, process CPU time (every thread: the
 * client's, OkHttp's or Netty's, GC and JIT) and bytes allocated by all threads. etcd runs in its
 * own process, so none of its work is counted.
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

  private final long startNanos;
  private final long startCpuNanos;
  private final Map<Long, Long> startAllocated;

  private Meter() {
    this.startAllocated = allocatedByThread();
    this.startCpuNanos = OS.getProcessCpuTime();
    this.startNanos = System.nanoTime();
  }

  /** Starts a window now. */
  static Meter start() {
    return new Meter();
  }

  /** The window so far. */
  Window stop() {
    long nanos = System.nanoTime() - startNanos;
    long cpu = OS.getProcessCpuTime() - startCpuNanos;
    long allocated = 0;
    for (Map.Entry<Long, Long> thread : allocatedByThread().entrySet()) {
      // A thread started in the window counts from zero; one that ended in it is lost (OkHttp's
      // and Netty's threads outlive a window, so little is).
      allocated += thread.getValue() - startAllocated.getOrDefault(thread.getKey(), 0L);
    }
    return new Window(nanos, cpu, allocated);
  }

  private static Map<Long, Long> allocatedByThread() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) byThread.put(ids[i], bytes[i]);
    }
    return byThread;
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

  record Window(long nanos, long cpuNanos, long allocatedBytes) {
    double seconds() {
      return nanos / 1e9;
    }
  }
}
