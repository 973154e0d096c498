package io.etcdv2.recipes;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Node;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fair mutual-exclusion lock shared by every process that uses the same directory, like Curator's
 * {@code InterProcessMutex}.
 *
 * <pre>{@code
 * DistributedLock lock = DistributedLock.create(etcd, "/locks/job", 10);
 * lock.onLost(() -> job.abort());       // the lock was lost while held: stop writing
 * lock.acquire();
 * try {
 *   storage.write(data, lock.fencingToken());
 * } finally {
 *   lock.release();
 * }
 * }</pre>
 *
 * <p><b>How it works.</b> Each acquisition creates an in-order key under the directory with the
 * lock's TTL ({@code POST}, create-in-order). The owner of the lowest key holds the lock. Every
 * other contender waits for the key just before its own to go, with {@code wait} and a {@code
 * waitIndex}, so a release wakes exactly one waiter: first come, first served, no herd. When etcd
 * has cleared the index a waiter needs (errorCode 401), the waiter reads the directory again and
 * waits from that read's index; it never asks for the cleared index again. Keys are kept alive by
 * refreshes every third of the TTL, while waiting and while holding.
 *
 * <p><b>Guarantees.</b>
 *
 * <ul>
 *   <li>At most one holder at a time, provided holders stop when told the lock is lost (below) and
 *       clocks do not drift apart by more than a tenth of the TTL.
 *   <li>Fair: the lock goes to waiters in the order their keys were created.
 *   <li>{@link #fencingToken()} is the holder key's createdIndex: it increases with every
 *       acquisition, across all processes, so a storage that remembers the highest token it has
 *       seen can refuse a write from a holder that lost the lock without knowing it.
 *   <li>A holder that crashes frees the lock after at most the TTL (its key expires); the next
 *       waiter is told at once.
 *   <li>{@link #onLost(Runnable)} runs, once, as soon as a held lock is lost: when its key was
 *       deleted or expired, or when no refresh has been confirmed for nine tenths of the TTL, that
 *       is, before etcd can expire the key and let anyone else in. It never runs on {@link
 *       #release()} or {@link #close()}.
 *   <li>Etcd being unreachable for less than the TTL (a member restarting) loses nothing.
 * </ul>
 *
 * <p><b>Threads and reentrancy.</b> The lock belongs to a thread, like {@link
 * java.util.concurrent.locks.ReentrantLock}: it is <em>reentrant</em> (a holder that acquires it
 * again only counts up, and must release it as many times), {@link #release()} by a thread that
 * does not hold it throws {@link IllegalMonitorStateException}, and two threads of one process
 * using the same instance contend through etcd like two processes do. An instance uses one daemon
 * thread, named {@code etcd-lock <directory>}, for refreshes, and only while it has keys; {@link
 * #acquire()} waits on the caller's thread.
 */
public final class DistributedLock implements Closeable {
  private static final Logger LOG = Logger.getLogger(DistributedLock.class.getName());

  private final EtcdClient etcd;
  private final String path;
  private final long ttlSeconds;
  private final String prefix;
  private final String owner = UUID.randomUUID().toString();
  private final AtomicLong attempts = new AtomicLong();
  private final ScheduledThreadPoolExecutor executor;
  private final Map<Thread, Holding> holdings = new ConcurrentHashMap<>();
  private final Set<Attempt> waiting =
      Collections.newSetFromMap(new ConcurrentHashMap<Attempt, Boolean>());
  private final List<Runnable> lostListeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private DistributedLock(EtcdClient etcd, String path, long ttlSeconds) {
    this.etcd = etcd;
    this.path = path;
    this.ttlSeconds = ttlSeconds;
    this.prefix = Support.prefix(etcd);
    this.executor = Support.scheduler("etcd-lock " + path, true);
  }

  /**
   * A lock on {@code path}, a directory that holds the contenders' keys and nothing else.
   *
   * @param ttlSeconds how long a crashed holder keeps the lock, at least 1; refreshes go out every
   *     third of it, and a holder cut off from etcd is told it lost the lock after nine tenths
   */
  public static DistributedLock create(EtcdClient etcd, String path, long ttlSeconds) {
    if (etcd == null) throw new NullPointerException("etcd == null");
    return new DistributedLock(
        etcd, Support.directory(path, "path"), Support.positiveTtl(ttlSeconds));
  }

  /** The lock's directory, as given (normalised). */
  public String path() {
    return path;
  }

  public long ttlSeconds() {
    return ttlSeconds;
  }

  /**
   * Adds a task to run, on the lock's thread, when a lock held through this instance is lost
   * without being released. Keep it short; it should make the holder stop what the lock guards.
   *
   * @return this lock
   */
  public DistributedLock onLost(Runnable task) {
    if (task == null) throw new NullPointerException("task == null");
    lostListeners.add(task);
    return this;
  }

  /**
   * Waits until this thread holds the lock. A thread that holds it already only counts up.
   *
   * @throws InterruptedException when interrupted while waiting; its key is then removed
   * @throws IllegalStateException when the lock is closed, when this thread's hold on it was lost
   *     and not yet released, or when etcd refuses the lock's keys (permissions, a key that is not
   *     a directory)
   */
  public void acquire() throws InterruptedException {
    acquire(0, false);
  }

  /**
   * Waits at most {@code time} for the lock. A thread that holds it already only counts up.
   *
   * @return true when this thread now holds the lock; false when the time ran out, its key then
   *     removed
   * @throws InterruptedException when interrupted while waiting; its key is then removed
   * @throws IllegalStateException as {@link #acquire()}
   */
  public boolean tryAcquire(long time, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(time);
    return acquire(System.nanoTime() + Math.max(0, nanos), true);
  }

  /**
   * Releases one hold of this thread; the last release deletes its key, handing the lock to the
   * next waiter. If etcd cannot be reached, the key expires within the TTL instead. Releasing a
   * hold that was lost only forgets it.
   *
   * @throws IllegalMonitorStateException when this thread does not hold the lock
   */
  public void release() {
    Thread me = Thread.currentThread();
    Holding holding = holdings.get(me);
    if (holding == null) {
      if (closed) return; // close() released it already
      throw new IllegalMonitorStateException(
          "lock " + path + " is not held by thread " + me.getName());
    }
    if (--holding.count > 0) return;
    holdings.remove(me);
    if (holding.end(false)) delete(holding.key, TimeUnit.SECONDS.toNanos(ttlSeconds));
  }

  /**
   * The fencing token of this thread's hold: its key's createdIndex in etcd. Tokens increase with
   * every acquisition by anyone; pass the token along with each write the lock guards, so that the
   * receiving side can refuse writes carrying a lower token than one it has seen.
   *
   * @throws IllegalMonitorStateException when this thread does not hold the lock
   */
  public long fencingToken() {
    Holding holding = holdings.get(Thread.currentThread());
    if (holding == null) {
      throw new IllegalMonitorStateException(
          "lock " + path + " is not held by thread " + Thread.currentThread().getName());
    }
    return holding.token;
  }

  /** True when this thread holds the lock and has not lost it. */
  public boolean isHeldByCurrentThread() {
    Holding holding = holdings.get(Thread.currentThread());
    return holding != null && !holding.isLost();
  }

  /** How many times this thread holds the lock (reentrant acquisitions), 0 when it does not. */
  public int holdCount() {
    Holding holding = holdings.get(Thread.currentThread());
    return holding == null ? 0 : holding.count;
  }

  /**
   * Releases every hold of this instance (deleting their keys, without running {@link #onLost}
   * tasks), makes waiting {@link #acquire()} calls throw {@link IllegalStateException} and waiting
   * {@link #tryAcquire} calls return false after removing their keys, and ends the lock's thread.
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    for (Attempt attempt : waiting) attempt.cancel();
    List<Holding> held = new ArrayList<>(holdings.values());
    holdings.clear();
    for (Holding holding : held) {
      if (holding.end(false)) delete(holding.key, TimeUnit.SECONDS.toNanos(1));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!waiting.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "DistributedLock{"
        + path
        + ", ttl="
        + ttlSeconds
        + "s"
        + (closed ? ", closed" : "")
        + '}';
  }

  private boolean acquire(long deadline, boolean hasDeadline) throws InterruptedException {
    if (closed) throw new IllegalStateException("lock " + path + " is closed");
    Thread me = Thread.currentThread();
    Holding held = holdings.get(me);
    if (held != null) {
      if (held.isLost()) {
        throw new IllegalStateException(
            "this thread's hold on lock "
                + path
                + " was lost;"
                + " release() it before acquiring again");
      }
      held.count++;
      return true;
    }
    Attempt attempt = new Attempt(owner + "#" + attempts.incrementAndGet(), deadline, hasDeadline);
    waiting.add(attempt);
    Holding holding = null;
    try {
      holding = attempt.run();
      if (holding == null) return false;
      holdings.put(me, holding);
      if (closed) { // close() ran meanwhile and did not see this hold
        holdings.remove(me);
        if (holding.end(false)) delete(holding.key, TimeUnit.SECONDS.toNanos(1));
        throw new IllegalStateException("lock " + path + " is closed");
      }
      return true;
    } finally {
      waiting.remove(attempt);
      if (holding == null) attempt.abandon();
    }
  }

  /** Deletes a key of this lock, retrying transient failures until {@code budgetNanos} pass. */
  private void delete(String key, long budgetNanos) {
    long deadline = System.nanoTime() + budgetNanos;
    int failures = 0;
    while (true) {
      try {
        EtcdResponse<KeysResult> response = etcd.delete(key);
        if (response.isSuccessful() || Support.isMissing(response)) return;
        if (!Support.isTransient(response)) {
          LOG.warning(
              "lock "
                  + path
                  + ": deleting "
                  + key
                  + " failed: "
                  + Support.describe(response)
                  + "; it expires within "
                  + ttlSeconds
                  + " s");
          return;
        }
      } catch (EtcdException e) {
        // unreachable: retry below
      }
      long pause = Support.backoffMillis(++failures);
      if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) - deadline > 0) {
        LOG.warning(
            "lock "
                + path
                + ": could not delete "
                + key
                + "; it expires within "
                + ttlSeconds
                + " s");
        return;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Runs the lost tasks for a hold, once. */
  private void lost(Holding holding, String why) {
    if (!holding.end(true)) return;
    LOG.log(Level.WARNING, "lock " + path + " lost by " + holding.key + ": " + why);
    for (Runnable task : lostListeners) {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "onLost task of lock " + path + " threw", e);
      }
    }
    Support.deleteInBackground(
        etcd, holding.key); // if it still exists, it would hold up the next waiter
  }

  /** A hold of the lock by one thread. */
  private final class Holding implements KeepAlive.Listener, KeyWatch.Listener {
    final String key;
    final long token;
    final KeepAlive keepAlive;
    KeyWatch keyWatch;

    /** Only the holding thread touches it. */
    int count = 1;

    private boolean lost;
    private boolean ended;

    Holding(String key, long token, KeepAlive keepAlive) {
      this.key = key;
      this.token = token;
      this.keepAlive = keepAlive;
    }

    /**
     * Starts watching the key for removals after {@code fromIndex}, the read that found it first,
     * and takes over the keep-alive's reports.
     */
    void watch(long fromIndex) {
      keepAlive.listener(this);
      KeyWatch watch = new KeyWatch(etcd, executor, key, fromIndex, this);
      synchronized (this) {
        if (ended) return;
        keyWatch = watch;
      }
      watch.start();
      if (keepAlive.isPastSafeWindow()) expired(); // said to the waiting attempt meanwhile
    }

    synchronized boolean isLost() {
      return lost;
    }

    /**
     * Ends the hold, stopping its refreshes and watch; true only for the call that ended it, and
     * false once it was lost, so that a key that was lost is not deleted on release.
     */
    boolean end(boolean asLost) {
      KeyWatch watch;
      synchronized (this) {
        if (ended) return false;
        ended = true;
        lost = asLost;
        watch = keyWatch;
      }
      keepAlive.stop();
      if (watch != null) watch.stop();
      return true;
    }

    @Override
    public void gone() {
      lost(this, "its key expired or was deleted (a refresh found no key)");
    }

    @Override
    public void expired() {
      lost(this, "no refresh was confirmed for nine tenths of the " + ttlSeconds + " s TTL");
    }

    @Override
    public void gone(long index) {
      lost(this, "its key was removed at index " + index);
    }
  }

  /** One thread's way to the head of the queue. */
  private final class Attempt implements KeepAlive.Listener {
    private final String token;
    private final long deadline;
    private final boolean hasDeadline;
    private volatile EtcdCall<?> current;
    private volatile boolean cancelled;

    /** Set when the keep-alive found our key gone: cut the wait short and look again. */
    private volatile boolean keyGone;

    private String key;
    private long createdIndex;
    private KeepAlive keepAlive;

    /** A create whose outcome is unknown (timeout, reset): look for our token before another. */
    private boolean createUnknown;

    private long createSentNanos;
    private int failures;

    Attempt(String token, long deadline, boolean hasDeadline) {
      this.token = token;
      this.deadline = deadline;
      this.hasDeadline = hasDeadline;
    }

    /** The hold, or null when the deadline passed. */
    Holding run() throws InterruptedException {
      boolean quorum = false;
      while (true) {
        if (cancelled || closed) {
          if (hasDeadline) return null;
          throw new IllegalStateException("lock " + path + " was closed while waiting");
        }
        if (key == null && !createUnknown) {
          createSentNanos = System.nanoTime();
          createUnknown = true; // until etcd's answer says otherwise
          EtcdResponse<KeysResult> created;
          try {
            created = send(etcd.async().push(path, token, ttlSeconds));
          } catch (EtcdException e) {
            if (!pause()) return null;
            continue;
          }
          if (created == null) return null;
          if (created.isSuccessful()) {
            createUnknown = false;
            own(created.body().node());
          } else if (Support.isTransient(created)) {
            if (!pause()) return null;
            continue;
          } else {
            createUnknown = false;
            throw new IllegalStateException(
                "lock " + path + ": etcd refused to create a key: " + Support.describe(created));
          }
        }

        EtcdResponse<KeysResult> listed;
        try {
          listed = send(etcd.async().read(path, false, true, quorum || createUnknown));
        } catch (EtcdException e) {
          if (!keyGone && !pause()) return null;
          continue;
        }
        if (listed == null) return null;
        if (!listed.isSuccessful() && !Support.isMissing(listed)) {
          if (!Support.isTransient(listed)) {
            throw new IllegalStateException(
                "lock " + path + ": etcd refused to list it: " + Support.describe(listed));
          }
          if (!pause()) return null;
          continue;
        }
        failures = 0;
        List<Node> queue =
            Support.isMissing(listed)
                ? Collections.<Node>emptyList()
                : listed.body().node().nodes();
        if (createUnknown) {
          createUnknown = false;
          for (Node node : queue) {
            if (token.equals(Support.text(node))) { // the create did happen
              own(node);
              break;
            }
          }
          if (key == null) continue;
        }
        int at = -1;
        for (int i = 0; i < queue.size(); i++) {
          if (key.equals(Support.strip(queue.get(i).key(), prefix))) at = i;
        }
        if (at < 0) {
          if (!quorum && !keyGone) { // a member behind the one that created it? ask the leader
            quorum = true;
            continue;
          }
          disown(); // expired while we could not refresh it: queue up again
          quorum = false;
          continue;
        }
        quorum = false;
        if (at == 0) {
          if (keepAlive.isPastSafeWindow()) { // it may expire any moment: not a safe hold
            String stale = key;
            disown();
            delete(stale, TimeUnit.SECONDS.toNanos(1));
            continue;
          }
          return hold(listed.etcdIndex());
        }
        Node before = queue.get(at - 1);
        String predecessor = Support.strip(before.key(), prefix);
        try {
          EtcdResponse<KeysResult> moved =
              send(etcd.async().wait(predecessor, listed.etcdIndex() + 1, Support.POLL_SECONDS));
          if (moved == null) return null;
          if (at == 1
              && isRemovalOf(moved, before.key())
              && !keyGone
              && !keepAlive.isPastSafeWindow()) {
            // Ours was second and the first went: no key can be created before ours, so ours
            // is now the lowest, as of the removal's index. No need to read again.
            return hold(moved.body().node().modifiedIndex());
          }
          // Any answer means look again: the predecessor went, the poll was quiet, or etcd
          // cleared the index (401) and the next read brings a fresh one.
          if (Support.isTransient(moved) && !moved.isTimeout() && !pause()) return null;
        } catch (EtcdException e) {
          if (!keyGone && !pause()) return null;
        }
      }
    }

    /** Hands our key to a hold, watched for removal after {@code index}. */
    private Holding hold(long index) {
      Holding holding = new Holding(key, createdIndex, keepAlive);
      key = null; // the hold owns the key and its keep-alive now
      keepAlive = null;
      holding.watch(index + 1);
      return holding;
    }

    private boolean isRemovalOf(EtcdResponse<KeysResult> response, String etcdKey) {
      return response.isSuccessful()
          && response.body() != null
          && response.body().node() != null
          && Support.isRemoval(response.body().action())
          && etcdKey.equals(response.body().node().key());
    }

    private void own(Node node) {
      key = Support.strip(node.key(), prefix);
      createdIndex = node.createdIndex();
      keyGone = false;
      keepAlive =
          new KeepAlive(
                  etcd, executor, key, ttlSeconds, createSentNanos, node.modifiedIndex(), this)
              .start();
    }

    private void disown() {
      if (keepAlive != null) keepAlive.stop();
      keepAlive = null;
      key = null;
      keyGone = false;
    }

    private <T> EtcdResponse<T> send(EtcdCall<T> call) throws InterruptedException {
      current = call;
      try {
        if (cancelled) call.cancel();
        return Pending.await(call, deadline, hasDeadline);
      } finally {
        current = null;
      }
    }

    private boolean pause() throws InterruptedException {
      return Support.sleep(Support.backoffMillis(++failures), deadline, hasDeadline);
    }

    void cancel() {
      cancelled = true;
      EtcdCall<?> call = current;
      if (call != null) call.cancel();
    }

    /** Gives up: removes our key, if any, so it holds up no one. */
    void abandon() {
      if (keepAlive != null) keepAlive.stop();
      if (key != null) {
        Support.deleteInBackground(etcd, key);
      } else if (createUnknown) {
        deleteByToken(); // a create cut short may have happened after all
      }
      key = null;
    }

    private void deleteByToken() {
      try {
        etcd.async()
            .read(path, false, false, true)
            .enqueue(
                new EtcdCallback<KeysResult>() {
                  @Override
                  public void onResponse(
                      EtcdCall<KeysResult> call, EtcdResponse<KeysResult> response) {
                    if (!response.isSuccessful() || response.body().node() == null) return;
                    for (Node node : response.body().node().nodes()) {
                      if (token.equals(Support.text(node))) {
                        Support.deleteInBackground(etcd, Support.strip(node.key(), prefix));
                      }
                    }
                  }

                  @Override
                  public void onFailure(EtcdCall<KeysResult> call, EtcdException failure) {}
                });
      } catch (RuntimeException closedClient) {
        // it expires within its TTL
      }
    }

    @Override
    public void gone() {
      keyGone = true;
      EtcdCall<?> call = current;
      if (call != null) call.cancel();
    }

    @Override
    public void expired() {
      // A waiting key: whether it survived shows on the next read.
    }
  }
}
