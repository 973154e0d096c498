package io.etcdv2.recipes;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Node;
import io.etcdv2.runtime.Watch;
import io.etcdv2.runtime.WatchListener;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local copy of a directory and everything below it, kept current by the client's continuous
 * watch, like Curator's {@code CuratorCache}.
 *
 * <pre>{@code
 * TreeCache config = TreeCache.create(etcd, "/config");
 * config.addListener(new TreeCache.Listener() {
 *   public void added(CachedNode node) { apply(node); }
 *   public void updated(CachedNode previous, CachedNode current) { apply(current); }
 *   public void removed(CachedNode node) { forget(node.key()); }
 * });
 * config.start();                                   // reads the tree; listeners hear it as added()
 * CachedNode replicas = config.get("/config/replicas");
 * List<CachedNode> services = config.children("/config/services");
 * ...
 * config.close();
 * }</pre>
 *
 * <p><b>How it works.</b> {@link #start()} reads the tree (recursive, quorum) and starts a
 * recursive watch from the index after that read. Each event is applied to the copy and then told
 * to the listeners. When the watch falls behind etcd's 1000-event history (etcd answers 401 "event
 * index cleared"), the watch reads the tree again; the cache then reports the difference between
 * its old copy and the fresh read as the removes, adds and updates that turn one into the other, so
 * listeners never miss a change's effect. Directories that etcd creates on the way to a key written
 * below them are added too, as etcd creates them in the same change.
 *
 * <p><b>Guarantees.</b>
 *
 * <ul>
 *   <li>After any sequence of changes, once the cache has caught up to index {@code i}, its {@link
 *       #snapshot()} equals a quorum read of the tree at {@code i} (refreshes aside, which etcd
 *       does not tell watchers: see {@link CachedNode}).
 *   <li>Listeners hear every change once, in etcd's order, resyncs included: applying their {@code
 *       added}, {@code updated} and {@code removed} calls to an empty map, from {@link #start()}
 *       on, yields the cache's content.
 *   <li>Member restarts and dropped connections are retried by the watch, losing nothing.
 * </ul>
 *
 * <p>Listeners run on the watch's thread ({@code etcd-watch <directory>}), one call at a time,
 * after the change is in the cache. A listener that blocks holds the cache back; if it blocks long
 * enough for etcd's history to move on, a resync follows, and still nothing is lost. Reads ({@link
 * #get}, {@link #children}, {@link #snapshot}) may come from any thread.
 */
public final class TreeCache implements Closeable {
  private static final Logger LOG = Logger.getLogger(TreeCache.class.getName());

  /** Told of every change to the cache, on the watch's thread. */
  public interface Listener {
    /** A node appeared: created, or present in the first read or a resync's read. */
    void added(CachedNode node);

    /**
     * A node changed and stayed the same kind (key or directory): a new value or TTL, or written
     * again ({@code set} replaces a key, giving it a new createdIndex).
     */
    void updated(CachedNode previous, CachedNode current);

    /**
     * A node went: deleted, expired, or below a directory that went (children are told before their
     * directory).
     */
    void removed(CachedNode node);
  }

  private final EtcdClient etcd;
  private final String root;
  private final String prefix;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();

  /** Guarded by lock. */
  private final TreeMap<String, CachedNode> nodes = new TreeMap<>();

  /** Guarded by lock. */
  private long index;

  private volatile long resyncs;
  private volatile boolean started;
  private volatile boolean closed;
  private volatile Watch watch;

  private TreeCache(EtcdClient etcd, String root) {
    this.etcd = etcd;
    this.root = root;
    this.prefix = Support.prefix(etcd);
  }

  /** A cache of {@code root} and everything below it; nothing happens until {@link #start()}. */
  public static TreeCache create(EtcdClient etcd, String root) {
    if (etcd == null) throw new NullPointerException("etcd == null");
    return new TreeCache(etcd, Support.normalize(root));
  }

  /**
   * Reads the tree (listeners added before hear each node as {@code added()}) and starts keeping
   * the copy current.
   *
   * @throws io.etcdv2.api.EtcdException when etcd cannot be reached
   * @throws IllegalStateException when etcd refuses the read, or when started before or closed
   */
  public void start() {
    synchronized (this) {
      if (closed) throw new IllegalStateException("cache of " + root + " is closed");
      if (started) throw new IllegalStateException("cache of " + root + " was started already");
      started = true;
    }
    EtcdResponse<KeysResult> read;
    try {
      read = etcd.read(root, true, false, true);
      if (!read.isSuccessful() && !Support.isMissing(read)) {
        throw new IllegalStateException(
            "cache of " + root + ": the first read failed: " + Support.describe(read));
      }
    } catch (RuntimeException e) {
      started = false;
      throw e;
    }
    long at = read.etcdIndex();
    replace(read, at, false);
    watch =
        etcd.watch(root)
            .recursive()
            .fromIndex(at + 1)
            .start(
                new WatchListener() {
                  @Override
                  public void onEvent(KeysResult event) {
                    apply(event);
                  }

                  @Override
                  public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
                    replace(state, etcdIndex, true);
                  }

                  @Override
                  public void onError(Throwable error) {
                    LOG.log(Level.SEVERE, "cache of " + root + " no longer follows etcd", error);
                  }
                });
    if (closed) watch.stop();
  }

  /**
   * Adds a listener. One added before {@link #start()} hears the first read as {@code added()}
   * calls; one added later hears changes from then on.
   */
  public void addListener(Listener listener) {
    if (listener == null) throw new NullPointerException("listener == null");
    listeners.add(listener);
  }

  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /** The cached directory. */
  public String root() {
    return root;
  }

  /** The node at {@code key}, or null when the cache has none. */
  public CachedNode get(String key) {
    String normalized = Support.normalize(key);
    synchronized (lock) {
      return nodes.get(normalized);
    }
  }

  /** The nodes directly below {@code dir}, in key order; empty when it has none. */
  public List<CachedNode> children(String dir) {
    String normalized = Support.normalize(dir);
    String from = normalized.equals("/") ? "/" : normalized + "/";
    String to = normalized.equals("/") ? "0" : normalized + "0"; // '0' follows '/'
    List<CachedNode> children = new ArrayList<>();
    synchronized (lock) {
      for (Map.Entry<String, CachedNode> entry : nodes.subMap(from, to).entrySet()) {
        if (entry.getKey().indexOf('/', from.length()) < 0) children.add(entry.getValue());
      }
    }
    return Collections.unmodifiableList(children);
  }

  /** Every cached node by key, the directory itself included when it exists; a copy. */
  public SortedMap<String, CachedNode> snapshot() {
    synchronized (lock) {
      return Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
    }
  }

  /**
   * The etcd index the cache reflects: that of the first read, the last event applied, or the last
   * resync's read. Changes elsewhere in etcd move etcd's index, not this one.
   */
  public long index() {
    synchronized (lock) {
      return index;
    }
  }

  /**
   * Waits until the cache reflects index {@code index} or later, such as that of a write below its
   * directory.
   *
   * @return false when the time ran out first
   */
  public boolean awaitIndex(long index, long time, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(time);
    synchronized (lock) {
      while (this.index < index) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /** How many times the cache was rebuilt from a fresh read because etcd's history moved on. */
  public long resyncCount() {
    return resyncs;
  }

  /** True from {@link #start()} until {@link #close()}, unless the watch ended on an error. */
  public boolean isRunning() {
    Watch current = watch;
    return current != null && current.isRunning();
  }

  /** Stops following etcd and ends the watch's thread; the copy stays readable. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    Watch current = watch;
    if (current != null) current.stop();
  }

  @Override
  public String toString() {
    return "TreeCache{" + root + ", index=" + index() + (closed ? ", closed" : "") + '}';
  }

  // On the watch's thread (and start()'s).

  private void apply(KeysResult event) {
    Node node = event.node();
    if (node == null) return;
    String key = Support.strip(node.key(), prefix);
    long at = node.modifiedIndex();
    List<Change> changes = new ArrayList<>();
    synchronized (lock) {
      if (Support.isRemoval(event.action())) {
        if (Support.isAtOrBelow(root, key)) {
          removeBelow(root, true, changes); // the directory itself or one above it went
        } else {
          removeBelow(key, true, changes);
        }
      } else if (Support.isAtOrBelow(key, root)) {
        addParents(key, at, changes);
        CachedNode current = CachedNode.of(node, key);
        CachedNode previous = nodes.get(key);
        if (previous == null) {
          nodes.put(key, current);
          changes.add(Change.added(current));
        } else if (previous.isDir() != current.isDir()) {
          removeBelow(key, true, changes);
          nodes.put(key, current);
          changes.add(Change.added(current));
        } else if (!previous.equals(current)) {
          nodes.put(key, current);
          changes.add(Change.updated(previous, current));
        }
      }
      if (at > index) index = at;
      lock.notifyAll();
    }
    fire(changes);
  }

  /** Replaces the copy with a read's tree, telling the difference. */
  private void replace(EtcdResponse<KeysResult> read, long at, boolean resync) {
    TreeMap<String, CachedNode> fresh = new TreeMap<>();
    if (read.isSuccessful() && read.body() != null && read.body().node() != null) {
      flatten(read.body().node(), fresh);
    }
    List<Change> changes = new ArrayList<>();
    synchronized (lock) {
      // Removals first, deepest first; then additions and updates, parents first.
      for (Map.Entry<String, CachedNode> entry : nodes.descendingMap().entrySet()) {
        CachedNode now = fresh.get(entry.getKey());
        if (now == null || replaced(entry.getValue(), now)) {
          changes.add(Change.removed(entry.getValue()));
        }
      }
      for (Map.Entry<String, CachedNode> entry : fresh.entrySet()) {
        CachedNode before = nodes.get(entry.getKey());
        if (before == null || replaced(before, entry.getValue())) {
          changes.add(Change.added(entry.getValue()));
        } else if (!before.equals(entry.getValue())) {
          changes.add(Change.updated(before, entry.getValue()));
        }
      }
      nodes.clear();
      nodes.putAll(fresh);
      if (at > index || !resync) index = at;
      if (resync) resyncs++;
      lock.notifyAll();
    }
    if (resync) {
      LOG.fine("cache of " + root + " resynced at " + at + ": " + changes.size() + " changes");
    }
    fire(changes);
  }

  /** Another kind of node under the same key: a directory for a key or the other way round. */
  private static boolean replaced(CachedNode before, CachedNode after) {
    return before.isDir() != after.isDir();
  }

  private void flatten(Node node, Map<String, CachedNode> into) {
    String key = Support.strip(node.key(), prefix);
    if (node.key() != null && !key.equals("/") && Support.isAtOrBelow(key, root)) {
      into.put(key, CachedNode.of(node, key));
    }
    for (Node child : node.nodes()) flatten(child, into);
  }

  /** Adds the directories above {@code key}, up to the root, that the cache lacks. */
  private void addParents(String key, long at, List<Change> changes) {
    for (int slash = key.indexOf('/', 1); slash > 0; slash = key.indexOf('/', slash + 1)) {
      String parent = key.substring(0, slash);
      if (Support.isAtOrBelow(parent, root) && !nodes.containsKey(parent)) {
        put(CachedNode.implicitDirectory(parent, at), changes);
      }
    }
  }

  private void put(CachedNode node, List<Change> changes) {
    nodes.put(node.key(), node);
    changes.add(Change.added(node));
  }

  /** Removes {@code key} (if {@code self}) and everything below it, deepest first. */
  private void removeBelow(String key, boolean self, List<Change> changes) {
    NavigableMap<String, CachedNode> below;
    if (key.equals("/")) {
      below = nodes;
    } else {
      below = nodes.subMap(key + "/", true, key + "0", false);
    }
    List<CachedNode> gone = new ArrayList<>(below.descendingMap().values());
    below.clear();
    for (CachedNode node : gone) changes.add(Change.removed(node));
    if (self && !key.equals("/")) {
      CachedNode node = nodes.remove(key);
      if (node != null) changes.add(Change.removed(node));
    }
  }

  private void fire(List<Change> changes) {
    if (changes.isEmpty()) return;
    for (Listener listener : listeners) {
      for (Change change : changes) {
        try {
          if (change.previous == null) {
            listener.added(change.current);
          } else if (change.current == null) {
            listener.removed(change.previous);
          } else {
            listener.updated(change.previous, change.current);
          }
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "cache of " + root + ": a listener threw on " + change, e);
        }
      }
    }
  }

  private static final class Change {
    final CachedNode previous;
    final CachedNode current;

    private Change(CachedNode previous, CachedNode current) {
      this.previous = previous;
      this.current = current;
    }

    static Change added(CachedNode node) {
      return new Change(null, node);
    }

    static Change removed(CachedNode node) {
      return new Change(node, null);
    }

    static Change updated(CachedNode previous, CachedNode current) {
      return new Change(previous, current);
    }

    @Override
    public String toString() {
      return previous == null
          ? "added " + current
          : current == null ? "removed " + previous : "updated " + previous + " to " + current;
    }
  }
}
