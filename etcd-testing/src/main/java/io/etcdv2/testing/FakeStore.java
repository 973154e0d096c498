package io.etcdv2.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The fake's v2 store, following etcd 3.4's {@code v2store} operation by operation: the global
 * index, the tree, TTLs, the event history and the watchers. Paths are clean and absolute; the root
 * is {@code /}. Every method runs under the store's lock.
 */
final class FakeStore {
  /** etcd treats expiry times before 2000-01-01 as none. */
  private static final long MIN_EXPIRE_TIME = 946_684_800L * 1_000_000_000L;

  /** A fresh etcd has written three entries of its own (member, attributes, cluster version). */
  static final long INITIAL_INDEX = 3;

  private final FakeClock clock;
  private final Random order;
  private final StoreNode root = StoreNode.dir("/", null, 0, 0, 0);
  private final TreeSet<StoreNode> ttlKeys =
      new TreeSet<>(
          Comparator.<StoreNode>comparingLong(n -> n.expireTime).thenComparingLong(n -> n.seq));
  private final EventHistory history = new EventHistory();
  private final Map<String, List<Watcher>> watchers = new HashMap<>();
  private boolean watchersClosed; // the fake is closing: no watch waits any more
  private final Map<String, Long> stats = new LinkedHashMap<>();
  private long index;
  private long seq;

  FakeStore(FakeClock clock, long seed) {
    this.clock = clock;
    this.order = new Random(seed);
    for (String stat :
        new String[] {
          "getsSuccess",
          "getsFail",
          "setsSuccess",
          "setsFail",
          "deleteSuccess",
          "deleteFail",
          "updateSuccess",
          "updateFail",
          "createSuccess",
          "createFail",
          "compareAndSwapSuccess",
          "compareAndSwapFail",
          "compareAndDeleteSuccess",
          "compareAndDeleteFail",
          "expireCount"
        }) {
      stats.put(stat, 0L);
    }
    while (index < INITIAL_INDEX) history.add(StoreEvent.internal(++index));
  }

  synchronized long index() {
    return index;
  }

  // ---- reads -----------------------------------------------------------------------------------

  synchronized StoreEvent get(String path, boolean recursive, boolean sorted) throws KeyError {
    return counted(
        "gets",
        () -> {
          StoreNode n = internalGet(path);
          StoreEvent e = new StoreEvent(StoreEvent.GET, path, n.modifiedIndex, n.createdIndex);
          e.etcdIndex = index;
          e.node.load(n, recursive, sorted, clock.nanos(), order);
          return e;
        });
  }

  // ---- writes ----------------------------------------------------------------------------------

  synchronized StoreEvent set(
      String path, boolean dir, String value, long expireTime, boolean refresh) throws KeyError {
    return counted(
        "sets",
        () -> {
          StoreNode n = null;
          KeyError getError = null;
          try {
            n = internalGet(path);
          } catch (KeyError e) {
            if (e.code != KeyError.KEY_NOT_FOUND) throw e;
            getError = e;
          }
          if (refresh && getError != null) throw getError;
          String newValue = refresh ? n.value : value;
          NodeView prev = n == null ? null : NodeView.of(n, false, false, clock.nanos(), order);
          StoreEvent e =
              internalCreate(path, dir, newValue, false, true, expireTime, StoreEvent.SET);
          e.etcdIndex = index;
          if (prev != null) e.prevNode = prev;
          publish(e, refresh);
          return e;
        });
  }

  synchronized StoreEvent create(
      String path, boolean dir, String value, boolean unique, long expireTime) throws KeyError {
    return counted(
        "create",
        () -> {
          StoreEvent e =
              internalCreate(path, dir, value, unique, false, expireTime, StoreEvent.CREATE);
          e.etcdIndex = index;
          publish(e, false);
          return e;
        });
  }

