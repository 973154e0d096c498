package io.etcdv2.runtime;

import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Many watches of keys under one directory sharing one recursive watch: one long poll (more only
 * while it catches up) and one thread, however many keys are watched, with the same guarantees as a
 * lone {@link Watch}. Each event goes to the watches of its key, of the directories above it (when
 * those watch recursively), and, when a directory is deleted or expires, to the watches below it.
 *
 * <pre>{@code
 * WatchGroup services = etcd.watch("/services").startGroup();
 * Watch a = services.watch("/services/web/a", listener);      // the key itself
 * Watch web = services.watchTree("/services/web", listener2); // and everything under it
 * ...
 * a.stop();          // this watch only
 * services.stop();   // all of them
 * }</pre>
 *
 * <p>Listeners run on the group's thread, one call at a time: keep them short. On a resync each
 * watch's {@link WatchListener#onResync} receives the fresh read of the whole group directory; find
 * your key in it.
 */
public final class WatchGroup implements Watch {
  private final String prefix;
  private final String directory; // as etcd names it: the prefix, then the normalised key

  /** Watches by the key they watch, as etcd names it. Read on the group's thread. */
  private final TreeMap<String, List<Member>> members = new TreeMap<>();

  private final Watcher watcher;

  WatchGroup(
      EtcdRuntime runtime,
      io.etcdv2.api.KeysApi keys,
      String encodedKey,
      long fromIndex,
      long pollSeconds) {
    this.prefix = runtime.prefix();
    String key = Keys.decodePath(encodedKey);
    this.directory = prefix + (key.equals("/") ? "" : key);
    this.watcher =
        new Watcher(runtime, keys, encodedKey, true, fromIndex, pollSeconds, new Router());
  }

  void start() {
    watcher.start();
  }

  /** Watches {@code key} (under the group's directory) itself. */
  public Watch watch(String key, WatchListener listener) {
    return add(key, false, listener);
  }

  /** Watches {@code key} and every key under it. */
  public Watch watchTree(String key, WatchListener listener) {
    return add(key, true, listener);
  }

  private Watch add(String key, boolean recursive, WatchListener listener) {
    Arguments.checkNotNull(key, "key");
    Arguments.checkNotNull(listener, "listener");
    String normalized = Keys.normalize(Arguments.checkWellFormed(key, "key"));
    String full = prefix + (normalized.equals("/") ? "" : normalized);
    if (!full.equals(directory) && !full.startsWith(directory + "/")) {
      throw new IllegalArgumentException(
          "key must be "
              + strip(directory)
              + " or below it, the"
              + " group's directory, but was \""
              + key
              + "\"");
    }
    Member member = new Member(full, recursive, listener);
    synchronized (members) {
      List<Member> same = members.get(full);
      if (same == null) {
        same = new CopyOnWriteArrayList<>();
        members.put(full, same);
      }
      same.add(member);
    }
    return member;
  }

  private String strip(String etcdKey) {
    return etcdKey.substring(prefix.length()).isEmpty() ? "/" : etcdKey.substring(prefix.length());
  }

  /** The watches an event on {@code key} concerns, each once. */
  private List<Member> concerned(String key, boolean removesTree) {
    List<Member> found = new ArrayList<>();
    synchronized (members) {
      List<Member> exact = members.get(key);
      if (exact != null) found.addAll(exact);
      for (String above = parent(key);
          above != null && above.length() >= directory.length();
          above = parent(above)) {
        List<Member> candidates = members.get(above);
        if (candidates == null) continue;
        for (Member member : candidates) if (member.recursive) found.add(member);
      }
      if (removesTree) {
        // '/' + 1 is '0': every key that starts with key + "/"
        SortedMap<String, List<Member>> below = members.subMap(key + "/", key + "0");
        for (List<Member> list : below.values()) found.addAll(list);
      }
    }
    return found;
  }

  private static String parent(String key) {
    int slash = key.lastIndexOf('/');
    return slash <= 0 ? (key.length() > 1 ? "" : null) : key.substring(0, slash);
  }

  private List<Member> all() {
    List<Member> all = new ArrayList<>();
    synchronized (members) {
      for (List<Member> list : members.values()) all.addAll(list);
    }
    return all;
  }

  /** Hands the shared watch's callbacks to the watches they concern. */
  private final class Router implements WatchListener {
    @Override
    public void onEvent(KeysResult event) {
      String action = event.action();
      boolean removesTree =
          event.node().isDir()
              && ("delete".equals(action)
                  || "expire".equals(action)
                  || "compareAndDelete".equals(action));
      for (Member member : concerned(event.node().key(), removesTree)) {
        if (member.stopped) continue;
        try {
          member.listener.onEvent(event);
        } catch (RuntimeException e) {
          Watcher.logListenerFailure(strip(member.key), event, e);
        }
      }
    }

    @Override
    public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
      for (Member member : all()) {
        if (member.stopped) continue;
        try {
          member.listener.onResync(state, etcdIndex);
        } catch (RuntimeException e) {
          Watcher.logListenerFailure(strip(member.key), "resync at " + etcdIndex, e);
        }
      }
    }

    @Override
    public void onError(Throwable error) {
      for (Member member : all()) {
        if (member.stopped) continue;
        member.stopped = true;
        try {
          member.listener.onError(error);
        } catch (RuntimeException e) {
          Watcher.logListenerFailure(strip(member.key), error, e);
        }
      }
    }

    @Override
    public void onRetrying(Throwable problem, int failuresInARow) {
      for (Member member : all()) {
        if (member.stopped) continue;
        try {
          member.listener.onRetrying(problem, failuresInARow);
        } catch (RuntimeException e) {
          Watcher.logListenerFailure(strip(member.key), problem, e);
        }
      }
    }
  }

  /** One watch of the group. */
  private final class Member implements Watch {
    final String key;
    final boolean recursive;
    final WatchListener listener;
    volatile boolean stopped;

    Member(String key, boolean recursive, WatchListener listener) {
      this.key = key;
      this.recursive = recursive;
      this.listener = listener;
    }

    @Override
    public void stop() {
      stopped = true;
      synchronized (members) {
        List<Member> same = members.get(key);
        if (same != null) {
          same.remove(this);
          if (same.isEmpty()) members.remove(key);
        }
      }
      watcher.awaitListenerCall();
    }

    @Override
    public boolean isRunning() {
      return !stopped && watcher.isRunning();
    }

    @Override
    public long nextIndex() {
      return watcher.nextIndex();
    }

    @Override
    public String toString() {
      return "Watch{"
          + strip(key)
          + (recursive ? ", recursive" : "")
          + ", in group "
          + strip(directory)
          + '}';
    }
  }

  /** Stops the shared watch and with it every watch of the group. */
  @Override
  public void stop() {
    watcher.stop();
    for (Member member : all()) member.stopped = true;
  }

  @Override
  public boolean isRunning() {
    return watcher.isRunning();
  }

  @Override
  public long nextIndex() {
    return watcher.nextIndex();
  }

  /** How many watches the group holds. */
  public int size() {
    int size = 0;
    synchronized (members) {
      for (Map.Entry<String, List<Member>> entry : members.entrySet()) {
        size += entry.getValue().size();
      }
    }
    return size;
  }

  @Override
  public String toString() {
    return "WatchGroup{" + strip(directory) + ", " + size() + " watches, " + watcher + '}';
  }
}
