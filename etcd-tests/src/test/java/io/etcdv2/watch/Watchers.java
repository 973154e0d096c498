package io.etcdv2.watch;

import io.etcdv2.EtcdClient;
import java.util.concurrent.TimeUnit;

/** etcd's count of waiting watches ({@code /v2/stats/store}), for baselines. */
final class Watchers {
  private Watchers() {}

  /**
   * The count once it has settled: etcd drops the watch of a poll that a previous test cancelled or
   * timed out when it notices the closed connection, a moment later, so a baseline read at once
   * could count one that is about to go. Settled is 0, or the same for 200 ms; at most 5 s.
   */
  static long settled(EtcdClient etcd) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long count = etcd.statsStore().body().watchers();
    int same = 0;
    while (count != 0 && same < 4 && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while reading the watcher count", e);
      }
      long next = etcd.statsStore().body().watchers();
      same = next == count ? same + 1 : 0;
      count = next;
    }
    return count;
  }
}
