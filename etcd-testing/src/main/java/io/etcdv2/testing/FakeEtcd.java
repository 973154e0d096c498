package io.etcdv2.testing;

import io.etcdv2.EtcdClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-memory etcd that answers the v2 HTTP API as etcd 3.4 does, for unit tests where no etcd
 * binary is at hand (Android host-side tests, CI without etcd). It runs on OkHttp's MockWebServer.
 *
 * <pre>{@code
 * try (FakeEtcd fake = FakeEtcd.start()) {
 *   EtcdClient client = fake.client();                 // or EtcdClient.builder().host(fake.url())
 *   client.set("/config/mode", "blue");
 *   fake.failNext(1, FakeEtcd.Failure.HTTP_500);       // the next request gets etcd's 500
 * }
 *
 * // As a JUnit 5 extension: closed after the class (static field) or after each test.
 * @RegisterExtension static FakeEtcd fake = FakeEtcd.start();
 *
 * // Already running a MockWebServer of your own:
 * FakeEtcd fake = FakeEtcd.builder().build();
 * server.setDispatcher(fake.dispatcher());
 * }</pre>
 *
 * <p>It keeps etcd's semantics: one global index with {@code X-Etcd-Index}, {@code X-Raft-Index},
 * {@code X-Raft-Term} and {@code X-Etcd-Cluster-Id} headers, created and modified indexes,
 * directories, recursive and sorted reads, hidden {@code _} keys, in-order keys, {@code
 * prevExist}/{@code prevValue}/{@code prevIndex}, compare-and-delete, TTLs with {@code expire}
 * events, refresh, {@code wait}/{@code waitIndex} long polls over a 1,000-event history with the
 * 401 "event index cleared" answer, etcd's error codes, messages and causes, its form-body rules
 * and 301 for unclean paths; {@code /version}, {@code /health}, {@code /v2/members} (one member),
 * {@code /v2/machines}, {@code /v2/stats/*}, and basic auth when built with {@link Builder#user}. A
 * differential test holds it to a real etcd.
 *
 * <p>It answers 501 with a message for what it leaves out: member changes, the auth management API,
 * {@code stream=true} watches, the v3 API, metrics.
 */
public final class FakeEtcd
    implements AutoCloseable, BeforeAllCallback, AfterAllCallback, AfterEachCallback {
  /** What {@link #failNext} makes the next requests meet. */
  public enum Failure {
    /** The connection is closed after the request was read and before any answer: not applied. */
    RESET,
    /** The request is read and never answered, until the client gives up: not applied. */
    TIMEOUT,
    /**
     * {@code 500 {"errorCode":300,"message":"Raft Internal Error","cause":"etcdserver: request
     * timed out"}}, what etcd answers when it cannot commit in time: not applied.
     */
    HTTP_500
  }

  private final FakeClock clock;
  private final FakeStore store;
  private final FakeDispatcher dispatcher;
  private final String name;
  private final Map<String, String> users;
  private final long startTime;
  private final Deque<Failure> failures = new ArrayDeque<>(); // guarded by itself
  private final Thread expirer;
  private final Object expiryLock = new Object();
  private volatile boolean partitioned;
  private volatile boolean closed;
  private volatile String ownerClass; // the class whose static field registered this fake
  private MockWebServer server; // null: the caller serves dispatcher() itself
  private EtcdClient client;

  private FakeEtcd(Builder builder) {
    this.clock = new FakeClock(builder.manualClock);
    this.store = new FakeStore(clock, builder.seed);
    this.dispatcher = new FakeDispatcher(this, store);
    this.name = builder.name;
    this.users = new LinkedHashMap<>(builder.users);
    this.startTime = clock.nanos();
    clock.onAdvance(
        () -> {
          store.expire(clock.nanos());
          wakeExpirer();
        });
    this.expirer = new Thread(this::expireLoop, "FakeEtcd expiry");
    expirer.setDaemon(true);
    expirer.start();
  }

  /** A fake on its own MockWebServer on loopback, with real time and no auth. */
  public static FakeEtcd start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link FakeEtcd}. */
  public static final class Builder {
    private boolean manualClock;
    private long seed = 1;
    private String name = "default";
    private final Map<String, String> users = new LinkedHashMap<>();

    private Builder() {}

    /** Time stands still except through {@link FakeClock#advance}: TTLs for exact tests. */
    public Builder manualClock() {
      this.manualClock = true;
      return this;
    }

    /**
     * Turns basic auth on with this user (call again for more): key requests without valid
     * credentials get etcd's {@code 401 errorCode 110}. Every user may do everything; there are no
     * roles and no guest access.
     */
    public Builder user(String name, String password) {
      if (name == null) throw new NullPointerException("name == null");
      if (password == null) throw new NullPointerException("password == null");
      users.put(name, password);
      return this;
    }

    /** Seeds the order of unsorted listings, which etcd randomises (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The member's name in {@code /v2/members} and {@code /v2/stats/self} (default "default"). */
    public Builder name(String name) {
      if (name == null) throw new NullPointerException("name == null");
      this.name = name;
      return this;
    }

    /** A fake without a server: serve {@link #dispatcher()} from your own MockWebServer. */
    public FakeEtcd build() {
      return new FakeEtcd(this);
    }

    /** A fake serving on a MockWebServer of its own, on loopback and a free port. */
    public FakeEtcd start() {
      FakeEtcd fake = build();
      MockWebServer server = new MockWebServer();
      server.setDispatcher(fake.dispatcher);
      server.setServerSocketFactory(new NoDelayServerSocketFactory());
      try {
        server.start(InetAddress.getLoopbackAddress(), 0);
      } catch (IOException e) {
        fake.close();
        throw new UncheckedIOException("cannot start MockWebServer", e);
      }
      fake.server = server;
      return fake;
    }
  }

  /**
   * Such as {@code http://127.0.0.1:34567}.
   *
   * @throws IllegalStateException if the fake was {@link Builder#build() built} to be served by
   *     your own MockWebServer: that server's URL is the fake's
   */
  public String url() {
    MockWebServer server = this.server;
    if (server == null) {
      throw new IllegalStateException(
          "this FakeEtcd has no server of its own: use the URL of the"
              + " MockWebServer that serves dispatcher(), or FakeEtcd.start()");
    }
    InetAddress address = InetAddress.getLoopbackAddress();
    String host =
        address instanceof Inet6Address
            ? "[" + address.getHostAddress() + "]"
            : address.getHostAddress();
    return "http://" + host + ":" + server.getPort();
  }

  /** A client pointed at {@link #url()}, closed with the fake. */
  public synchronized EtcdClient client() {
    if (client == null) client = EtcdClient.builder().host(url()).build();
    return client;
  }

  /** Answers requests as etcd; set it on a MockWebServer of your own. */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public FakeClock clock() {
    return clock;
  }

  /** The current etcd index: that of the last change. */
  public long index() {
    return store.index();
  }

  /**
   * The next {@code count} requests, to any endpoint, fail with {@code failure} and change nothing.
   * Calls add up in order: {@code failNext(1, RESET); failNext(2, HTTP_500)}.
   */
  public void failNext(int count, Failure failure) {
    if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
    if (failure == null) throw new NullPointerException("failure == null");
    synchronized (failures) {
      for (int i = 0; i < count; i++) failures.add(failure);
    }
  }

  /**
   * Forgets the event history, as etcd does once 1,000 newer events have pushed it out: the next
   * {@code wait} with a {@code waitIndex} at or below the current index gets {@code 400 errorCode
   * 401 "The event in requested index is outdated and cleared"}.
   */
  public void clearHistory() {
    store.clearHistory();
  }

  /**
   * Cuts the member off from its (imaginary) peers, as when it lost quorum: writes and quorum reads
   * answer {@code 500 errorCode 300 "etcdserver: request timed out"} at once (a real etcd takes 7
   * s) and change nothing, plain reads and watches still work, {@code /health} is 503.
   */
  public void partition(boolean partitioned) {
    this.partitioned = partitioned;
  }

  /** Ends open watches as a stopping member would, closes {@link #client()} and the server. */
  @Override
  public void close() {
    closed = true;
    wakeExpirer();
    store.closeWatchers();
    EtcdClient client;
    synchronized (this) {
      client = this.client;
      this.client = null;
    }
    if (client != null) client.close();
    MockWebServer server = this.server;
    if (server != null) {
      try {
        server.shutdown();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // Only an extension on a static field hears of its class starting; the first is its owner.
    if (ownerClass == null) ownerClass = context.getUniqueId();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (ownerClass == null) close();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getUniqueId().equals(ownerClass)) close(); // not at the end of a @Nested class
  }

  @Override
  public String toString() {
    return "FakeEtcd{" + (server == null ? "dispatcher only" : url()) + ", index=" + index() + '}';
  }

  // ---- for the dispatcher ----------------------------------------------------------------------

  Failure takeFailure() {
    synchronized (failures) {
      return failures.poll();
    }
  }

  boolean isPartitioned() {
    return partitioned;
  }

  String name() {
    return name;
  }

  boolean authEnabled() {
    return !users.isEmpty();
  }

  boolean authorized(String authorization) {
    if (users.isEmpty()) return true;
    String[] credentials = FakeDispatcher.basicCredentials(authorization);
    return credentials != null && credentials[1].equals(users.get(credentials[0]));
  }

  String selfStatsJson() {
    long now = clock.nanos();
    String start = GoJson.string(GoJson.time(startTime));
    return "{\"name\":"
        + GoJson.string(name)
        + ",\"id\":\""
        + FakeDispatcher.MEMBER_ID
        + "\",\"state\":\"StateLeader\",\"startTime\":"
        + start
        + ",\"leaderInfo\":{\"leader\":\""
        + FakeDispatcher.MEMBER_ID
        + "\",\"uptime\":"
        + GoJson.string(GoJson.duration(now - startTime))
        + ",\"startTime\":"
        + start
        + "},\"recvAppendRequestCnt\":0,\"sendAppendRequestCnt\":0}";
  }

  // ---- expiry in real time ---------------------------------------------------------------------

  private void expireLoop() {
    synchronized (expiryLock) {
      while (!closed) {
        store.expire(clock.nanos());
        long next = store.nextExpiry();
        long waitMillis =
            next == 0 || clock.isManual()
                ? 1000
                : Math.max(1, (next - clock.nanos()) / 1_000_000 + 1);
        try {
          expiryLock.wait(Math.min(waitMillis, 1000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  void wakeExpirer() {
    synchronized (expiryLock) {
      expiryLock.notifyAll();
    }
  }
}