  synchronized StoreEvent update(String path, String value, long expireTime, boolean refresh)
      throws KeyError {
    return counted(
        "update",
        () -> {
          checkNotRoot(path);
          long next = index + 1;
          StoreNode n = internalGet(path);
          if (n.isDir() && !value.isEmpty()) throw new KeyError(KeyError.NOT_FILE, path, index);
          String newValue = refresh ? n.value : value;
          StoreEvent e = new StoreEvent(StoreEvent.UPDATE, path, next, n.createdIndex);
          e.etcdIndex = next;
          e.prevNode = NodeView.of(n, false, false, clock.nanos(), order);
          if (n.isDir()) {
            e.node.dir = true; // etcd keeps a directory's modifiedIndex on update
          } else {
            n.value = newValue;
            n.modifiedIndex = next;
            e.node.value = newValue;
          }
          updateTtl(n, expireTime);
          e.node.expirationFrom(n, clock.nanos());
          publish(e, refresh);
          index = next;
          return e;
        });
  }

  synchronized StoreEvent compareAndSwap(
      String path, String prevValue, long prevIndex, String value, long expireTime, boolean refresh)
      throws KeyError {
    return counted(
        "compareAndSwap",
        () -> {
          checkNotRoot(path);
          StoreNode n = internalGet(path);
          if (n.isDir()) throw new KeyError(KeyError.NOT_FILE, path, index);
          compare(n, prevValue, prevIndex);
          String newValue = refresh ? n.value : value;
          index++;
          StoreEvent e = new StoreEvent(StoreEvent.COMPARE_AND_SWAP, path, index, n.createdIndex);
          e.etcdIndex = index;
          e.prevNode = NodeView.of(n, false, false, clock.nanos(), order);
          n.value = newValue;
          n.modifiedIndex = index;
          updateTtl(n, expireTime);
          e.node.value = newValue;
          e.node.expirationFrom(n, clock.nanos());
          publish(e, refresh);
          return e;
        });
  }

  synchronized StoreEvent delete(String path, boolean dir, boolean recursive) throws KeyError {
    return counted(
        "delete",
        () -> {
          checkNotRoot(path);
          boolean asDir = dir || recursive; // recursive implies dir
          StoreNode n = internalGet(path);
          long next = index + 1;
          StoreEvent e = new StoreEvent(StoreEvent.DELETE, path, next, n.createdIndex);
          e.etcdIndex = next;
          e.prevNode = NodeView.of(n, false, false, clock.nanos(), order);
          if (n.isDir()) e.node.dir = true;
          remove(n, asDir, recursive, removed -> notifyWatchers(e, removed, true));
          index++;
          notify(e);
          return e;
        });
  }

  synchronized StoreEvent compareAndDelete(String path, String prevValue, long prevIndex)
      throws KeyError {
    return counted(
        "compareAndDelete",
        () -> {
          StoreNode n = internalGet(path);
          if (n.isDir()) throw new KeyError(KeyError.NOT_FILE, NodeView.visibleKey(path), index);
          compare(n, prevValue, prevIndex);
          index++;
          StoreEvent e = new StoreEvent(StoreEvent.COMPARE_AND_DELETE, path, index, n.createdIndex);
          e.etcdIndex = index;
          e.prevNode = NodeView.of(n, false, false, clock.nanos(), order);
          remove(n, false, false, removed -> notifyWatchers(e, removed, true));
          notify(e);
          return e;
        });
  }

  // ---- watches and expiry ----------------------------------------------------------------------

  /**
   * A watch from {@code sinceIndex} (0: the next change). The watcher already holds its event when
   * the history has one.
   */
  synchronized Watcher watch(String path, boolean recursive, long sinceIndex) throws KeyError {
    if (sinceIndex == 0) sinceIndex = index + 1;
    StoreEvent past;
    try {
      past = history.scan(path, recursive, sinceIndex);
    } catch (KeyError e) {
      e.index = index;
      throw e;
    }
    Watcher w = new Watcher(path, recursive, sinceIndex, index);
    if (past != null) {
      w.deliver(past.forWatch(index));
    } else if (watchersClosed) {
      w.close(); // a poll that arrived as the fake closed: it ends as the others did
    } else {
      watchers.computeIfAbsent(path, k -> new ArrayList<>()).add(w);
    }
    return w;
  }

  /** Drops a watcher whose caller stopped waiting. */
  synchronized void cancel(Watcher w) {
    List<Watcher> list = watchers.get(w.key);
    if (list != null && list.remove(w) && list.isEmpty()) watchers.remove(w.key);
  }

  synchronized int watcherCount() {
    int count = 0;
    for (List<Watcher> list : watchers.values()) count += list.size();
    return count;
  }

