package io.etcdv2.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Raw checks that do not go through the client under test. */
final class Probe {
  private Probe() {}

  /** Whether {@code url}/version answers within {@code timeout}. */
  static boolean answers(String url, Duration timeout) {
    OkHttpClient http =
        new OkHttpClient.Builder().callTimeout(timeout).retryOnConnectionFailure(false).build();
    try (Response response =
        http.newCall(new Request.Builder().url(url + "/version").build()).execute()) {
      return response.code() == 200;
    } catch (IOException e) {
      return false;
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Whether process {@code pid} is gone; a zombie nobody reaped counts as gone. */
  static boolean gone(long pid) {
    if (ProcessHandle.of(pid).isEmpty()) return true;
    try {
      String stat =
          new String(
              Files.readAllBytes(Paths.get("/proc", Long.toString(pid), "stat")),
              StandardCharsets.UTF_8);
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
    }
  }

  static boolean awaitGone(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!gone(pid)) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(20);
    }
    return true;
  }

  static boolean exists(Path path) {
    return Files.exists(path);
  }
}
