package io.etcdv2.testing;

/** One long poll ({@code wait=true}): waits for the first matching event. */
final class Watcher {
  final String key;
  final boolean recursive;
  final long sinceIndex;
  final long startIndex; // the store's index when the watch began: its X-Etcd-Index
  private StoreEvent event;
  private boolean closed;

  Watcher(String key, boolean recursive, long sinceIndex, long startIndex) {
    this.key = key;
    this.recursive = recursive;
    this.sinceIndex = sinceIndex;
    this.startIndex = startIndex;
  }

  /** Hands over the event; false if this watcher already has one or was closed. */
  synchronized boolean deliver(StoreEvent e) {
    if (event != null || closed) return false;
    event = e;
    notifyAll();
    return true;
  }

  /** The event, or null once closed without one. */
  synchronized StoreEvent await() throws InterruptedException {
    while (event == null && !closed) wait();
    return event;
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }
}
