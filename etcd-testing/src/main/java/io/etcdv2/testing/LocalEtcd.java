package io.etcdv2.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A real single-member etcd (Debian's {@code etcd-server}) with the v2 API on, on loopback and free
 * ports, in a temporary data directory. It can be stopped and started again on the same data,
 * killed, and frozen, for fault tests. Members still running when the JVM exits are killed and
 * their data deleted by a shutdown hook; those of a JVM that was itself killed are removed by the
 * next run.
 *
 * <pre>{@code
 * try (LocalEtcd etcd = LocalEtcd.start()) {
 *   EtcdClient client = EtcdClient.builder().host(etcd.clientUrl()).build();
 * }
 * }</pre>
 */
public final class LocalEtcd implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final String binary;
  private final Path dataDir;
  private final int clientPort;
  private final int peerPort;
  private final String name;
  private final String initialCluster;
  private final String clusterState;
  private volatile Process process;
  private volatile boolean frozen;

  LocalEtcd(
      String binary,
      Path dataDir,
      String name,
      int clientPort,
      int peerPort,
      String initialCluster,
      String clusterState) {
    this.binary = binary;
    this.dataDir = dataDir;
    this.clientPort = clientPort;
    this.peerPort = peerPort;
    this.name = name;
    this.initialCluster = initialCluster;
    this.clusterState = clusterState;
  }

  /** Starts etcd on free ports and waits until it answers {@code /health}. */
  public static LocalEtcd start() {
    for (int attempt = 1; ; attempt++) {
      try {
        return start(freePort());
      } catch (IllegalStateException e) {
        if (attempt == PORT_ATTEMPTS || !lostPortRace(e)) throw e;
      }
    }
  }

  /** How often a start on free ports is tried when another process takes a port first. */
  static final int PORT_ATTEMPTS = 3;

  /**
   * Whether etcd failed because a port found free was taken before it bound it: a free port is an
   * ephemeral one, which any outgoing connection on the machine may get in between. Trying again
   * with other ports is then right; any other start-up failure is not retried.
   */
  static boolean lostPortRace(IllegalStateException e) {
    String message = e.getMessage();
    return message != null && message.contains("bind: address already in use");
  }

  /** Starts etcd with its client URL on {@code clientPort}. */
  public static LocalEtcd start(int clientPort) {
    return start(binary(), clientPort);
  }

  static LocalEtcd start(String binary, int clientPort) {
    int peerPort = freePort();
    LocalEtcd etcd =
        new LocalEtcd(
            binary, tempDir(null), "n1", clientPort, peerPort, "n1=" + peerUrl(peerPort), "new");
    try {
      etcd.launch();
      etcd.awaitHealthy();
    } catch (RuntimeException e) {
      etcd.close();
      throw e;
    }
    return etcd;
  }

  /** A new data directory in {@code root}, or in java.io.tmpdir when null. */
  static Path tempDir(Path root) {
    Path parent = root != null ? root : Paths.get(System.getProperty("java.io.tmpdir"));
    Reaper.removeOrphans(parent);
    try {
      return Files.createTempDirectory(parent, Reaper.DIR_PREFIX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String peerUrl(int port) {
    return "http://127.0.0.1:" + port;
  }

  /**
   * The path to the etcd binary: {@code $ETCD_BINARY}, else {@code etcd} on the PATH.
   *
   * @throws IllegalStateException if there is none, saying how to install it
   */
  public static String binary() {
    String configured = System.getenv("ETCD_BINARY");
    if (configured != null && !configured.isEmpty()) return checkBinary(configured, "ETCD_BINARY");
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "/usr/bin" : path).split(File.pathSeparator)) {
      File candidate = new File(dir, "etcd");
      if (candidate.canExecute()) return candidate.getPath();
    }
    throw new IllegalStateException("etcd was not found on the PATH. " + HOW_TO_INSTALL);
  }

  static final String HOW_TO_INSTALL =
      "Install etcd 3.4 (Debian/Ubuntu: sudo apt-get install -y"
          + " etcd-server; elsewhere: the etcd-v3.4.x release tarball from"
          + " https://github.com/etcd-io/etcd/releases, unpacked onto the PATH), or set ETCD_BINARY"
          + " to the etcd executable, or pass EtcdExtension.builder().binary(path)";

  /** Returns {@code binary} if it can be run, else fails naming {@code source}. */
  static String checkBinary(String binary, String source) {
    if (!new File(binary).canExecute()) {
      throw new IllegalStateException(
          source + " is " + binary + ", which is not an executable" + " file. " + HOW_TO_INSTALL);
    }
    return binary;
  }

  /** Such as {@code http://127.0.0.1:23456}. */
  public String clientUrl() {
    return "http://127.0.0.1:" + clientPort;
  }

  /** The URL other members reach this one on. */
  public String peerUrl() {
    return peerUrl(peerPort);
  }

  /** The member's name, such as {@code n1}. */
  public String name() {
    return name;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The etcd executable this member runs. */
  public String binaryPath() {
    return binary;
  }

  public boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Whether {@link #freeze()} stopped the process and {@link #thaw()} has not resumed it. */
  public boolean isFrozen() {
    return frozen && isRunning();
  }

  /**
   * The operating system's id of the running etcd process.
   *
   * @throws IllegalStateException if the member is not running
   */
  public long pid() {
    return running("pid()").pid();
  }

  /**
   * Suspends the process with SIGSTOP, as a long garbage-collection pause or a hung machine would:
   * it keeps its connections and the kernel still accepts new ones, but it answers nothing until
   * {@link #thaw()}. Peers see it as unreachable. Where {@code /proc} exists (Linux), returns only
   * once every thread of the process is stopped.
   *
   * @throws IllegalStateException if the member is not running, or not stopped within 5 s
   */
  public void freeze() {
    Process p = running("freeze()");
    signal(p, "STOP");
    frozen = true;
    awaitThreads(p, true);
  }

  /**
   * Resumes a process that {@link #freeze()} suspended, with SIGCONT.
   *
   * @throws IllegalStateException if the member is not running
   */
  public void thaw() {
    Process p = running("thaw()");
    signal(p, "CONT");
    frozen = false;
    awaitThreads(p, false);
  }

  /**
   * Waits until every thread of {@code process} is stopped, or none is, as {@code /proc} shows it
   * (state T): a signal is delivered when a thread next runs, which on a busy machine is after
   * {@code kill} returns. Does nothing without {@code /proc}.
   */
  private void awaitThreads(Process process, boolean stopped) {
    File tasks = new File("/proc/" + process.pid() + "/task");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      String[] ids = tasks.list();
      if (ids == null) return; // no /proc, or the process is gone
      String moving = null;
      for (String id : ids) {
        char state = threadState(new File(tasks, id + "/stat"));
        boolean isStopped = state == 'T' || state == 't';
        boolean gone = state == 0 || state == 'Z' || state == 'X';
        if (!gone && isStopped != stopped) {
          moving = "thread " + id + " in state " + state;
          break;
        }
      }
      if (moving == null) return;
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(
            name
                + " (pid "
                + process.pid()
                + ") is not "
                + (stopped ? "stopped" : "running")
                + " 5 s after SIG"
                + (stopped ? "STOP" : "CONT")
                + ": "
                + moving);
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
    }
  }

  /** The state letter of {@code /proc/PID/task/TID/stat}, or 0 if the thread is gone. */
  private static char threadState(File stat) {
    String text;
    try {
      text = String.join("\n", Files.readAllLines(stat.toPath(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return 0;
    }
    // "tid (comm) S ...": the state follows the last ')', as comm may hold both.
    int end = text.lastIndexOf(')');
    return end >= 0 && end + 2 < text.length() ? text.charAt(end + 2) : 0;
  }

  private Process running(String what) {
    Process p = process;
    if (p == null || !p.isAlive()) {
      throw new IllegalStateException(
          what
              + " needs a running member but "
              + name
              + " is "
              + (p == null ? "stopped" : "dead (exit " + p.exitValue() + ")")
              + "; restart() it first");
    }
    return p;
  }

  private static void signal(Process process, String signal) {
    // Java can send only TERM and KILL; the shell's kill sends the rest.
    ProcessBuilder kill =
        new ProcessBuilder("sh", "-c", "kill -" + signal + " " + process.pid())
            .redirectErrorStream(true);
    try {
      Process sent = kill.start();
      String output = new String(sent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (sent.waitFor() != 0) {
        throw new IllegalStateException(
            "kill -" + signal + " " + process.pid() + " failed: " + output.trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run kill -" + signal, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending SIG" + signal, e);
    }
  }

  /** Stops the member with SIGTERM, keeping its data directory. */
  public void stop() {
    Process process = this.process;
    if (process == null) return;
    if (frozen && process.isAlive()) thaw(); // a stopped process would not act on SIGTERM
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    this.process = null;
    frozen = false;
  }

  /** Starts the member again on the same ports and data, stopping it first if it runs. */
  public void restart() {
    stop();
    launch();
    awaitHealthy();
  }

  /** Kills the member at once with SIGKILL, as a crash would, keeping its data directory. */
  public void kill() {
    Process process = this.process;
    if (process == null) return;
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    this.process = null;
    frozen = false;
  }

  /** Stops the member and deletes its data. */
  @Override
  public void close() {
    try {
      stop();
    } finally {
      Reaper.forget(this);
    }
    deleteDataDir();
  }

  void deleteDataDir() {
    if (!Files.exists(dataDir)) return;
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dataDir, e);
    }
  }

  /** For the shutdown hook: no waiting, no exceptions. */
  void killAndDeleteQuietly() {
    Process process = this.process;
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      deleteDataDir();
    } catch (RuntimeException ignored) {
      // the JVM is exiting; the next run's Reaper removes what is left
    }
  }

  /** Starts the process; {@link #awaitHealthy()} waits until it serves. */
  void launch() {
    List<String> command =
        new ArrayList<>(
            List.of(
                binary,
                "--enable-v2=true",
                "--name",
                name,
                "--data-dir",
                dataDir.resolve("data").toString(),
                "--listen-client-urls",
                clientUrl(),
                "--advertise-client-urls",
                clientUrl(),
                "--listen-peer-urls",
                peerUrl(),
                "--initial-advertise-peer-urls",
                peerUrl(),
                "--initial-cluster",
                initialCluster,
                "--initial-cluster-state",
                clusterState,
                "--initial-cluster-token",
                "etcd-v2-java-" + Integer.toHexString(initialCluster.hashCode()),
                "--log-level",
                "warn"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("etcd.log").toFile()));
    Reaper.track(this);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0) + ". " + HOW_TO_INSTALL, e);
    }
    frozen = false;
    Reaper.recordPid(dataDir, process.pid());
  }

  /** Waits until the member answers {@code /health} with true, that is, has a quorum. */
  void awaitHealthy() {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .callTimeout(Duration.ofMillis(500))
            .retryOnConnectionFailure(false)
            .build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try {
      // The port accepts connections before etcd is ready, so poll with short calls.
      while (System.nanoTime() < deadline) {
        Process process = this.process;
        if (process == null) throw new IllegalStateException(name + " was stopped while starting");
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "etcd exited with "
                  + process.exitValue()
                  + " during start-up; see "
                  + dataDir.resolve("etcd.log")
                  + ":\n"
                  + log());
        }
        Request health = new Request.Builder().url(clientUrl() + "/health").build();
        try (Response response = http.newCall(health).execute()) {
          if (response.code() == 200 && response.body().string().contains("\"true\"")) return;
        } catch (IOException notYet) {
          // not listening or not ready yet
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException(
          "etcd did not become healthy on "
              + clientUrl()
              + " within "
              + READY_TIMEOUT.toSeconds()
              + " s; log:\n"
              + log());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for etcd", e);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private String log() {
    try {
      return Files.readString(dataDir.resolve("etcd.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * A port free now and not handed out before by this JVM, chosen below the kernel's ephemeral
   * range where there is room: outgoing connections take their local ports from that range, so a
   * port found free in it can be taken by any connection before etcd binds it.
   */
  static int freePort() {
    int low = ephemeralLow();
    if (low - LOWEST_CHOSEN_PORT >= 1_000) {
      for (int tries = 0; tries < 100; tries++) {
        int port = LOWEST_CHOSEN_PORT + PORT_RANDOM.nextInt(low - LOWEST_CHOSEN_PORT);
        if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) return port;
      }
    }
    for (int tries = 0; ; tries++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = socket.getLocalPort();
        if (HANDED_OUT.add(port) || tries == 100) return port;
      } catch (IOException e) {
        throw new UncheckedIOException("no free port", e);
      }
    }
  }

  private static final int LOWEST_CHOSEN_PORT = 10_000;
  private static final Random PORT_RANDOM = new Random();
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  /** The first port of Linux's ephemeral range, or 0 where it cannot be read. */
  private static int ephemeralLow() {
    try {
      // Read as lines: /proc files have no size, and a sized read of one can stop short.
      List<String> range = Files.readAllLines(Paths.get("/proc/sys/net/ipv4/ip_local_port_range"));
      return Integer.parseInt(range.get(0).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "LocalEtcd{" + clientUrl() + ", data=" + dataDir + '}';
  }
}
