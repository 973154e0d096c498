package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No etcd outlives the JVM that started it, however that JVM ends. */
class ReaperTest {
  @TempDir Path tmp;

  @Test
  void exitingWithoutCloseKillsTheMemberAndDeletesItsData() throws Exception {
    Process jvm = startJvm("exit");
    String[] started = firstLine(jvm).split(" ");
    assertTrue(jvm.waitFor(30, TimeUnit.SECONDS));
    assertTrue(Probe.awaitGone(Long.parseLong(started[0]), Duration.ofSeconds(5)));
    assertFalse(Probe.exists(Paths.get(started[1])), started[1] + " still exists");
  }

  @Test
  void membersOfAKilledJvmAreRemovedByTheNextOne() throws Exception {
    Process jvm = startJvm("hang");
    String[] started = firstLine(jvm).split(" ");
    long etcd = Long.parseLong(started[0]);
    jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertFalse(Probe.gone(etcd), "SIGKILL runs no shutdown hook, so etcd is left running");

    Reaper.removeOrphans(tmp.toFile());

    assertTrue(Probe.awaitGone(etcd, Duration.ofSeconds(5)));
    assertFalse(Probe.exists(Paths.get(started[1])), started[1] + " still exists");
  }

  @Test
  void directoriesOfLiveJvmsAreLeftAlone() throws IOException {
    try (LocalEtcd etcd = LocalEtcd.start()) {
      Reaper.removeOrphans(etcd.dataDir().getParent().toFile());
      assertTrue(etcd.isRunning());
      assertTrue(Probe.exists(etcd.dataDir().resolve("owner")));
    }
  }

  private Process startJvm(String mode) throws IOException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Djava.io.tmpdir=" + tmp,
            "-cp",
            System.getProperty("java.class.path"),
            StartAndExit.class.getName(),
            mode)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static String firstLine(Process jvm) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertEquals(2, line == null ? 0 : line.split(" ").length, "child printed: " + line);
    return line;
  }
}
