package io.etcdv2.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.etcdv2.api.EtcdJson;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.ValueSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The ordering and exactly-once rules of pipelined polls: answers in any order, duplicated, for
 * outdated wait indexes, over sparse histories, still release each event once, in index order, and
 * only when every lower index is accounted for.
 */
final class PollWindowTest {
  private static final JsonAdapter<KeysResult> EVENTS =
      EtcdJson.moshi(new Moshi.Builder().build(), ValueSerializer.JSON).adapter(KeysResult.class);

  static KeysResult event(long index) {
    try {
      return EVENTS.fromJson(
          "{\"action\":\"set\",\"node\":{\"key\":\"/w/k"
              + index
              + "\",\"value\":\"1\",\"modifiedIndex\":"
              + index
              + ",\"createdIndex\":"
              + index
              + "}}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Long> drain(PollWindow window) {
    List<Long> released = new ArrayList<>();
    KeysResult event;
    while ((event = window.release()) != null) released.add(event.node().modifiedIndex());
    return released;
  }

  @Test
  void laterEventWaitsForTheLowerIndexes() {
    PollWindow window = new PollWindow(10);

    window.answered(12, event(12), 20);
    window.answered(11, event(11), 20);
    assertNull(window.release(), "10 is not accounted for yet");

    window.answered(10, event(10), 20);
    assertEquals(List.of(10L, 11L, 12L), drain(window));
    assertEquals(13, window.next());
  }

  @Test
  void duplicatesAndOutdatedAnswersAreDeliveredOnce() {
    PollWindow window = new PollWindow(5);
    window.answered(5, event(7), 9); // nothing matched at 5 and 6
    window.answered(6, event(7), 9);
    assertEquals(List.of(7L), drain(window));

    window.answered(5, event(7), 9); // a late duplicate of an older poll
    window.answered(8, event(8), 9);
    assertEquals(List.of(8L), drain(window));
  }

  @Test
  void gapKnownFromAnEarlierPollLetsTheNextEventThrough() {
    PollWindow window = new PollWindow(1);
    window.answered(3, event(3), 3);
    assertNull(window.release(), "1 and 2 unknown");
    window.answered(1, event(3), 3); // so nothing at 1 and 2
    assertEquals(List.of(3L), drain(window));
  }

  @Test
  void wantedPollsAheadOnlyWhileHistoryReachesFurther() {
    PollWindow window = new PollWindow(100);
    assertEquals(List.of(100L), window.wanted(8, Set.of()), "caught up: one poll");

    window.saw(104);
    assertEquals(List.of(100L, 101L, 102L, 103L, 104L), window.wanted(8, Set.of()));
    assertEquals(List.of(101L, 103L), window.wanted(8, Set.of(100L, 102L, 104L)));

    window.answered(100, event(102), 110); // nothing at 100, 101
    assertEquals(
        List.of(103L, 104L, 105L, 106L, 107L, 108L, 109L, 110L), window.wanted(8, Set.of()));
    assertEquals(List.of(102L), drain(window));
  }

  @Test
  void anyOrderOfAnswersOverRandomSparseHistoriesReleasesEachEventOnceInOrder() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      long start = 1L + random.nextInt(50);
      TreeSet<Long> history = new TreeSet<>();
      for (long i = start; i < start + 200; i++) if (random.nextInt(3) > 0) history.add(i);
      long last = history.last();
      // Every poll from every wait index, some twice, in random order.
      List<Long> polls = new ArrayList<>();
      for (long w = start; w <= last; w++) {
        polls.add(w);
        if (random.nextInt(4) == 0) polls.add(w);
      }
      Collections.shuffle(polls, random);
      PollWindow window = new PollWindow(start);
      List<Long> released = new ArrayList<>();
      for (long w : polls) {
        window.answered(w, event(history.ceiling(w)), last);
        released.addAll(drain(window));
      }
      assertEquals(new ArrayList<>(history), released, "round " + round);
      assertEquals(new HashSet<>(released).size(), released.size());
      assertEquals(last + 1, window.next());
    }
  }

  @Test
  void resetStartsOverAfterAResync() {
    PollWindow window = new PollWindow(1);
    window.answered(2, event(2), 5);
    window.reset(50);
    window.answered(1, event(3), 60); // from before the resync
    assertNull(window.release());
    window.answered(50, event(50), 60);
    assertEquals(List.of(50L), drain(window));
  }
}
