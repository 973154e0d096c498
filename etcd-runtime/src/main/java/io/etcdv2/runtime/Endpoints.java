package io.etcdv2.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The cluster's client URLs in the order in use: the pinned member first, then the others in the
 * order they are tried. Every call reads one snapshot; the member that answers after others failed
 * becomes pinned, and {@link #replace} swaps in a synced list.
 */
final class Endpoints {
  private volatile List<HttpUrl> order;

  Endpoints(List<HttpUrl> order) {
    this.order = Collections.unmodifiableList(new ArrayList<>(order));
  }

  /** The members in the order a call tries them, pinned one first. */
  List<HttpUrl> order() {
    return order;
  }

  /** The member that serves requests until it fails. */
  HttpUrl pinned() {
    return order.get(0);
  }

  /**
   * Pins {@code member}: the list turns, keeping its cyclic order, so that it comes first. A member
   * no longer listed (a sync removed it meanwhile) is ignored.
   */
  synchronized void pin(HttpUrl member) {
    List<HttpUrl> current = order;
    int at = current.indexOf(member);
    if (at <= 0) return;
    List<HttpUrl> turned = new ArrayList<>(current.size());
    turned.addAll(current.subList(at, current.size()));
    turned.addAll(current.subList(0, at));
    order = Collections.unmodifiableList(turned);
  }

  /**
   * Replaces the list with {@code members}, keeping the pinned member first when it is among them,
   * as the Go client does. Returns the new list.
   */
  synchronized List<HttpUrl> replace(List<HttpUrl> members) {
    if (members.isEmpty()) throw new IllegalArgumentException("members is empty");
    List<HttpUrl> next = new ArrayList<>(members);
    HttpUrl pinned = order.get(0);
    if (next.remove(pinned)) next.add(0, pinned);
    order = Collections.unmodifiableList(next);
    return order;
  }

  @Override
  public String toString() {
    return order.toString();
  }
}
