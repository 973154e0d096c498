package io.etcdv2.recipes;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Node;
import java.io.Closeable;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One leader among the candidates that share a directory, like Curator's {@code LeaderLatch}.
 *
 * <pre>{@code
 * LeaderElection election = LeaderElection.create(etcd, "/election/svc", "node-a", 10);
 * election.start(new LeaderElection.Listener() {
 *   public void elected() { scheduler.resume(); }   // this candidate leads from now on
 *   public void revoked() { scheduler.pause(); }    // and no longer: stop acting as the leader
 * });
 * ...
 * election.leader();   // "node-a": the current leader's id, read from etcd
 * election.close();    // resigns: its key is gone from etcd when this returns
 * }</pre>
 *
 * <p><b>How it works.</b> Each candidate creates an in-order key in the directory with its id as
 * the value and the election's TTL, and keeps it alive with refreshes every third of the TTL. The
 * owner of the lowest key leads. Every other candidate waits for the key just before its own to go
 * ({@code wait} with a {@code waitIndex}; a cleared index is answered by reading again), so a
 * leader leaving wakes exactly one successor. A candidate that loses its key (expired while cut off
 * from etcd, or deleted by someone) is told {@link Listener#revoked()} if it led, and queues up
 * again with a new key.
 *
 * <p><b>Guarantees.</b>
 *
 * <ul>
 *   <li>At most one leader at any etcd index: a candidate leads from the read that showed its key
 *       first until that key is removed, and keys are never reused.
 *   <li>A leader is told {@code revoked()} before its key can expire when it cannot refresh it
 *       (after nine tenths of the TTL without a confirmed refresh), so, clocks permitting, it stops
 *       before a successor is elected. Only a deletion by a third party is noticed after the fact
 *       (at once, through a watch of its own key).
 *   <li>{@link #close()} calls {@code revoked()} (if leading) and then deletes the key before
 *       returning, so the successor is elected at once. A crashed leader is succeeded after at most
 *       the TTL.
 *   <li>{@link #fencingToken()}: the leader key's createdIndex, higher for every new leadership.
 * </ul>
 *
 * <p>{@code elected()} and {@code revoked()} alternate, starting with {@code elected()}, on the
 * election's own daemon thread ({@code etcd-election <directory> <id>}), which also runs its
 * refreshes: keep them short and do the leader's work elsewhere.
 */
public final class LeaderElection implements Closeable {
  private static final Logger LOG = Logger.getLogger(LeaderElection.class.getName());

  /** Told of leadership changes, on the election's thread. */
  public interface Listener {
    /** This candidate leads from now on. */
    void elected();

    /** This candidate no longer leads (resigned, cut off from etcd, or its key removed). */
    void revoked();
  }

  private final EtcdClient etcd;
  private final String path;
  private final String id;
  private final long ttlSeconds;
  private final String prefix;
  private final ScheduledThreadPoolExecutor executor;

  private volatile boolean started;
  private volatile boolean closed;
  private volatile boolean leader;
  private volatile long token = -1;
  private volatile Thread executorThread;

  // Touched on the election's thread only.
  private Listener listener;
  private int epoch;
  private EtcdCall<?> current;
  private String key;
  private long createdIndex;
  private KeepAlive keepAlive;
  private KeyWatch keyWatch;

  /** A create whose outcome is unknown: look for our key before creating another. */
  private boolean createUnknown;

  private long createSentNanos;

  /** The highest etcd index seen: a key of ours created after it is ours. */
  private long seenIndex;

  private int failures;

  private LeaderElection(EtcdClient etcd, String path, String id, long ttlSeconds) {
    this.etcd = etcd;
    this.path = path;
    this.id = id;
    this.ttlSeconds = ttlSeconds;
    this.prefix = Support.prefix(etcd);
    this.executor = Support.scheduler("etcd-election " + path + " " + id, false);
  }

  /**
   * A candidate {@code id} in the election held in directory {@code path}.
   *
   * @param id this candidate's id, the value of its key and what {@link #leader()} returns
   * @param ttlSeconds how long a crashed leader keeps leading, at least 1
   */
  public static LeaderElection create(EtcdClient etcd, String path, String id, long ttlSeconds) {
    if (etcd == null) throw new NullPointerException("etcd == null");
    if (id == null) throw new NullPointerException("id == null");
    return new LeaderElection(
        etcd, Support.directory(path, "path"), id, Support.positiveTtl(ttlSeconds));
  }

  /**
   * Joins the election; returns at once. {@code listener} hears of each change.
   *
   * @throws IllegalStateException when started before or closed
   */
  public synchronized void start(final Listener listener) {
    if (listener == null) throw new NullPointerException("listener == null");
    if (closed) throw new IllegalStateException("election " + path + " is closed");
    if (started) throw new IllegalStateException("election " + path + " was started already");
    started = true;
    executor.execute(
        new Runnable() {
          @Override
          public void run() {
            executorThread = Thread.currentThread();
            LeaderElection.this.listener = listener;
            step();
          }
        });
  }

  /** True while this candidate leads, between {@code elected()} and {@code revoked()}. */
  public boolean isLeader() {
    return leader;
  }

  /**
   * The id of the current leader as etcd has it (the value of the lowest key), or null when there
   * are no candidates.
   *
   * @throws io.etcdv2.api.EtcdException when etcd cannot be reached
   * @throws IllegalStateException when etcd answers with an error
   */
  public String leader() {
    EtcdResponse<KeysResult> listed = etcd.read(path, false, true, true);
    if (Support.isMissing(listed)) return null;
    if (!listed.isSuccessful()) {
      throw new IllegalStateException("election " + path + ": " + Support.describe(listed));
    }
    List<Node> queue = listed.body().node().nodes();
    return queue.isEmpty() ? null : Support.text(queue.get(0));
  }

  /** This candidate's id. */
  public String id() {
    return id;
  }

  public String path() {
    return path;
  }

  /**
   * While leading, the createdIndex of this candidate's key: it increases with every new
   * leadership, so it can fence writes like a lock's token. -1 when not leading.
   */
  public long fencingToken() {
    return token;
  }

  /**
   * Resigns and leaves the election: calls {@code revoked()} if leading, deletes this candidate's
   * key (retrying through a member restart for up to the TTL; the key expires by itself after that)
   * and ends the election's thread. Calling it again, or from a listener, is fine.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    String ownKey = null;
    boolean unknown = false;
    if (started) {
      FutureTask<Object[]> resign =
          new FutureTask<>(
              new java.util.concurrent.Callable<Object[]>() {
                @Override
                public Object[] call() {
                  boolean wasUnknown = createUnknown || (key == null && current != null);
                  return new Object[] {resign(), wasUnknown};
                }
              });
      if (Thread.currentThread() == executorThread) {
        resign.run();
      } else {
        try {
          executor.execute(resign);
        } catch (RejectedExecutionException e) {
          resign.run();
        }
      }
      try {
        Object[] result = resign.get(10, TimeUnit.SECONDS);
        ownKey = (String) result[0];
        unknown = (Boolean) result[1];
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        LOG.log(Level.WARNING, "election " + path + ": resigning failed", e);
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ttlSeconds);
    if (ownKey != null) deleteKey(ownKey, deadline);
    if (unknown) deleteUnknown(deadline);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "LeaderElection{"
        + path
        + ", id="
        + id
        + (leader ? ", leader" : "")
        + (closed ? ", closed" : "")
        + '}';
  }

  // Everything below runs on the election's thread.

  /** Stops everything, says revoked() if leading; the key to delete, or null. */
  private String resign() {
    epoch++;
    cancelCurrent();
    String ownKey = key;
    dropKey();
    revoke();
    return ownKey;
  }

  private void step() {
    if (closed) return;
    final int my = ++epoch;
    if (key == null && !createUnknown) {
      createSentNanos = System.nanoTime();
      send(
          etcd.async().push(path, id, ttlSeconds),
          my,
          new Handler() {
            @Override
            public void handle(EtcdResponse<KeysResult> response) {
              created(response);
            }
          });
      return;
    }
    send(
        etcd.async().read(path, false, true, true),
        my,
        new Handler() {
          @Override
          public void handle(EtcdResponse<KeysResult> response) {
            listed(response);
          }
        });
  }

  private void created(EtcdResponse<KeysResult> response) {
    if (response == null || Support.isTransient(response)) {
      createUnknown = true;
      retryLater();
      return;
    }
    if (!response.isSuccessful()) {
      LOG.warning(
          "election "
              + path
              + ": etcd refused the key of "
              + id
              + ": "
              + Support.describe(response)
              + "; retrying");
      retryLater();
      return;
    }
    own(response.body().node());
    failures = 0;
    step();
  }

  private void listed(EtcdResponse<KeysResult> response) {
    if (response == null || Support.isTransient(response)) {
      retryLater();
      return;
    }
    if (!response.isSuccessful() && !Support.isMissing(response)) {
      LOG.warning(
          "election "
              + path
              + ": etcd refused to list it: "
              + Support.describe(response)
              + "; retrying");
      retryLater();
      return;
    }
    failures = 0;
    long index = response.etcdIndex();
    List<Node> queue =
        Support.isMissing(response)
            ? Collections.<Node>emptyList()
            : response.body().node().nodes();
    if (createUnknown) {
      createUnknown = false;
      Node ours = null;
      for (Node node : queue) { // the latest, should an older incarnation's key still be there
        if (node.createdIndex() > seenIndex && id.equals(Support.text(node))) ours = node;
      }
      if (ours != null) own(ours);
      if (key == null) {
        step();
        return;
      }
    }
    if (index > seenIndex) seenIndex = index;
    int at = -1;
    for (int i = 0; i < queue.size(); i++) {
      if (key.equals(Support.strip(queue.get(i).key(), prefix))) at = i;
    }
    if (at < 0) {
      keyLost("its key is no longer in etcd");
      return;
    }
    if (at == 0) {
      if (leader) return;
      if (keepAlive.isPastSafeWindow()) {
        keyLost("its key may expire any moment");
        return;
      }
      becomeLeader(index);
      return;
    }
    if (leader) revoke(); // cannot happen: no key is created before one that exists
    String predecessor = Support.strip(queue.get(at - 1).key(), prefix);
    final int my = epoch;
    send(
        etcd.async().wait(predecessor, index + 1, Support.POLL_SECONDS),
        my,
        new Handler() {
          @Override
          public void handle(EtcdResponse<KeysResult> response) {
            // Any answer means look again: the predecessor went, the poll was quiet, or the index
            // was cleared (401) and the next read brings a fresh one.
            if (response == null || (Support.isTransient(response) && !response.isTimeout())) {
              retryLater();
            } else {
              step();
            }
          }
        });
  }

  private void becomeLeader(long index) {
    leader = true;
    token = createdIndex;
    keyWatch =
        new KeyWatch(
                etcd,
                executor,
                key,
                index + 1,
                new KeyWatch.Listener() {
                  @Override
                  public void gone(long at) {
                    keyLost("its key was removed at index " + at);
                  }
                })
            .start();
    try {
      listener.elected();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "election " + path + ": elected() of " + id + " threw", e);
    }
  }

  private void revoke() {
    if (!leader) return;
    leader = false;
    token = -1;
    try {
      listener.revoked();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "election " + path + ": revoked() of " + id + " threw", e);
    }
  }

  /** Our key is gone or unsafe: stop leading, drop it, and queue up again with a new one. */
  private void keyLost(String why) {
    if (closed || key == null) return;
    if (leader) LOG.warning("election " + path + ": " + id + " lost the lead: " + why);
    epoch++;
    cancelCurrent();
    final String stale = key;
    dropKey();
    revoke();
    Support.deleteInBackground(etcd, stale);
    step();
  }

  private void own(Node node) {
    key = Support.strip(node.key(), prefix);
    createdIndex = node.createdIndex();
    keepAlive =
        new KeepAlive(
                etcd,
                executor,
                key,
                ttlSeconds,
                createSentNanos,
                node.modifiedIndex(),
                new KeepAlive.Listener() {
                  @Override
                  public void gone() {
                    keyLost("its key expired or was deleted (a refresh found no key)");
                  }

                  @Override
                  public void expired() {
                    keyLost(
                        "no refresh was confirmed for nine tenths of the " + ttlSeconds + " s TTL");
                  }
                })
            .start();
  }

  private void dropKey() {
    if (keepAlive != null) keepAlive.stop();
    if (keyWatch != null) keyWatch.stop();
    keepAlive = null;
    keyWatch = null;
    key = null;
  }

  private void cancelCurrent() {
    EtcdCall<?> call = current;
    current = null;
    if (call != null) call.cancel();
  }

  private void retryLater() {
    final int my = epoch;
    try {
      ScheduledFuture<?> unused =
          executor.schedule(
              new Runnable() {
                @Override
                public void run() {
                  if (my == epoch) step();
                }
              },
              Support.backoffMillis(++failures),
              TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // closed
    }
  }

  private interface Handler {
    /** The answer, or null for a transport failure. */
    void handle(EtcdResponse<KeysResult> response);
  }

  private void send(EtcdCall<KeysResult> call, final int my, final Handler handler) {
    current = call;
    try {
      call.enqueue(
          new EtcdCallback<KeysResult>() {
            @Override
            public void onResponse(EtcdCall<KeysResult> c, EtcdResponse<KeysResult> response) {
              deliver(my, handler, response);
            }

            @Override
            public void onFailure(EtcdCall<KeysResult> c, EtcdException failure) {
              deliver(my, handler, null);
            }
          });
    } catch (RuntimeException closedClient) {
      deliver(my, handler, null);
    }
  }

  private void deliver(
      final int my, final Handler handler, final EtcdResponse<KeysResult> response) {
    try {
      executor.execute(
          new Runnable() {
            @Override
            public void run() {
              if (my != epoch || closed) return; // superseded
              current = null;
              if (response != null && response.etcdIndex() > seenIndex && !createUnknown) {
                seenIndex = response.etcdIndex();
              }
              handler.handle(response);
            }
          });
    } catch (RejectedExecutionException closing) {
      // closed
    }
  }

  // On the caller of close().

  private void deleteKey(String ownKey, long deadline) {
    int tries = 0;
    while (true) {
      try {
        EtcdResponse<KeysResult> response = etcd.delete(ownKey);
        if (response.isSuccessful() || Support.isMissing(response)) return;
        if (!Support.isTransient(response)) {
          LOG.warning(
              "election "
                  + path
                  + ": deleting "
                  + ownKey
                  + " failed: "
                  + Support.describe(response));
          return;
        }
      } catch (EtcdException unreachable) {
        // retry below
      }
      if (!pause(++tries, deadline)) {
        LOG.warning(
            "election "
                + path
                + ": could not delete "
                + ownKey
                + "; it expires within "
                + ttlSeconds
                + " s");
        return;
      }
    }
  }

  /** A create's outcome was unknown at close: delete a key of ours created after seenIndex. */
  private void deleteUnknown(long deadline) {
    try {
      EtcdResponse<KeysResult> listed = etcd.read(path, false, true, true);
      if (!listed.isSuccessful()) return;
      for (Node node : listed.body().node().nodes()) {
        if (node.createdIndex() > seenIndex && id.equals(Support.text(node))) {
          deleteKey(Support.strip(node.key(), prefix), deadline);
        }
      }
    } catch (EtcdException unreachable) {
      // it expires within its TTL
    }
  }

  private static boolean pause(int tries, long deadline) {
    long millis = Support.backoffMillis(tries);
    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis) - deadline > 0) return false;
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
