package io.etcdv2.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.Permissions;
import io.etcdv2.api.RoleRequest;
import io.etcdv2.api.UserRequest;
import io.etcdv2.runtime.Watch;
import io.etcdv2.testing.EtcdExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An error that retrying cannot heal ends the watch and reaches onError: anonymous watchers of an
 * etcd with auth on and the guest role revoked. A member of its own, since auth stays on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WatchAuthTest {
  @RegisterExtension static final EtcdExtension server = EtcdExtension.singleNode();
  private static long lastIndex;

  @BeforeAll
  static void turnAuthOn() {
    try (EtcdClient anonymous = EtcdClient.builder().host(server.endpoints().get(0)).build()) {
      lastIndex = anonymous.set("/secret/k", "v").body().node().modifiedIndex();
      assertEquals(201, anonymous.putUser("root", UserRequest.create("root", "root-pw")).status());
    }
    try (EtcdClient root = rootClient()) {
      assertEquals(200, root.enableAuth().status());
      assertEquals(
          200,
          root.putRole("guest", RoleRequest.revoke("guest", Permissions.readWrite("/*"))).status());
    }
    try (EtcdClient anonymous = EtcdClient.builder().host(server.endpoints().get(0)).build()) {
      assertEquals(401, anonymous.get("/secret/k").status(), "guests are locked out");
    }
  }

  private static EtcdClient rootClient() {
    return EtcdClient.builder().host(server.endpoints().get(0)).auth("root", "root-pw").build();
  }

  @Test
  void anonymousWatchFromNowEndsWithOnError() {
    // Without fromIndex the watch first reads the current index, which etcd refuses.
    try (EtcdClient anonymous = EtcdClient.builder().host(server.endpoints().get(0)).build()) {
      assertEndsWith401(anonymous, anonymous.watch("/secret").recursive());
    }
  }

  @Test
  void anonymousWatchFromAnIndexEndsWithOnError() {
    // With fromIndex the first request is the long poll itself, which etcd refuses.
    try (EtcdClient anonymous = EtcdClient.builder().host(server.endpoints().get(0)).build()) {
      assertEndsWith401(anonymous, anonymous.watch("/secret").recursive().fromIndex(lastIndex + 1));
    }
  }

  private static void assertEndsWith401(EtcdClient client, io.etcdv2.runtime.WatchBuilder builder) {
    Recorder recorder = new Recorder();
    Watch watch = builder.start(recorder);
    try {
      assertTrue(
          recorder.awaitError(Duration.ofSeconds(10)),
          () -> "no onError for a refused watch: " + recorder + ", " + watch);
      Throwable error = recorder.errors().get(0);
      assertInstanceOf(EtcdException.class, error);
      assertTrue(error.getMessage().contains("401"), error::getMessage);
      assertTrue(
          error.getMessage().contains(HttpUrl.get(client.endpoints().get(0)).host()),
          error::getMessage);
      assertTrue(
          Threads.await(() -> !watch.isRunning(), Duration.ofSeconds(2)),
          "the watch still runs after onError");
      Threads.sleep(300);
      assertEquals(1, recorder.errors().size(), () -> "onError more than once: " + recorder);
      assertEquals(List.of(), recorder.events());
      assertEquals(List.of(), recorder.resyncs());
      assertEquals(1, recorder.callbackThreads().size());
    } finally {
      watch.stop();
    }
  }

  @Test
  void watchWithCredentialsStillWorks() {
    // The control: the same watch with root's credentials runs and sees changes.
    try (EtcdClient root = rootClient()) {
      Recorder recorder = new Recorder();
      long from = root.get("/secret/k").etcdIndex() + 1;
      Watch watch = root.watch("/secret").recursive().fromIndex(from).start(recorder);
      try {
        long index = root.set("/secret/k", "changed").body().node().modifiedIndex();
        assertTrue(recorder.awaitIndex(index, Duration.ofSeconds(10)), recorder::toString);
        assertTrue(watch.isRunning());
        assertEquals(List.of(), recorder.errors());
      } finally {
        watch.stop();
      }
    }
  }
}