  /** Expires every key whose time has come by {@code now}, each with an event of its own. */
  synchronized void expire(long now) {
    while (!ttlKeys.isEmpty() && ttlKeys.first().expireTime <= now) {
      StoreNode n = ttlKeys.pollFirst();
      index++;
      StoreEvent e = new StoreEvent(StoreEvent.EXPIRE, n.path, index, n.createdIndex);
      e.etcdIndex = index;
      e.prevNode = NodeView.of(n, false, false, clock.nanos(), order);
      if (n.isDir()) e.node.dir = true;
      try {
        remove(n, true, true, removed -> notifyWatchers(e, removed, true));
      } catch (KeyError impossible) {
        throw new AssertionError(impossible);
      }
      count("expireCount");
      notify(e);
    }
  }

  /** When the next key expires, epoch nanos; 0 if none will. */
  synchronized long nextExpiry() {
    return ttlKeys.isEmpty() ? 0 : ttlKeys.first().expireTime;
  }

  synchronized void clearHistory() {
    history.clear(index);
  }

  /**
   * Ends every open watch without an event, and any later one at once, as a stopping member does.
   */
  synchronized void closeWatchers() {
    watchersClosed = true;
    for (List<Watcher> list : watchers.values()) {
      for (Watcher w : list) w.close();
    }
    watchers.clear();
  }

