package io.etcdv2.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.testing.EtcdExtension;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A holder cut off from etcd by its member hanging (SIGSTOP) for longer than the TTL, on a 3-member
 * cluster where the other two keep a quorum: the holder's client talks to the frozen member only,
 * the waiter's to another. The holder must be told it lost the lock before the waiter gets it.
 */
class DistributedLockFreezeTest {
  @RegisterExtension static EtcdExtension etcd = EtcdExtension.cluster(3);

  @Test
  void holderWhoseMemberIsFrozenIsToldItLostTheLockBeforeAnotherHolderAcquires() throws Exception {
    long ttl = 2;
    try (EtcdClient holderClient = EtcdClient.builder().host(etcd.endpoints().get(0)).build();
        EtcdClient waiterClient = EtcdClient.builder().host(etcd.endpoints().get(1)).build();
        DistributedLock held = DistributedLock.create(holderClient, "/locks/frozen", ttl);
        DistributedLock wanted = DistributedLock.create(waiterClient, "/locks/frozen", ttl)) {
      AtomicLong lostAt = new AtomicLong();
      AtomicLong acquiredAt = new AtomicLong();
      CountDownLatch acquired = new CountDownLatch(1);
      held.onLost(() -> lostAt.compareAndSet(0, System.nanoTime()));
      held.acquire();
      long heldToken = held.fencingToken();

      AtomicLong waiterToken = new AtomicLong();
      Thread waiter =
          new Thread(
              () -> {
                try {
                  wanted.acquire();
                  acquiredAt.set(System.nanoTime());
                  waiterToken.set(wanted.fencingToken());
                  acquired.countDown();
                  wanted.release();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      waiter.start();
      assertTrue(!acquired.await(ttl + 1, TimeUnit.SECONDS), "acquired while held");

      long frozenAt = System.nanoTime();
      etcd.member(0).freeze();
      try {
        assertTrue(acquired.await(ttl * 3, TimeUnit.SECONDS), "the waiter never acquired");
        assertTrue(lostAt.get() != 0, "the holder was never told");
        long lostMillis = (lostAt.get() - frozenAt) / 1_000_000;
        long acquiredMillis = (acquiredAt.get() - frozenAt) / 1_000_000;
        assertTrue(
            lostAt.get() - acquiredAt.get() < 0,
            "told it lost the lock "
                + lostMillis
                + " ms after the freeze, but the waiter acquired at "
                + acquiredMillis
                + " ms");
        assertTrue(waiterToken.get() > heldToken);
        System.out.printf(
            "lock: member frozen; holder told it lost the lock after %d ms, the"
                + " waiter acquired after %d ms (ttl %d s): %d ms apart%n",
            lostMillis, acquiredMillis, ttl, acquiredMillis - lostMillis);
      } finally {
        etcd.member(0).thaw();
      }
      waiter.join(5_000);
      held.release(); // forgets the lost hold
      assertEquals(false, held.isHeldByCurrentThread());
    }
  }
}
