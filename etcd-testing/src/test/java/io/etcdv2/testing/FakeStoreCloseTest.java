package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing the fake ends the long polls it serves, also one that arrives while it closes: a poll
 * left waiting would hold a server thread, and MockWebServer's shutdown gives up after 5 s.
 */
@Timeout(10)
class FakeStoreCloseTest {
  @Test
  void watchesOpenAtCloseAndAfterItEndWithoutAnEvent() throws Exception {
    FakeStore store = new FakeStore(new FakeClock(true), 1);
    Watcher open = store.watch("/a", true, 0);
    assertEquals(1, store.watcherCount());

    store.closeWatchers();
    Watcher late = store.watch("/a", true, 0);

    assertNull(open.await(), "open at close");
    assertNull(late.await(), "arrived after close");
    assertEquals(0, store.watcherCount());
  }
}
