package io.etcdv2.runtime;

import io.etcdv2.api.ValueSerializer;
import okhttp3.OkHttpClient;

/**
 * A client's configuration as its {@link ClientBuilder} set it, read-only. The members in use
 * change as calls fail over and syncs run, so they are the client's {@code endpoints()}, not here.
 *
 * <pre>{@code
 * EtcdClient etcd = EtcdClient.builder().prefix("/app").ttl(30).build();
 * etcd.config().prefix();     // "/app"
 * etcd.config().defaultTtl(); // 30
 * }</pre>
 */
public final class ClientConfig {
  private final long defaultTtl;
  private final String prefix;
  private final long timeoutSeconds;
  private final ValueSerializer serializer;
  private final OkHttpClient okHttpClient;

  ClientConfig(
      long defaultTtl,
      String prefix,
      long timeoutSeconds,
      ValueSerializer serializer,
      OkHttpClient okHttpClient) {
    this.defaultTtl = defaultTtl;
    this.prefix = prefix;
    this.timeoutSeconds = timeoutSeconds;
    this.serializer = serializer;
    this.okHttpClient = okHttpClient;
  }

  /** The TTL of key writes that take none, in seconds; -1 for none. */
  public long defaultTtl() {
    return defaultTtl;
  }

  /** The normalised key prefix, such as {@code /app}; empty for none. */
  public String prefix() {
    return prefix;
  }

  /** The timeout of each call in seconds, all attempts included; 0 for none. */
  public long timeoutSeconds() {
    return timeoutSeconds;
  }

  /** How values are encoded and decoded. */
  public ValueSerializer serializer() {
    return serializer;
  }

  /**
   * The OkHttp client the calls run on, with the client's interceptors (failover, prefix,
   * credentials) installed: share its pool and dispatcher through {@code newBuilder()}, but do not
   * send etcd requests through it directly.
   */
  public OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  @Override
  public String toString() {
    return "ClientConfig{ttl="
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
