package io.etcdv2.runtime;

import com.squareup.moshi.Moshi;
import io.etcdv2.api.ClusterApi;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdJson;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysApi;
import io.etcdv2.api.Member;
import io.etcdv2.api.MemberList;
import io.etcdv2.api.ValueSerializer;
import io.etcdv2.runtime.internal.ClientRuntime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * What a generated client stands on: its configuration, the OkHttp and Retrofit wiring, and the
 * argument handling of conveniences (keys, values, TTLs, indexes, timeouts). Generated code sees it
 * as {@link ClientRuntime}, which is not API.
 */
final class EtcdRuntime extends ClientRuntime {
  private static final Logger LOG = Logger.getLogger(EtcdRuntime.class.getName());

  /** Concurrent asynchronous calls on a client's own dispatcher, watches included. */
  static final int MAX_ASYNC_REQUESTS = 4096;

  /** The attempt timeout of a client without a timeout. */
  private static final long UNLIMITED_CALL_ATTEMPT_MILLIS = 2_000;

  private final Endpoints endpoints;
  private final String scheme;
  private final boolean shuffleEndpoints;
  private final long defaultTtl;
  private final String prefix;
  private final long timeoutSeconds;
  private final ValueSerializer serializer;
  private final OkHttpClient okHttpClient;
  private final LongPolls longPolls;
  private final boolean ownsOkHttp;
  private final Retrofit retrofit;
  private final ClusterApi cluster;
  private final ClientConfig config;
  private final ScheduledExecutorService syncer; // null without autoSync
  private final Set<Watcher> watchers = Collections.synchronizedSet(new HashSet<Watcher>());

  /** Set by close(): every call after it fails at once, sync or async, and opens nothing. */
  private final AtomicBoolean closed = new AtomicBoolean();

  EtcdRuntime(ClientBuilder<?> builder) {
    List<HttpUrl> members = new ArrayList<>(builder.endpoints);
    this.scheme = checkTransport(builder, members);
    this.shuffleEndpoints = builder.shuffleEndpoints;
    if (shuffleEndpoints) Collections.shuffle(members);
    this.endpoints = new Endpoints(members);
    HttpUrl first = members.get(0);
    this.defaultTtl = builder.ttl;
    this.prefix = builder.prefix;
    this.timeoutSeconds = builder.timeoutSeconds;
    Moshi base = builder.moshi != null ? builder.moshi : new Moshi.Builder().build();
    this.serializer =
        builder.serializer != null
            ? builder.serializer
            : builder.moshi != null ? ValueSerializer.json(builder.moshi) : ValueSerializer.JSON;
    this.ownsOkHttp = builder.okHttpClient == null;
    OkHttpClient.Builder http =
        ownsOkHttp ? new OkHttpClient.Builder() : builder.okHttpClient.newBuilder();
    // etcd answers an unclean path with 301; following it would turn a write into a GET.
    http.followRedirects(false).followSslRedirects(false);
    // OkHttp would silently send a write again after a dropped connection, applying it twice
    // (a second in-order key, a setnx that then fails); only reads are retried, once.
    http.retryOnConnectionFailure(false);
    long attemptMillis =
        builder.attemptTimeoutMillis != -1
            ? builder.attemptTimeoutMillis
            : timeoutSeconds > 0 ? timeoutSeconds * 1000 / 3 : UNLIMITED_CALL_ATTEMPT_MILLIS;
    http.interceptors()
        .add(0, new Failover(endpoints, first, attemptMillis, builder.maxResponseBytes));
    http.networkInterceptors().add(new Failover.MarkSent());
    if (!prefix.isEmpty()) http.interceptors().add(0, new KeyPrefix(first, prefix));
    if (builder.trustedCertificates != null || builder.clientKey != null) {
      Tls tls =
          Tls.create(
              builder.trustedCertificates, builder.clientCertificateChain, builder.clientKey);
      http.sslSocketFactory(tls.socketFactory, tls.trustManager);
    }
    if (builder.authorization != null) {
      http.interceptors().add(0, new BasicAuth(builder.authorization));
    }
    // The call timeout bounds each request; a read timeout would cut long polls short.
    http.callTimeout(timeoutSeconds, TimeUnit.SECONDS).readTimeout(0, TimeUnit.SECONDS);
    if (timeoutSeconds > 0) http.connectTimeout(timeoutSeconds, TimeUnit.SECONDS);
    if (ownsOkHttp) {
      // Long polls hold a request each: OkHttp's default of 5 per host would queue every other
      // asynchronous call behind five watches.
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(MAX_ASYNC_REQUESTS);
      dispatcher.setMaxRequestsPerHost(MAX_ASYNC_REQUESTS);
      http.dispatcher(dispatcher);
      http.connectionPool(
          new ConnectionPool(ClientBuilder.MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES));
    }
    this.okHttpClient = http.build();
    this.longPolls = new LongPolls(okHttpClient);
    Moshi moshi = EtcdJson.moshi(base, serializer);
    this.retrofit =
        new Retrofit.Builder()
            .baseUrl(first)
            .callFactory(longPolls)
            .addCallAdapterFactory(new EtcdCallAdapterFactory(moshi, endpoints, closed))
            .addConverterFactory(MoshiConverterFactory.create(moshi))
            .build();
    this.cluster = retrofit.create(ClusterApi.class);
    this.config = new ClientConfig(defaultTtl, prefix, timeoutSeconds, serializer, okHttpClient);
    this.syncer = builder.autoSyncSeconds > 0 ? startAutoSync(builder.autoSyncSeconds) : null;
  }

