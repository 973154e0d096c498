package io.etcdv2.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lock against one real etcd member: exclusion, fencing, reentrancy, loss, crashes. */
class DistributedLockTest {
  @RegisterExtension static EtcdExtension etcd = EtcdExtension.singleNode();

  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    Collections.reverse(closing);
    for (AutoCloseable c : closing) c.close();
  }

  private EtcdClient client() {
    EtcdClient client = EtcdClient.builder().host(etcd.endpoints().get(0)).build();
    closing.add(client);
    return client;
  }

  private DistributedLock lock(EtcdClient client, String path, long ttl) {
    DistributedLock lock = DistributedLock.create(client, path, ttl);
    closing.add(lock);
    return lock;
  }

  /** Written only inside the lock, without atomics: a second holder at once would lose counts. */
  private volatile int counter;

  @Test
  @SuppressWarnings("ThreadPriorityCheck") // Thread.yield() only widens the race it looks for
  void fourClientsTwoThreadsEach200AcquisitionsCountExactlyWithIncreasingTokens() throws Exception {
    int clients = 4;
    int threads = 2;
    int rounds = 200;
    List<Long> tokens = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger inside = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients * threads);
    List<Future<?>> done = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      DistributedLock lock = lock(client(), "/locks/counter", 3); // one instance per client
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < rounds; i++) {
                    lock.acquire();
                    try {
                      if (inside.incrementAndGet() != 1) overlaps.incrementAndGet();
                      tokens.add(lock.fencingToken());
                      int read = counter;
                      Thread.yield(); // widen the window a second holder would need
                      counter = read + 1;
                      inside.decrementAndGet();
                    } finally {
                      lock.release();
                    }
                  }
                  return null;
                }));
      }
    }
    go.countDown();
    for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();

    int total = clients * threads * rounds;
    assertEquals(total, counter, "lost increments: two holders at once");
    assertEquals(0, overlaps.get());
    assertEquals(total, tokens.size());
    for (int i = 1; i < tokens.size(); i++) {
      int at = i;
      assertTrue(
          tokens.get(i) > tokens.get(i - 1),
          () -> "token " + tokens.get(at) + " after " + tokens.get(at - 1) + " at " + at);
    }
    assertEquals(200, etcd.client().read("/locks/counter", false, false, true).status());
    assertEquals(
        0,
        etcd.client().readdir("/locks/counter").body().node().nodes().size(),
        "every key deleted on release");
    System.out.printf(
        "lock: %d acquisitions by %d threads of %d clients in %.2f s: %.0f/s%n",
        total, clients * threads, clients, seconds, total / seconds);
  }

  @Test
  void reentrantPerThreadAndReleasedOnlyByTheLastRelease() throws Exception {
    DistributedLock lock = lock(client(), "/locks/reentrant", 3);
    DistributedLock other = lock(client(), "/locks/reentrant", 3);
    AtomicInteger lost = new AtomicInteger();
    lock.onLost(lost::incrementAndGet);

    lock.acquire();
    long token = lock.fencingToken();
    assertTrue(lock.tryAcquire(0, TimeUnit.SECONDS), "the holder acquires again at once");
    assertEquals(2, lock.holdCount());
    assertEquals(token, lock.fencingToken(), "the same hold, the same key");
    assertFalse(other.tryAcquire(300, TimeUnit.MILLISECONDS), "held, by another client");

    // Another thread of the same instance is another contender, not the holder.
    ExecutorService thread = Executors.newSingleThreadExecutor();
    assertFalse(thread.submit(() -> lock.tryAcquire(200, TimeUnit.MILLISECONDS)).get());
    assertThrows(
        IllegalMonitorStateException.class,
        () ->
            rethrow(
                thread.submit(
                    () -> {
                      lock.release();
                      return null;
                    })));
    thread.shutdown();

    lock.release();
    assertTrue(lock.isHeldByCurrentThread(), "one hold left");
    assertFalse(other.tryAcquire(200, TimeUnit.MILLISECONDS));
    lock.release();
    assertFalse(lock.isHeldByCurrentThread());
    assertThrows(IllegalMonitorStateException.class, lock::release);

    assertTrue(other.tryAcquire(2, TimeUnit.SECONDS), "free after the last release");
    assertTrue(other.fencingToken() > token);
    other.release();
    assertEquals(0, lost.get(), "release() never runs onLost");
    assertEquals(
        0,
        etcd.client().readdir("/locks/reentrant").body().node().nodes().size(),
        "timed-out waiters removed their keys");
  }

  @Test
  void holderIsToldAtOnceWhenItsKeyIsDeleted() throws Exception {
    DistributedLock lock = lock(client(), "/locks/deleted", 3);
    AtomicLong lostAt = new AtomicLong();
    CountDownLatch lost = new CountDownLatch(1);
    lock.onLost(
        () -> {
          lostAt.set(System.nanoTime());
          lost.countDown();
        });
    lock.acquire();
    String key = etcd.client().readdir("/locks/deleted").body().node().nodes().get(0).key();

    long deleted = System.nanoTime();
    assertEquals(200, etcd.client().delete(key).status());
    assertTrue(lost.await(2, TimeUnit.SECONDS), "onLost not run");
    long millis = (lostAt.get() - deleted) / 1_000_000;
    assertTrue(millis < 500, "told after " + millis + " ms");
    assertFalse(lock.isHeldByCurrentThread());
    assertThrows(IllegalStateException.class, lock::acquire, "release the lost hold first");
    lock.release(); // forgets the lost hold quietly
    lock.acquire();
    lock.release();
    System.out.printf("lock: onLost %d ms after the holder's key was deleted%n", millis);
  }

  @Test
  void crashedHolderInAnotherJvmFreesTheLockWithinTheTtl() throws Exception {
    long ttl = 2;
    try (Child.Started holder =
        Child.start("lock", etcd.endpoints().get(0), "/locks/crash", String.valueOf(ttl))) {
      DistributedLock lock = lock(client(), "/locks/crash", ttl);
      AtomicLong acquiredAt = new AtomicLong();
      CountDownLatch acquired = new CountDownLatch(1);
      Thread waiter =
          new Thread(
              () -> {
                try {
                  lock.acquire();
                  acquiredAt.set(System.nanoTime());
                  acquired.countDown();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      waiter.start();
      // The holder keeps its key alive: the waiter stays out for several TTLs.
      assertFalse(acquired.await(ttl * 2, TimeUnit.SECONDS), "acquired while the holder lives");

      long killed = System.nanoTime();
      holder.kill();
      assertTrue(acquired.await(ttl + 3, TimeUnit.SECONDS), "never acquired");
      long millis = (acquiredAt.get() - killed) / 1_000_000;
      assertTrue(millis <= ttl * 1000 + 1000, "acquired " + millis + " ms after kill -9");
      waiter.join();
      System.out.printf(
          "lock: next waiter acquired %d ms after kill -9 of the holder" + " (ttl %d s)%n",
          millis, ttl);
      // The waiter thread holds it; a new hold from this thread is a new token, larger.
      assertTrue(holder.token() > 0);
    }
  }

  private static void rethrow(Future<?> future) throws Throwable {
    try {
      future.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause();
    }
  }
}
