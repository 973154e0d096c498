package io.etcdv2.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.Watch;
import io.etcdv2.testing.EtcdExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A watch outlives its etcd member going away and coming back on the same data: passing outages are
 * retried, never reported, and nothing is lost or delivered twice. A member of its own, since these
 * tests stop it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WatchAcrossRestartTest {
  @RegisterExtension static final EtcdExtension server = EtcdExtension.singleNode();

  @Test
  void watchOutlivesAStopAndRestartOfEtcdWithoutLosingOrRepeatingEvents() {
    assertOutlivesAnOutage("/restart", () -> server.member(0).stop());
  }

  @Test
  void watchOutlivesACrashAndRestartOfEtcdWithoutLosingOrRepeatingEvents() {
    assertOutlivesAnOutage("/crash", () -> server.member(0).kill());
  }

  private void assertOutlivesAnOutage(String dir, Runnable takeDown) {
    Recorder recorder = new Recorder();
    EtcdClient etcd = EtcdClient.builder().host(server.endpoints().get(0)).build();
    Watch watch = null;
    try {
      List<Long> written = new ArrayList<>();
      long start;
      try (EtcdClient writer = EtcdClient.builder().host(server.endpoints().get(0)).build()) {
        start = writer.mkdir(dir).body().node().modifiedIndex();
        watch = etcd.watch(dir).recursive().fromIndex(start + 1).pollTimeout(30).start(recorder);
        for (int i = 0; i < 20; i++) written.add(write(writer, dir + "/before" + i, "b" + i));
      }
      long lastBefore = written.get(written.size() - 1);
      assertTrue(recorder.awaitIndex(lastBefore, Duration.ofSeconds(10)), recorder::toString);

      takeDown.run(); // the watcher's open poll ends with an error or an unterminated body
      Threads.sleep(500); // the watcher now retries against a member that is not there
      assertTrue(watch.isRunning(), "an outage ended the watch");
      server.member(0).restart(); // same ports, same data

      try (EtcdClient writer = EtcdClient.builder().host(server.endpoints().get(0)).build()) {
        for (int i = 0; i < 20; i++) written.add(write(writer, dir + "/after" + i, "a" + i));
      }
      long lastAfter = written.get(written.size() - 1);
      assertTrue(
          recorder.awaitIndex(lastAfter, Duration.ofSeconds(30)),
          () ->
              "events written after the restart were not delivered: "
                  + recorder.eventIndexes()
                  + " of "
                  + written);
      Threads.sleep(200); // anything delivered twice would arrive now

      List<Long> indexes = recorder.eventIndexes();
      Set<Long> distinct = new HashSet<>(indexes);
      assertEquals(indexes.size(), distinct.size(), () -> "an event came twice: " + indexes);
      assertEquals(written, indexes, "every write once, in order");
      assertEquals(List.of(), recorder.resyncs(), "etcd kept its history across the restart");
      assertEquals(List.of(), recorder.errors(), "an outage is retried, not reported");
      assertTrue(watch.isRunning());
    } finally {
      if (watch != null) watch.stop();
      etcd.close();
    }
  }

  private static long write(EtcdClient writer, String key, String value) {
    EtcdResponse<KeysResult> response = writer.set(key, value);
    assertEquals(201, response.status(), response::toString);
    return response.body().node().modifiedIndex();
  }

  @Test
  void watchOfAnUnreachableEtcdRetriesSilentlyAndStopsPromptly() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Recorder recorder = new Recorder();
    try (EtcdClient etcd = EtcdClient.builder().host("http://127.0.0.1:" + port).build()) {
      Watch watch = etcd.watch("/nowhere").recursive().start(recorder);
      Threads.sleep(1_500); // several refused attempts and back-off sleeps
      assertTrue(watch.isRunning(), "a refused connection is an outage to retry");
      assertEquals(List.of(), recorder.errors());

      long began = System.nanoTime();
      watch.stop();
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
      assertTrue(tookMillis < 2_000, "stop() during back-off took " + tookMillis + " ms");
      assertFalse(watch.isRunning());
    }
    assertEquals(List.of(), recorder.events());
    assertEquals(List.of(), recorder.resyncs());
  }
}