  /** {@code /v2/stats/store}. */
  synchronized String statsJson() {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, Long> stat : stats.entrySet()) {
      out.append('"').append(stat.getKey()).append("\":").append(stat.getValue()).append(',');
    }
    return out.append("\"watchers\":").append(watcherCount()).append('}').toString();
  }

  // ---- etcd's internals ------------------------------------------------------------------------

  private void count(String stat) {
    stats.merge(stat, 1L, Long::sum);
  }

  /** A store operation that can fail as etcd's do. */
  private interface Operation {
    StoreEvent run() throws KeyError;
  }

  /** Runs {@code operation}, counting it as etcd's store stats do ({@code setsSuccess}, ...). */
  private StoreEvent counted(String stat, Operation operation) throws KeyError {
    try {
      StoreEvent e = operation.run();
      count(stat + "Success");
      return e;
    } catch (KeyError e) {
      count(stat + "Fail");
      throw e;
    }
  }

  private void checkNotRoot(String path) throws KeyError {
    if (path.equals("/")) throw new KeyError(KeyError.ROOT_READ_ONLY, "/", index);
  }

  private StoreNode internalGet(String path) throws KeyError {
    StoreNode current = root;
    for (String name : components(path)) {
      if (!current.isDir()) {
        throw new KeyError(KeyError.NOT_DIR, NodeView.visibleKey(current.path), index);
      }
      StoreNode child = current.children.get(name);
      if (child == null) {
        throw new KeyError(KeyError.KEY_NOT_FOUND, join(current.path, name), index);
      }
      current = child;
    }
    return current;
  }

  private StoreEvent internalCreate(
      String path,
      boolean dir,
      String value,
      boolean unique,
      boolean replace,
      long expireTime,
      String action)
      throws KeyError {
    long current = index;
    long next = index + 1;
    if (unique) path = join(path, String.format("%020d", next));
    path = GoHttp.clean(path);
    if (path.equals("/")) throw new KeyError(KeyError.ROOT_READ_ONLY, "/", current);
    if (expireTime < MIN_EXPIRE_TIME) expireTime = 0;
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    StoreNode d = root;
    for (String component : components(path.substring(0, slash))) {
      StoreNode child = d.children.get(component);
      if (child == null) {
        child = StoreNode.dir(join(d.path, component), d, next, 0, ++seq);
        d.children.put(component, child);
      } else if (!child.isDir()) {
        throw new KeyError(KeyError.NOT_DIR, child.path, current);
      }
      d = child;
    }
    StoreEvent e = new StoreEvent(action, path, next, next);
    StoreNode n = d.children.get(name);
    if (n != null) {
      if (!replace) throw new KeyError(KeyError.NODE_EXIST, path, current);
      if (n.isDir()) throw new KeyError(KeyError.NOT_FILE, path, current);
      e.prevNode = NodeView.of(n, false, false, clock.nanos(), order);
      remove(n, false, false, null);
    }
    if (dir) {
      n = StoreNode.dir(path, d, next, expireTime, ++seq);
      e.node.dir = true;
    } else {
      n = StoreNode.file(path, d, value, next, expireTime, ++seq);
      e.node.value = value;
    }
    d.children.put(name, n);
    if (!n.isPermanent()) {
      ttlKeys.add(n);
      e.node.expirationFrom(n, clock.nanos());
    }
    index = next;
    return e;
  }

  private void compare(StoreNode n, String prevValue, long prevIndex) throws KeyError {
    boolean indexMatch = prevIndex == 0 || n.modifiedIndex == prevIndex;
    boolean valueMatch = prevValue.isEmpty() || n.value.equals(prevValue);
    if (indexMatch && valueMatch) return;
    String values = "[" + prevValue + " != " + n.value + "]";
    String indexes = "[" + Long.toUnsignedString(prevIndex) + " != " + n.modifiedIndex + "]";
    String cause =
        !valueMatch && !indexMatch ? values + " " + indexes : valueMatch ? indexes : values;
    throw new KeyError(KeyError.TEST_FAILED, cause, index);
  }

  private void updateTtl(StoreNode n, long expireTime) {
    if (expireTime < MIN_EXPIRE_TIME) expireTime = 0;
    ttlKeys.remove(n);
    n.expireTime = expireTime;
    if (expireTime != 0) ttlKeys.add(n);
  }

  /** etcd's node.Remove: {@code removed} hears of every node taken out, children first. */
  private void remove(StoreNode n, boolean dir, boolean recursive, Consumer<String> removed)
      throws KeyError {
    if (n.isDir()) {
      if (!dir) throw new KeyError(KeyError.NOT_FILE, n.path, index);
      if (!n.children.isEmpty() && !recursive) {
        throw new KeyError(KeyError.DIR_NOT_EMPTY, n.path, index);
      }
      for (StoreNode child : new ArrayList<>(n.children.values())) {
        remove(child, true, true, removed);
      }
    }
    if (n.parent != null && n.parent.children.get(n.name()) == n) {
      n.parent.children.remove(n.name());
      if (removed != null) removed.accept(n.path);
      ttlKeys.remove(n);
    }
  }

  private void publish(StoreEvent e, boolean refresh) {
    if (refresh) {
      e.refresh = true; // in the history, but watchers are not told
      history.add(e);
    } else {
      notify(e);
    }
  }

  /** Records {@code e} and tells the watchers of its key and of every directory above it. */
  private void notify(StoreEvent e) {
    history.add(e);
    String key = e.node.key;
    notifyWatchers(e, "/", false);
    int from = 1;
    while (from <= key.length()) {
      int slash = key.indexOf('/', from);
      String prefix = slash < 0 ? key : key.substring(0, slash);
      notifyWatchers(e, prefix, false);
      if (slash < 0) break;
      from = slash + 1;
    }
  }

  private void notifyWatchers(StoreEvent e, String path, boolean deleted) {
    List<Watcher> list = watchers.get(path);
    if (list == null) return;
    boolean originalPath = e.node.key.equals(path);
    if (!originalPath && isHidden(path, e.node.key)) return;
    for (Watcher w : new ArrayList<>(list)) {
      if ((w.recursive || originalPath || deleted)
          && Long.compareUnsigned(e.index(), w.sinceIndex) >= 0) {
        w.deliver(e.forWatch(w.startIndex));
        list.remove(w);
      }
    }
    if (list.isEmpty()) watchers.remove(path);
  }

  /** Whether {@code key} is hidden from a watcher on {@code watchPath}: a {@code _} name below. */
  private static boolean isHidden(String watchPath, String key) {
    if (watchPath.length() > key.length()) return false;
    return GoHttp.clean("/" + key.substring(watchPath.length())).contains("/_");
  }

  private static List<String> components(String path) {
    List<String> names = new ArrayList<>();
    for (String name : path.split("/")) {
      if (!name.isEmpty()) names.add(name);
    }
    return names;
  }

  private static String join(String dir, String name) {
    return dir.equals("/") ? "/" + name : dir + "/" + name;
  }
}
