package io.etcdv2.runtime;

import io.etcdv2.api.KeysApi;

/**
 * Configures a continuous watch of a key or directory.
 *
 * <pre>{@code
 * Watch watch = etcd.watch("/config").recursive().fromIndex(index + 1).start(listener);
 * ...
 * watch.stop();
 * }</pre>
 */
public final class WatchBuilder {
  private final EtcdRuntime runtime;
  private final KeysApi keys;
  private final String key;
  private boolean recursive;
  private long fromIndex; // 0: from now
  private long pollSeconds = 60;

  WatchBuilder(EtcdRuntime runtime, KeysApi keys, String encodedKey) {
    this.runtime = runtime;
    this.keys = keys;
    this.key = encodedKey;
  }

  /** Watches every key below a directory, not only the node itself. */
  public WatchBuilder recursive() {
    this.recursive = true;
    return this;
  }

  /**
   * The first index to deliver, such as a read's {@code modifiedIndex + 1}; events still in etcd's
   * history are delivered at once. Without it the watch starts from etcd's current index, read when
   * the watch starts.
   *
   * @throws IllegalArgumentException if {@code index} is less than 1
   */
  public WatchBuilder fromIndex(long index) {
    if (index < 1) throw new IllegalArgumentException("index must be 1 or more but was " + index);
    this.fromIndex = index;
    return this;
  }

  /**
   * How long one long poll may stay quiet before it is renewed, in seconds (default 60). Renewal
   * loses nothing; it only guards against connections that died without a word.
   */
  public WatchBuilder pollTimeout(long seconds) {
    if (seconds < 1) {
      throw new IllegalArgumentException("seconds must be 1 or more but was " + seconds);
    }
    this.pollSeconds = seconds;
    return this;
  }

  /**
   * Starts the watch on a thread of its own. With {@link #fromIndex} it returns at once. Without
   * it, it first waits for the watch to read etcd's current index (one round trip, at most the
   * client's timeout), so that every change made after this returns is delivered: call it off
   * Android's main thread, or give a {@code fromIndex}.
   */
  public Watch start(WatchListener listener) {
    if (listener == null) throw new NullPointerException("listener == null");
    Watcher watcher = new Watcher(runtime, keys, key, recursive, fromIndex, pollSeconds, listener);
    watcher.start();
    return watcher;
  }

  /**
   * Starts one recursive watch of this directory that many watches of keys under it share: see
   * {@link WatchGroup}. Ten thousand watched keys cost one long poll and one thread.
   */
  public WatchGroup startGroup() {
    WatchGroup group = new WatchGroup(runtime, keys, key, fromIndex, pollSeconds);
    group.start();
    return group;
  }
}
