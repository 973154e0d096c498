package io.etcdv2.testing;

/** etcd's v2 event history: the last 1,000 events, one per index, for watches from the past. */
final class EventHistory {
  static final int CAPACITY = 1000;

  private final StoreEvent[] events = new StoreEvent[CAPACITY];
  private int front;
  private int size;
  private long startIndex;
  private long lastIndex;

  void add(StoreEvent e) {
    events[(front + size) % CAPACITY] = e;
    if (size < CAPACITY) {
      size++;
    } else {
      front = (front + 1) % CAPACITY;
    }
    lastIndex = e.index();
    startIndex = events[front].index();
  }

  /** Forgets every event: a watch from before {@code nextIndex} is answered with 401. */
  void clear(long currentIndex) {
    java.util.Arrays.fill(events, null);
    front = 0;
    size = 0;
    startIndex = currentIndex + 1;
    lastIndex = currentIndex;
  }

  /**
   * The first event at or after {@code index} that a watch on {@code key} sees, null if none has
   * happened yet.
   *
   * @throws KeyError 401 if the history no longer reaches back to {@code index}
   */
  StoreEvent scan(String key, boolean recursive, long index) throws KeyError {
    if (Long.compareUnsigned(index, startIndex) < 0) {
      throw new KeyError(
          KeyError.EVENT_INDEX_CLEARED,
          "the requested history has been cleared ["
              + startIndex
              + "/"
              + Long.toUnsignedString(index)
              + "]",
          0);
    }
    if (Long.compareUnsigned(index, lastIndex) > 0 || size == 0) return null;
    String prefix = key.endsWith("/") ? key : key + "/";
    for (int i = (int) (index - startIndex); i < size; i++) {
      StoreEvent e = events[(front + i) % CAPACITY];
      if (e.refresh || e.internal) continue;
      String eventKey = e.node.key.isEmpty() ? "/" : e.node.key;
      boolean match = eventKey.equals(key) || (recursive && eventKey.startsWith(prefix));
      // A deleted or expired directory ends the watches under it (a plain prefix, as etcd has it).
      if ((e.action.equals(StoreEvent.DELETE) || e.action.equals(StoreEvent.EXPIRE))
          && e.prevNode != null
          && e.prevNode.dir
          && key.startsWith(e.prevNode.key)) {
        match = true;
      }
      if (match) return e;
    }
    return null;
  }
}
