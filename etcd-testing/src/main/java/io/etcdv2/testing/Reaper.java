package io.etcdv2.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Makes sure no etcd started by a test outlives it. A shutdown hook kills the members still running
 * when the JVM exits (a failed test that never closed its member, Ctrl-C, SIGTERM) and deletes
 * their data. A JVM killed outright runs no hook, so each data directory records the pid of the JVM
 * that owns it and of its etcd, and the first member a later JVM starts removes directories whose
 * owner is gone, killing their etcd if it still runs.
 */
final class Reaper {
  static final String DIR_PREFIX = "etcd-v2-";
  private static final String OWNER_FILE = "owner";

  private static final Set<LocalEtcd> live = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean hookInstalled = new AtomicBoolean();
  private static final Set<String> swept = ConcurrentHashMap.newKeySet();

  private Reaper() {}

  static void track(LocalEtcd member) {
    if (hookInstalled.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(Reaper::killAll, "etcd-testing-reaper"));
    }
    live.add(member);
  }

  static void forget(LocalEtcd member) {
    live.remove(member);
  }

  private static void killAll() {
    for (LocalEtcd member : new ArrayList<>(live)) member.killAndDeleteQuietly();
  }

  /** Writes the owner file: this JVM's pid, etcd's pid and etcd's executable. */
  static void recordPid(Path dataDir, long etcdPid) {
    String executable = ProcessHandle.of(etcdPid).flatMap(p -> p.info().command()).orElse("");
    String owner = ProcessHandle.current().pid() + "\n" + etcdPid + "\n" + executable + "\n";
    try {
      Files.write(dataDir.resolve(OWNER_FILE), owner.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Only the clean-up after a killed JVM needs it.
    }
  }

  /** Once per JVM and directory: removes what JVMs that were killed left behind in it. */
  static void removeOrphans(Path tempRoot) {
    if (swept.add(tempRoot.toAbsolutePath().toString())) removeOrphans(tempRoot.toFile());
  }

  static void removeOrphans(File tempRoot) {
    File[] dirs = tempRoot.listFiles(f -> f.isDirectory() && f.getName().startsWith(DIR_PREFIX));
    if (dirs == null) return;
    for (File dir : dirs) {
      try {
        removeIfOrphan(dir.toPath());
      } catch (IOException | RuntimeException e) {
        // Someone else's, or going away under us: leave it.
      }
    }
  }

  private static void removeIfOrphan(Path dir) throws IOException {
    Path ownerFile = dir.resolve(OWNER_FILE);
    if (!Files.isRegularFile(ownerFile)) return;
    List<String> lines = Files.readAllLines(ownerFile, StandardCharsets.UTF_8);
    if (lines.size() < 3) return;
    long jvm = Long.parseLong(lines.get(0).trim());
    if (ProcessHandle.of(jvm).map(ProcessHandle::isAlive).orElse(false)) return;
    long etcd = Long.parseLong(lines.get(1).trim());
    String executable = lines.get(2).trim();
    Optional<ProcessHandle> process = ProcessHandle.of(etcd);
    // Kill only what is still the same etcd binary, not a process that reuses the pid.
    if (process.isPresent()
        && !executable.isEmpty()
        && executable.equals(process.get().info().command().orElse(null))) {
      process.get().destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
