package io.etcdv2.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A real single-member etcd (Debian's {@code etcd-server}) with the v2 API on, on loopback and free
 * ports, in a temporary data directory. It can be stopped and started again on the same data.
 *
 * <pre>{@code
 * try (LocalEtcd etcd = LocalEtcd.start()) {
 *   EtcdClient client = EtcdClient.builder().host(etcd.clientUrl()).build();
 * }
 * }</pre>
 */
public final class LocalEtcd implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final Path dataDir;
  private final int clientPort;
  private final int peerPort;
  private final String name;
  private final String initialCluster;
  private final String clusterState;
  private Process process;

  LocalEtcd(Path dataDir, String name, int clientPort, int peerPort, String initialCluster,
      String clusterState) {
    this.dataDir = dataDir;
    this.clientPort = clientPort;
    this.peerPort = peerPort;
    this.name = name;
    this.initialCluster = initialCluster;
    this.clusterState = clusterState;
  }

  /** Starts etcd on free ports and waits until it answers {@code /health}. */
  public static LocalEtcd start() {
    return start(freePort());
  }

  /** Starts etcd with its client URL on {@code clientPort}. */
  public static LocalEtcd start(int clientPort) {
    int peerPort = freePort();
    LocalEtcd etcd = new LocalEtcd(tempDir(), "n1", clientPort, peerPort,
        "n1=" + peerUrl(peerPort), "new");
    etcd.launch();
    etcd.awaitHealthy();
    return etcd;
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("etcd-v2-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String peerUrl(int port) {
    return "http://127.0.0.1:" + port;
  }

  /** The path to the etcd binary: {@code $ETCD_BINARY}, else {@code etcd} on the PATH. */
  public static String binary() {
    String configured = System.getenv("ETCD_BINARY");
    if (configured != null && !configured.isEmpty()) return configured;
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "/usr/bin" : path).split(File.pathSeparator)) {
      File candidate = new File(dir, "etcd");
      if (candidate.canExecute()) return candidate.getPath();
    }
    throw new IllegalStateException("etcd was not found on the PATH. Install Debian's etcd-server"
        + " (sudo apt-get install -y etcd-server), run ./scripts/test.sh which installs it, or"
        + " set ETCD_BINARY to the etcd executable");
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

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the member with SIGTERM, keeping its data directory. */
  public void stop() {
    if (process == null) return;
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  /** Starts the member again on the same ports and data. */
  public void restart() {
    stop();
    launch();
    awaitHealthy();
  }

  /** Kills the member at once, as a crash would. */
  public void kill() {
    if (process == null) return;
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Stops the member and deletes its data. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dataDir, e);
    }
  }

  /** Starts the process; {@link #awaitHealthy()} waits until it serves. */
  void launch() {
    List<String> command = new ArrayList<>(List.of(binary(),
        "--enable-v2=true",
        "--name", name,
        "--data-dir", dataDir.resolve("data").toString(),
        "--listen-client-urls", clientUrl(),
        "--advertise-client-urls", clientUrl(),
        "--listen-peer-urls", peerUrl(),
        "--initial-advertise-peer-urls", peerUrl(),
        "--initial-cluster", initialCluster,
        "--initial-cluster-state", clusterState,
        "--initial-cluster-token", "etcd-v2-java-" + Integer.toHexString(initialCluster.hashCode()),
        "--log-level", "warn"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("etcd.log").toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  /** Waits until the member answers {@code /health} with true, that is, has a quorum. */
  void awaitHealthy() {
    OkHttpClient http = new OkHttpClient.Builder()
        .callTimeout(Duration.ofMillis(500))
        .retryOnConnectionFailure(false)
        .build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try {
      // The port accepts connections before etcd is ready, so poll with short calls.
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("etcd exited with " + process.exitValue()
              + " during start-up; see " + dataDir.resolve("etcd.log") + ":\n" + log());
        }
        Request health = new Request.Builder().url(clientUrl() + "/health").build();
        try (Response response = http.newCall(health).execute()) {
          if (response.code() == 200 && response.body().string().contains("\"true\"")) return;
        } catch (IOException notYet) {
          // not listening or not ready yet
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("etcd did not become healthy on " + clientUrl() + " within "
          + READY_TIMEOUT.toSeconds() + " s; log:\n" + log());
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

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  @Override
  public String toString() {
    return "LocalEtcd{" + clientUrl() + ", data=" + dataDir + '}';
  }
}
