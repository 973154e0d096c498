package io.etcdv2.integration;

import io.etcdv2.EtcdClient;
import io.etcdv2.testing.LocalEtcd;
import io.etcdv2.testing.LocalEtcdCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.tls.HeldCertificate;

/**
 * Real etcd members serving HTTPS with client-certificate auth, on loopback, free ports and
 * temporary data directories, with TLS between the peers too: how etcd runs in production.
 * Certificates are made here, signed by {@link #ca}.
 */
final class TlsCluster implements AutoCloseable {
  final HeldCertificate ca;
  private final HeldCertificate server;
  private final Path dir;
  private final List<String> clientUrls = new ArrayList<>();
  private final List<List<String>> commands = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  private TlsCluster(int size) throws IOException {
    ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("etcd test CA").build();
    // etcd uses it for both sides of peer connections; without extendedKeyUsage it serves both.
    server =
        new HeldCertificate.Builder()
            .signedBy(ca)
            .commonName("etcd member")
            .addSubjectAlternativeName("127.0.0.1")
            .addSubjectAlternativeName("localhost")
            .build();
    dir = Files.createTempDirectory("etcd-tls-");
    Path caFile = write("ca.pem", ca.certificatePem());
    Path certFile = write("server.pem", server.certificatePem());
    Path keyFile = write("server-key.pem", server.privateKeyPkcs8Pem());
    StringBuilder initialCluster = new StringBuilder();
    List<int[]> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int[] pair = LocalEtcdCluster.freePorts();
      ports.add(pair);
      if (i > 0) initialCluster.append(',');
      initialCluster.append('n').append(i + 1).append("=https://127.0.0.1:").append(pair[1]);
    }
    for (int i = 0; i < size; i++) {
      String client = "https://127.0.0.1:" + ports.get(i)[0];
      String peer = "https://127.0.0.1:" + ports.get(i)[1];
      clientUrls.add(client);
      commands.add(
          List.of(
              LocalEtcd.binary(),
              "--enable-v2=true",
              "--name",
              "n" + (i + 1),
              "--data-dir",
              dir.resolve("n" + (i + 1)).toString(),
              "--listen-client-urls",
              client,
              "--advertise-client-urls",
              client,
              "--listen-peer-urls",
              peer,
              "--initial-advertise-peer-urls",
              peer,
              "--initial-cluster",
              initialCluster.toString(),
              "--initial-cluster-state",
              "new",
              "--initial-cluster-token",
              "tls-" + ports.get(0)[0],
              "--cert-file",
              certFile.toString(),
              "--key-file",
              keyFile.toString(),
              "--trusted-ca-file",
              caFile.toString(),
              "--client-cert-auth",
              "--peer-cert-file",
              certFile.toString(),
              "--peer-key-file",
              keyFile.toString(),
              "--peer-trusted-ca-file",
              caFile.toString(),
              "--peer-client-cert-auth",
              "--log-level",
              "warn"));
    }
  }

  /** Starts {@code size} members and waits until each answers {@code /health} over TLS. */
  static TlsCluster start(int size) {
    TlsCluster cluster;
    try {
      cluster = new TlsCluster(size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      for (int i = 0; i < size; i++) cluster.processes.add(cluster.launch(i));
      HeldCertificate client = cluster.clientCertificate(false);
      for (String url : cluster.clientUrls) {
        try (EtcdClient etcd =
            EtcdClient.builder()
                .host(url)
                .timeout(1)
                .trustedCertificates(cluster.ca.certificatePem())
                .clientCertificate(client.certificatePem(), client.privateKeyPkcs8Pem())
                .build()) {
          Await.until(() -> healthy(etcd), ok -> ok, java.time.Duration.ofSeconds(30));
          if (!healthy(etcd)) throw new IllegalStateException(url + " did not become healthy");
        }
      }
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private static boolean healthy(EtcdClient etcd) {
    try {
      return etcd.health().status() == 200;
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private Process launch(int i) {
    try {
      return new ProcessBuilder(commands.get(i))
          .redirectErrorStream(true)
          .redirectOutput(
              ProcessBuilder.Redirect.appendTo(dir.resolve("n" + (i + 1) + ".log").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new client certificate signed by this cluster's CA: RSA or EC (P-256). */
  HeldCertificate clientCertificate(boolean rsa) {
    HeldCertificate.Builder builder =
        new HeldCertificate.Builder().signedBy(ca).commonName("client");
    if (rsa) builder.rsa2048();
    return builder.build();
  }

  List<String> clientUrls() {
    return clientUrls;
  }

  /** Kills member {@code i} at once, as a crash would. */
  void kill(int i) throws InterruptedException {
    processes.get(i).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  Path dir() {
    return dir;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Override
  public void close() {
    for (Process process : processes) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