  /**
   * The one scheme all members share. TLS settings with plain-HTTP members would silently send
   * everything in the clear, so that is refused too.
   */
  private static String checkTransport(ClientBuilder<?> builder, List<HttpUrl> members) {
    String scheme = members.get(0).scheme();
    for (HttpUrl member : members) {
      if (!member.scheme().equals(scheme)) {
        throw new IllegalStateException(
            "endpoints mix http:// and https:// members ("
                + RealEtcdCall.hostName(members.get(0))
                + ", "
                + RealEtcdCall.hostName(member)
                + "): a cluster serves one scheme; use https:// for all of them");
      }
    }
    if (scheme.equals("http")
        && (builder.trustedCertificates != null || builder.clientKey != null)) {
      throw new IllegalStateException(
          "trustedCertificates or clientCertificate is set, but the"
              + " endpoints are plain http://, which would send everything unencrypted; use https://"
              + " endpoints");
    }
    return scheme;
  }

  private ScheduledExecutorService startAutoSync(long seconds) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            new ThreadFactory() {
              @Override
              public Thread newThread(Runnable task) {
                Thread thread = new Thread(task, "etcd-sync");
                thread.setDaemon(true);
                return thread;
              }
            });
    ScheduledFuture<?> unused =
        executor.scheduleWithFixedDelay(
            new Runnable() {
              @Override
              public void run() {
                try {
                  sync();
                } catch (RuntimeException e) {
                  LOG.log(
                      Level.WARNING,
                      "etcd member sync failed; keeping endpoints " + endpoints(),
                      e);
                }
              }
            },
            seconds,
            seconds,
            TimeUnit.SECONDS);
    return executor;
  }

  @Override
  public <T> T create(Class<T> api) {
    return retrofit.create(api);
  }

  @Override
  public ClientConfig config() {
    return config;
  }

  /** The pinned member, the one requests go to first, such as {@code http://127.0.0.1:2379}. */
  HttpUrl pinned() {
    return endpoints.pinned();
  }

  @Override
  public String host() {
    return endpoints.pinned().toString();
  }

  /**
   * The members' client URLs in the order in use: the pinned member first, then the others in the
   * order a failing call moves on through them.
   */
  @Override
  public List<String> endpoints() {
    return names(endpoints.order());
  }

  /**
   * Replaces the endpoints with the client URLs of the cluster's members ({@code GET /v2/members}),
   * keeping the pinned member first when it is still a member. Members without a client URL yet
   * (added, not started) and URLs of another scheme are left out.
   *
   * @return the new endpoints, as {@link #endpoints()}
   * @throws EtcdException if the members cannot be read or list no usable URL; the endpoints are
   *     then unchanged
   */
  @Override
  public List<String> sync() {
    EtcdResponse<MemberList> answer = cluster.getMembers().operation("sync").execute();
    String member = RealEtcdCall.hostName(endpoints.pinned());
    if (answer.isTimeout()) {
      throw new EtcdException("sync", member, "the members list did not come in time", null);
    }
    if (!answer.isSuccessful() || answer.body() == null || answer.body().members() == null) {
      throw new EtcdException(
          "sync",
          member,
          "GET /v2/members answered "
              + answer.status()
              + (answer.error() != null ? " " + answer.error() : ""),
          null);
    }
    List<HttpUrl> urls = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Member each : answer.body().members()) {
      for (String clientUrl : each.clientURLs()) {
        HttpUrl url = HttpUrl.parse(clientUrl);
        if (url == null || !url.scheme().equals(scheme) || !url.username().isEmpty()) {
          skipped.add(clientUrl);
          continue;
        }
        url = ClientBuilder.endpointUrl(clientUrl, "clientURL");
        if (!urls.contains(url)) urls.add(url);
      }
    }
    if (urls.isEmpty()) {
      throw new EtcdException(
          "sync",
          member,
          "the members list no "
              + scheme
              + " client URL"
              + (skipped.isEmpty() ? "" : " (left out: " + skipped + ")")
              + "; keeping "
              + endpoints(),
          null);
    }
    if (!skipped.isEmpty()) {
      LOG.warning("etcd member sync left out client URLs that are not " + scheme + ": " + skipped);
    }
    if (shuffleEndpoints) Collections.shuffle(urls);
    return names(endpoints.replace(urls));
  }

  private static List<String> names(List<HttpUrl> members) {
    List<String> names = new ArrayList<>(members.size());
    for (HttpUrl member : members) {
      String path = member.encodedPath();
      names.add(
          RealEtcdCall.hostName(member)
              + (path.equals("/") ? "" : path.substring(0, path.length() - 1)));
    }
    return Collections.unmodifiableList(names);
  }

  /** The normalised key prefix, or empty. */
  String prefix() {
    return prefix;
  }

  /** The request timeout in seconds, 0 for none. */
  long timeoutSeconds() {
    return timeoutSeconds;
  }

  /**
   * A caller's key as an encoded path under {@code /v2/keys}: normalised, then percent-encoded per
   * segment. The client's prefix is put in front of it on the way out, for every request under
   * {@code v2/keys}, the user's own endpoints' included.
   *
   * @param rootAllowed false for writes and deletes, which must not target the root (etcd keeps it
   *     read-only) or the whole prefix
   */
  @Override
  public String key(String key, boolean rootAllowed, String argument) {
    Arguments.checkNotNull(key, argument);
    String normalized = Keys.normalize(Arguments.checkWellFormed(key, argument));
    if (!rootAllowed && normalized.equals("/")) {
      throw new IllegalArgumentException(
          prefix.isEmpty()
              ? argument
                  + " must name a key below the root but \""
                  + key
                  + "\" normalises to \"/\","
                  + " which etcd keeps read-only"
              : argument
                  + " must name a key below the prefix but \""
                  + key
                  + "\" normalises to the"
                  + " prefix "
                  + prefix
                  + " itself; writing or deleting it would replace or remove everything"
                  + " under the prefix");
    }
    return Keys.encodePath(normalized);
  }

  /** A required value encoded by the serializer. */
  @Override
  public String value(Object value, String argument) {
    return encode(Arguments.checkNotNull(value, argument), argument);
  }

  /**
   * {@code value} as stored. Text must be well-formed: JSON could escape a lone surrogate, but
   * other clients would read it back as U+FFFD, and RAW text would go out as {@code ?}.
   */
  private String encode(Object value, String argument) {
    if (value instanceof String) Arguments.checkWellFormed((String) value, argument);
    if (serializer == ValueSerializer.JSON) { // the default Moshi: no adapter of a user's
      String plain = PlainJson.encode(value);
      if (plain != null) return plain;
    }
    return Arguments.checkWellFormed(serializer.encode(value, argument), argument);
  }

  /** An optional value encoded by the serializer; null stays null, that is, not sent. */
  @Override
  public String optionalValue(Object value, String argument) {
    return value == null ? null : encode(value, argument);
  }

  /** A caller's TTL as sent: null for -1, else the number of seconds. */
  @Override
  public String ttl(long ttl, String argument) {
    return Arguments.checkTtl(ttl, argument) == -1 ? null : Long.toString(ttl);
  }

  @Override
  public String defaultTtl() {
    return defaultTtl == -1 ? null : Long.toString(defaultTtl);
  }

  /** A required argument, which must not be null. */
  @Override
  public <T> T required(T value, String argument) {
    return Arguments.checkNotNull(value, argument);
  }

  /** A boolean flag as sent: {@code true}, or null (not sent) for false. */
  @Override
  public Boolean flag(boolean flag) {
    return flag ? Boolean.TRUE : null;
  }

  /** An index or count, which must not be negative. */
  @Override
  public Long index(long index, String argument) {
    return Arguments.checkIndex(index, argument);
  }

  /** An index that must be at least 1, as a compare's {@code prevIndex}: 0 means no condition. */
  @Override
  public Long positiveIndex(long index, String argument) {
    return Arguments.checkPositive(index, argument);
  }

  /** An int that must be at least 1. */
  @Override
  public Integer positiveCount(int count, String argument) {
    return positiveIndex(count, argument).intValue();
  }

  /** A path segment such as a user name: neither null nor empty. */
  @Override
  public String segment(String segment, String argument) {
    Arguments.checkNotNull(segment, argument);
    Arguments.checkWellFormed(segment, argument);
    if (segment.isEmpty()) {
      throw new IllegalArgumentException(
          argument + " must not be empty: the request would then" + " name the whole collection");
    }
    return segment;
  }

  /** An int count, which must not be negative. */
  @Override
  public Integer count(int count, String argument) {
    return (int) Arguments.checkIndex(count, argument);
  }

  @Override
  public <T> PlainRequest<T> request(EtcdCall<T> call, String operation) {
    return new PlainRequest<>(operation, call);
  }

  /** {@code call} named {@code operation} in errors, with the client's timeout, unsent. */
  @Override
  public <T> EtcdCall<T> prepare(EtcdCall<T> call, String operation) {
    return call.operation(operation);
  }

  /** {@code call} named {@code operation}, limited to {@code timeoutSeconds}, unsent. */
  @Override
  public <T> EtcdCall<T> prepare(EtcdCall<T> call, String operation, long timeoutSeconds) {
    Arguments.checkTimeout(timeoutSeconds, "timeoutSeconds");
    return call.operation(operation).timeout(timeoutSeconds);
  }

  @Override
  public WatchBuilder watch(KeysApi keys, String encodedKey) {
    Arguments.checkNotNull(keys, "keys");
    Arguments.checkNotNull(encodedKey, "encodedKey");
    return new WatchBuilder(this, keys, encodedKey);
  }

  void register(Watcher watcher) {
    watchers.add(watcher);
  }

  void unregister(Watcher watcher) {
    watchers.remove(watcher);
  }

  /**
   * Stops every watch and releases the threads and connections this client created. With a shared
   * {@link ClientBuilder#okHttpClient OkHttp client}, its pool and dispatcher are left to their
   * owner.
   */
  @Override
  public void close() {
    closed.set(true);
    Watcher[] running;
    synchronized (watchers) {
      running = watchers.toArray(new Watcher[0]);
    }
    for (Watcher watcher : running) watcher.stop();
    if (syncer != null) syncer.shutdownNow();
    longPolls.close();
    if (!ownsOkHttp) return;
    okHttpClient.dispatcher().cancelAll();
    okHttpClient.dispatcher().executorService().shutdown();
    okHttpClient.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "EtcdRuntime{endpoints="
        + endpoints()
        + ", ttl="
        + defaultTtl
        + ", prefix="
        + prefix
        + ", timeout="
        + timeoutSeconds
        + "s, serializer="
        + serializer
        + '}';
  }
}
