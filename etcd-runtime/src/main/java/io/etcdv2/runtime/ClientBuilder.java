package io.etcdv2.runtime;

import com.squareup.moshi.Moshi;
import io.etcdv2.api.ValueSerializer;
import java.nio.charset.StandardCharsets;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The configuration every generated client's {@code Builder} shares: lua-resty-etcd's {@code new}
 * options plus the Java ones.
 *
 * <pre>{@code
 * EtcdClient etcd = EtcdClient.builder()
 *     .host("http://127.0.0.1:2379")  // default
 *     .ttl(-1)                         // default TTL for key operations, seconds; -1 = none
 *     .prefix("")                      // key namespace under /v2/keys
 *     .timeout(5)                      // request timeout, seconds
 *     .build();
 * }</pre>
 *
 * @param <B> the generated builder, returned by every setter
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  /** lua-resty-etcd's default host. */
  public static final String DEFAULT_HOST = "http://127.0.0.1:2379";
  /** The default request timeout, seconds. */
  public static final long DEFAULT_TIMEOUT_SECONDS = 5;

  HttpUrl host = HttpUrl.get(DEFAULT_HOST);
  long ttl = -1;
  String prefix = "";
  long timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  ValueSerializer serializer; // null: JSON through the configured Moshi
  Moshi moshi;
  OkHttpClient okHttpClient;
  String authorization; // the Basic header value; never the password itself

  protected ClientBuilder() {}

  /**
   * The etcd member to talk to, such as {@code http://127.0.0.1:2379}; a path is kept, for etcd
   * behind a proxy.
   *
   * @throws IllegalArgumentException if {@code host} is not an http or https URL
   */
  public final B host(String host) {
    if (host == null) throw new NullPointerException("host == null");
    HttpUrl url = HttpUrl.parse(host);
    if (url == null) {
      throw new IllegalArgumentException(
          "host must be an http or https URL such as http://127.0.0.1:2379 but was \"" + host
              + "\"");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new IllegalArgumentException("host must not carry credentials (OkHttp would not send"
          + " them, and they would show in logs); pass them with auth(user, password)");
    }
    this.host = url;
    return self();
  }

  /**
   * The TTL, in seconds, that key operations use when the caller gives none: -1 for none (the
   * default), or at least 1.
   *
   * @throws IllegalArgumentException for 0 or a value below -1
   */
  public final B ttl(long ttl) {
    this.ttl = Arguments.checkTtl(ttl, "ttl");
    return self();
  }

  /**
   * A key namespace: with {@code "/app"}, {@code set("/a", v)} writes {@code /v2/keys/app/a}.
   * Applies to key operations only, not to version or stats. Normalised like keys.
   */
  public final B prefix(String prefix) {
    if (prefix == null) throw new NullPointerException("prefix == null");
    String normalized = Keys.normalize(prefix);
    this.prefix = normalized.equals("/") ? "" : normalized;
    return self();
  }

  /**
   * How long a request may take in all, in seconds; 0 for no limit. {@code wait} and {@code
   * waitdir} use it when the caller gives no timeout. Default 5.
   *
   * @throws IllegalArgumentException if {@code seconds} is negative
   */
  public final B timeout(long seconds) {
    this.timeoutSeconds = Arguments.checkTimeout(seconds, "timeout");
    return self();
  }

  /** How conveniences store and read values: {@link ValueSerializer#JSON} (the default) or RAW. */
  public final B serializer(ValueSerializer serializer) {
    if (serializer == null) throw new NullPointerException("serializer == null");
    this.serializer = serializer;
    return self();
  }

  /**
   * The Moshi that decodes etcd's bodies; unless a {@link #serializer} is set, values are JSON
   * through it too, so its adapters serve {@code set} and typed reads.
   */
  public final B moshi(Moshi moshi) {
    if (moshi == null) throw new NullPointerException("moshi == null");
    this.moshi = moshi;
    return self();
  }

  /**
   * An OkHttp client to share connection pool and dispatcher with. The client derives its own
   * from it: redirects off (etcd's 301 would turn a PUT into a GET), the timeouts above. Closing
   * the etcd client then leaves the shared pool and dispatcher running.
   */
  public final B okHttpClient(OkHttpClient client) {
    if (client == null) throw new NullPointerException("client == null");
    this.okHttpClient = client;
    return self();
  }

  /**
   * Credentials for etcd's auth, sent as HTTP Basic with every request. They never appear in
   * {@code toString()}, exception messages or logs.
   */
  public final B auth(String user, String password) {
    if (user == null) throw new NullPointerException("user == null");
    if (password == null) throw new NullPointerException("password == null");
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("user must not contain ':', which HTTP Basic uses to"
          + " separate it from the password");
    }
    this.authorization = Credentials.basic(user, password, StandardCharsets.UTF_8);
    return self();
  }

  /** The runtime for the generated client's constructor. */
  protected final EtcdRuntime newRuntime() {
    return new EtcdRuntime(this);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
