package io.etcdv2.runtime;

import io.etcdv2.api.KeysResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a watch knows of etcd's history from {@code next} on, so that several long polls can be in
 * flight at once and their answers, in any order and with duplicates, still make one stream of
 * events in index order, each once.
 *
 * <p>A poll with {@code waitIndex = w} answers with the first matching event at or after {@code w},
 * at index {@code e}: so there is no matching event in {@code [w, e)}, and there is one at {@code
 * e}. An event is released only when every lower index is accounted for.
 */
final class PollWindow {
  private long next;
  private long latest; // the highest etcd index seen in answers: how far history reaches
  private final TreeMap<Long, KeysResult> events = new TreeMap<>();
  private final TreeMap<Long, Long> empty = new TreeMap<>(); // w -> e: no event in [w, e)

  PollWindow(long next) {
    this.next = next;
    this.latest = next - 1;
  }

  /** The lowest index not yet delivered or known to have no event. */
  long next() {
    return next;
  }

  /** Notes the answer of the poll from {@code waitIndex}; {@code etcdIndex} as answered. */
  void answered(long waitIndex, KeysResult event, long etcdIndex) {
    latest = Math.max(latest, etcdIndex);
    long index = event.node().modifiedIndex();
    latest = Math.max(latest, index);
    if (index < next) return; // delivered already, or the answer of an outdated poll
    events.put(index, event);
    long from = Math.max(waitIndex, next);
    if (index > from) {
      Long known = empty.get(from);
      if (known == null || known < index) empty.put(from, index);
    }
  }

  /** Notes the etcd index of an answer without an event (a quiet poll ends with one). */
  void saw(long etcdIndex) {
    latest = Math.max(latest, etcdIndex);
  }

  /** The next event in order, or null until every index below it is accounted for. */
  KeysResult release() {
    while (true) {
      Map.Entry<Long, KeysResult> first = events.firstEntry();
      if (first != null && first.getKey() < next) {
        events.pollFirstEntry();
        continue;
      }
      if (first != null && first.getKey() == next) {
        events.pollFirstEntry();
        next++;
        forgetBelow(next);
        return first.getValue();
      }
      Map.Entry<Long, Long> gap = empty.floorEntry(next);
      if (gap != null && gap.getValue() > next) {
        next = gap.getValue();
        continue;
      }
      return null;
    }
  }

  private void forgetBelow(long index) {
    while (!empty.isEmpty() && empty.firstEntry().getValue() <= index) empty.pollFirstEntry();
  }

  /**
   * The wait indexes worth polling now, lowest first, at most {@code window} in flight: always
   * {@code next}, and while history reaches further (the watch lags), the indexes after it that are
   * not known yet.
   */
  List<Long> wanted(int window, Set<Long> inFlight) {
    List<Long> wanted = new ArrayList<>();
    int busy = 0;
    for (Long w : inFlight) if (w >= next) busy++;
    long candidate = next;
    while (busy + wanted.size() < window) {
      if (candidate > next && candidate > latest) break; // only the future left: one poll waits
      Map.Entry<Long, Long> gap = empty.floorEntry(candidate);
      if (gap != null && gap.getValue() > candidate) {
        candidate = gap.getValue();
        continue;
      }
      if (!events.containsKey(candidate) && !inFlight.contains(candidate)) {
        wanted.add(candidate);
      }
      candidate++;
    }
    return wanted;
  }

  /** Starts over from {@code index}, as after a resync. */
  void reset(long index) {
    next = index;
    latest = Math.max(latest, index - 1);
    events.clear();
    empty.clear();
  }
}
