package io.etcdv2.testing;

import io.etcdv2.EtcdClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real etcd members for JUnit 5 tests: a single node or a cluster on loopback, free ports and
 * temporary data directories, with the v2 API on. Members start once per test class (or once per
 * test with {@link Builder#perTest()}) and are removed afterwards, also when a test fails or the
 * JVM is interrupted.
 *
 * <pre>{@code
 * class RegistryTest {
 *   @RegisterExtension static EtcdExtension etcd = EtcdExtension.singleNode();
 *
 *   @Test void registers() {
 *     new Registry(etcd.client()).register("web-1");
 *     assertEquals(200, etcd.client().get("/services/web-1").status());
 *   }
 * }
 *
 * class FailoverTest {
 *   @RegisterExtension static EtcdExtension etcd = EtcdExtension.cluster(3);
 *
 *   @Test void survivesALostMember() {
 *     etcd.member(0).kill();      // SIGKILL; also stop(), restart(), freeze(), thaw()
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>The etcd binary is what {@link Builder#binary(String)} names, else {@code $ETCD_BINARY}, else
 * {@code etcd} on the {@code PATH}. Without one, the test class fails (it is never skipped) with a
 * message saying how to install etcd 3.4.
 */
public final class EtcdExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final int size;
  private final boolean perTest;
  private final String binary; // null: $ETCD_BINARY or the PATH
  private final Path tempRoot; // null: java.io.tmpdir

  private volatile LocalEtcdCluster cluster;
  private volatile EtcdClient client;
  private boolean startedForOneTest;
  private String startedByClass; // the unique id of the class context that started the members

  private EtcdExtension(Builder builder) {
    this.size = builder.members;
    this.perTest = builder.perTest;
    this.binary = builder.binary;
    this.tempRoot = builder.tempRoot;
  }

  /** One member, started once per test class. */
  public static EtcdExtension singleNode() {
    return builder().build();
  }

  /** {@code size} members forming one cluster, started once per test class. */
  public static EtcdExtension cluster(int size) {
    return builder().members(size).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Configures an {@link EtcdExtension}. */
  public static final class Builder {
    private int members = 1;
    private boolean perTest;
    private String binary;
    private Path tempRoot;

    private Builder() {}

    /** How many members form the cluster: 1 (the default) or more. */
    public Builder members(int members) {
      if (members < 1) {
        throw new IllegalArgumentException("members must be at least 1 but was " + members);
      }
      this.members = members;
      return this;
    }

    /** Fresh members (and data) for every test instead of once per test class. */
    public Builder perTest() {
      this.perTest = true;
      return this;
    }

    /** The etcd executable to run, instead of {@code $ETCD_BINARY} or the PATH's. */
    public Builder binary(String path) {
      if (path == null) throw new NullPointerException("path == null");
      this.binary = path;
      return this;
    }

    /**
     * Where the members' data directories go (default {@code java.io.tmpdir}). A tmpfs such as
     * {@code /dev/shm} makes writes several times faster, since etcd syncs every write to disk.
     */
    public Builder dataDirectoriesIn(Path parent) {
      if (parent == null) throw new NullPointerException("parent == null");
      this.tempRoot = parent;
      return this;
    }

    public EtcdExtension build() {
      return new EtcdExtension(this);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (perTest || cluster != null) return; // running already: a @Nested class of the owner
    start();
    startedByClass = context.getUniqueId();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // Per test, or registered on an instance field, where beforeAll never runs.
    if (cluster == null) {
      start();
      startedForOneTest = true;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (startedForOneTest) {
      startedForOneTest = false;
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getUniqueId().equals(startedByClass)) {
      startedByClass = null;
      stop();
    }
  }

  private synchronized void start() {
    if (cluster != null) return;
    String executable =
        binary != null
            ? LocalEtcd.checkBinary(binary, "EtcdExtension.builder().binary(path)")
            : LocalEtcd.binary();
    cluster = LocalEtcdCluster.start(executable, size, tempRoot);
  }

  private synchronized void stop() {
    EtcdClient client = this.client;
    LocalEtcdCluster cluster = this.cluster;
    this.client = null;
    this.cluster = null;
    try {
      if (client != null) client.close();
    } finally {
      if (cluster != null) cluster.close();
    }
  }

  /** The members' client URLs, such as {@code http://127.0.0.1:23456}, in member order. */
  public List<String> endpoints() {
    List<String> urls = new ArrayList<>();
    for (LocalEtcd member : running().members()) urls.add(member.clientUrl());
    return Collections.unmodifiableList(urls);
  }

  /**
   * A client pointed at the members, shared by the tests and closed with them. Build one of your
   * own from {@link #endpoints()} for other options (prefix, timeout, credentials).
   */
  public EtcdClient client() {
    EtcdClient client = this.client;
    if (client != null) return client;
    synchronized (this) {
      if (this.client == null) this.client = newClient(endpoints());
      return this.client;
    }
  }

  private static EtcdClient newClient(List<String> endpoints) {
    return EtcdClient.builder().endpoints(endpoints).build();
  }

  /** Member {@code index} (from 0), to kill, stop, restart, freeze or thaw it. */
  public LocalEtcd member(int index) {
    List<LocalEtcd> members = running().members();
    if (index < 0 || index >= members.size()) {
      throw new IndexOutOfBoundsException("member " + index + " of " + members.size());
    }
    return members.get(index);
  }

  /** Every member, in start order, including those that joined later. */
  public List<LocalEtcd> members() {
    return running().members();
  }

  /** The cluster, for members to {@link LocalEtcdCluster#join join} it. */
  public LocalEtcdCluster localCluster() {
    return running();
  }

  private LocalEtcdCluster running() {
    LocalEtcdCluster cluster = this.cluster;
    if (cluster == null) {
      throw new IllegalStateException(
          "etcd is not started: register the extension with"
              + " @RegisterExtension on a static field (or an instance field, for one test at a time)"
              + " and use it from tests or @BeforeEach methods");
    }
    return cluster;
  }
}
