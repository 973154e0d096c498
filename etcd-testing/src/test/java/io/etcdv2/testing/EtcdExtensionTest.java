package io.etcdv2.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EtcdExtensionTest {
  @RegisterExtension static EtcdExtension etcd = EtcdExtension.singleNode();

  @Test
  void clientTalksToTheMember() {
    assertEquals(List.of(etcd.member(0).clientUrl()), etcd.endpoints());
    assertEquals(201, etcd.client().set("/ext/client", "v").status());
    assertEquals("v", etcd.client().get("/ext/client").body().node().value());
    assertTrue(etcd.member(0).clientUrl().startsWith("http://127.0.0.1:"));
  }

  @Test
  void frozenMemberAnswersNothingUntilThawed() throws IOException {
    LocalEtcd member = etcd.member(0);
    long pid = member.pid();
    member.freeze();
    try {
      assertTrue(member.isFrozen());
      assertTrue(member.isRunning(), "a frozen process is alive");
      assertEquals(Set.of('T'), threadStates(pid), "freeze() returns once every thread stopped");
      assertFalse(Probe.answers(member.clientUrl(), Duration.ofMillis(300)));
    } finally {
      member.thaw();
    }
    assertFalse(member.isFrozen());
    assertFalse(threadStates(pid).contains('T'), "thaw() returns once no thread is stopped");
    assertTrue(Probe.answers(member.clientUrl(), Duration.ofSeconds(5)));
    assertEquals(pid, member.pid());
  }

  /** The states of a process's threads, from /proc (Linux; the tests run there). */
  private static Set<Character> threadStates(long pid) throws IOException {
    Set<Character> states = new HashSet<>();
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks) {
        String stat = Files.readString(task.resolve("stat"));
        states.add(stat.charAt(stat.lastIndexOf(')') + 2));
      }
    }
    return states;
  }

  @Test
  void stoppedMemberRestartsOnItsData() {
    etcd.client().set("/ext/kept", "before stop");
    LocalEtcd member = etcd.member(0);
    long pid = member.pid();
    member.stop();
    try {
      assertFalse(member.isRunning());
      assertFalse(Probe.answers(member.clientUrl(), Duration.ofMillis(300)));
      IllegalStateException e = assertThrows(IllegalStateException.class, member::pid);
      assertEquals(
          "pid() needs a running member but n1 is stopped; restart() it first", e.getMessage());
    } finally {
      member.restart();
    }
    assertNotEquals(pid, member.pid());
    assertEquals("before stop", etcd.client().get("/ext/kept").body().node().value());
  }

  @Test
  void killedMemberRestartsOnItsData() throws InterruptedException {
    etcd.client().set("/ext/crash", "before kill");
    LocalEtcd member = etcd.member(0);
    long pid = member.pid();
    member.kill();
    try {
      assertTrue(Probe.awaitGone(pid, Duration.ofSeconds(5)));
      assertFalse(member.isRunning());
    } finally {
      member.restart();
    }
    assertEquals("before kill", etcd.client().get("/ext/crash").body().node().value());
  }

  @Test
  void stoppingAFrozenMemberThawsItFirst() {
    LocalEtcd member = etcd.member(0);
    member.freeze();
    member.stop();
    assertFalse(member.isRunning());
    assertFalse(member.isFrozen());
    member.restart();
    assertTrue(Probe.answers(member.clientUrl(), Duration.ofSeconds(5)));
  }

  @Test
  void memberOutOfRangeSaysHowManyThereAre() {
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> etcd.member(1));
    assertEquals("member 1 of 1", e.getMessage());
  }
}
