package io.etcdv2.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.testing.FakeEtcd;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An outage over two refresh ticks, shorter than the safe window, loses nothing: a failed refresh
 * is tried again soon, not at the next tick. The fake etcd answers writes with 500 while
 * partitioned, and its TTLs only run on its own clock, so what is judged is the holder's side.
 */
class KeepAliveOutageTest {
  @Test
  void aHoldSurvivesAnOutageOverTwoTicksShorterThanTheSafeWindow() throws Exception {
    long ttl = 6; // ticks every 2 s, the safe window 5.4 s
    try (FakeEtcd fake = FakeEtcd.start();
        EtcdClient etcd = EtcdClient.builder().host(fake.url()).build();
        DistributedLock lock = DistributedLock.create(etcd, "/locks/outage", ttl)) {
      AtomicInteger lost = new AtomicInteger();
      lock.onLost(lost::incrementAndGet);
      lock.acquire();
      long held = System.nanoTime();

      // Down from 1.8 s to 4.2 s: the ticks at 2 s and 4 s fail, the next is due at 6 s. Whatever
      // the phase, the last confirmed refresh was at most 2 s before the outage and the retry
      // after it at most 0.5 s late: 4.9 s < 5.4 s.
      sleepUntil(held, 1_800);
      fake.partition(true);
      sleepUntil(held, 4_200);
      fake.partition(false);
      sleepUntil(held, 7_000);

      assertEquals(0, lost.get(), "the lock was lost over a 2.4 s outage (ttl 6 s)");
      assertTrue(lock.isHeldByCurrentThread());
      lock.release();
    }
  }

  private static void sleepUntil(long start, long millis) throws InterruptedException {
    long left = millis - (System.nanoTime() - start) / 1_000_000;
    if (left > 0) Thread.sleep(left);
  }
}
