package io.etcdv2.runtime.internal;

import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysApi;
import io.etcdv2.runtime.ClientConfig;
import io.etcdv2.runtime.PlainRequest;
import io.etcdv2.runtime.WatchBuilder;
import java.io.Closeable;
import java.util.List;

/**
 * Not API: what a generated client stands on, its transport and the argument rules of its
 * conveniences and request builders. Every message names the argument it was given.
 *
 * <p>Only the etcd runtime implements it; a generated client gets it from {@code
 * ClientBuilder.newRuntime()}.
 */
public abstract class ClientRuntime implements Closeable {
  /** Only the runtime's own implementation. */
  protected ClientRuntime() {}

  /** The Retrofit implementation of {@code api}, on this client's transport. */
  public abstract <T> T create(Class<T> api);

  /** The client's configuration, read-only. */
  public abstract ClientConfig config();

  /** The members' client URLs in the order in use, pinned member first. */
  public abstract List<String> endpoints();

  /** Replaces the endpoints with the members' client URLs from {@code GET /v2/members}. */
  public abstract List<String> sync();

  /** The pinned member, for {@code toString()}. */
  public abstract String host();

  @Override
  public abstract void close();

  /**
   * A caller's key as an encoded path under {@code /v2/keys}: normalised, then percent-encoded per
   * segment.
   *
   * @param rootAllowed false for writes and deletes, which must not target the root or the whole
   *     prefix
   * @param argument the argument's name in the generated method, for messages
   */
  public abstract String key(String key, boolean rootAllowed, String argument);

  /** A required value encoded by the client's serializer. */
  public abstract String value(Object value, String argument);

  /** An optional value encoded by the client's serializer; null stays null, that is, not sent. */
  public abstract String optionalValue(Object value, String argument);

  /** A caller's TTL as sent: null for -1, else the number of seconds. */
  public abstract String ttl(long ttl, String argument);

  /** The client's default TTL as sent, for overloads without one. */
  public abstract String defaultTtl();

  /** A required argument, which must not be null. */
  public abstract <T> T required(T value, String argument);

  /** A path segment such as a user name: neither null nor empty. */
  public abstract String segment(String segment, String argument);

  /** A boolean flag as sent: {@code true}, or null (not sent) for false. */
  public abstract Boolean flag(boolean flag);

  /** An index, which must not be negative. */
  public abstract Long index(long index, String argument);

  /** An index that must be at least 1. */
  public abstract Long positiveIndex(long index, String argument);

  /** An int count, which must not be negative. */
  public abstract Integer count(int count, String argument);

  /** An int that must be at least 1. */
  public abstract Integer positiveCount(int count, String argument);

  /** The request builder of an endpoint without optional parameters, for its unsent call. */
  public abstract <T> PlainRequest<T> request(EtcdCall<T> call, String operation);

  /** {@code call} named {@code operation} in errors, with the client's timeout, unsent. */
  public abstract <T> EtcdCall<T> prepare(EtcdCall<T> call, String operation);

  /** {@code call} named {@code operation}, limited to {@code timeoutSeconds}, unsent. */
  public abstract <T> EtcdCall<T> prepare(EtcdCall<T> call, String operation, long timeoutSeconds);

  /** A continuous watch of {@code encodedKey} (from {@link #key}) through {@code keys}. */
  public abstract WatchBuilder watch(KeysApi keys, String encodedKey);
}
