package io.etcdv2.runtime;

/** A running watch, from {@link WatchBuilder#start}. */
public interface Watch {
  /**
   * Stops the watch and waits for its thread to end, at most about a second unless a listener call
   * is still running. No listener call starts after this returns. Calling it again, or from a
   * listener, is fine.
   */
  void stop();

  /** False once stopped or ended by an error. */
  boolean isRunning();

  /** The next index the watch asks etcd for. */
  long nextIndex();
}
