package io.etcdv2.runtime;

import io.etcdv2.runtime.internal.ClientRuntime;
import java.io.Closeable;
import java.util.List;

/**
 * What every client the etcd processor generates has: the Retrofit interface, the configuration,
 * the members in use, and {@link #close()}. Generated clients extend it and add their conveniences,
 * {@link #async()} forms and {@link #requests()} builders; applications use those clients, not this
 * class.
 *
 * <pre>{@code
 * try (EtcdClient etcd = EtcdClient.builder().endpoints(urls).build()) {
 *   etcd.set("/config/port", 8080);
 *   etcd.endpoints(); // [http://10.0.0.1:2379, http://10.0.0.2:2379, ...], pinned first
 * }
 * }</pre>
 *
 * @param <A> the Retrofit interface the client was generated from
 */
public abstract class GeneratedClient<A> implements Closeable {
  private final ClientRuntime runtime;
  private final A api;

  /**
   * @param runtime from {@link ClientBuilder#newRuntime()}; generated code keeps its own reference
   *     for the argument rules
   * @param apiType the interface, which Retrofit implements on the client's transport
   */
  protected GeneratedClient(ClientRuntime runtime, Class<A> apiType) {
    this.runtime = Arguments.checkNotNull(runtime, "runtime");
    this.api = runtime.create(Arguments.checkNotNull(apiType, "apiType"));
  }

  /**
   * The Retrofit interface, for every endpoint and parameter; its calls share this client's
   * configuration and transport.
   */
  public final A api() {
    return api;
  }

  /** This client's configuration, read-only. */
  public final ClientConfig config() {
    return runtime.config();
  }

  /**
   * The members' client URLs in the order in use: the pinned member first, then the others in the
   * order a failing call moves on through them.
   */
  public final List<String> endpoints() {
    return runtime.endpoints();
  }

  /**
   * Replaces the endpoints with the members' client URLs from {@code GET /v2/members}, keeping the
   * pinned member first when it is still a member. A sync that fails leaves them as they were.
   *
   * @return the new endpoints
   * @throws io.etcdv2.api.EtcdException if the members cannot be read
   */
  public final List<String> sync() {
    return runtime.sync();
  }

  /**
   * The asynchronous form of every convenience: the same methods, returning the call unsent, to
   * {@code enqueue} with a callback (any platform, Android API 21 included) or to take as a {@code
   * future()} (Java 8, Android API 24).
   */
  public abstract Async async();

  /**
   * Request builders for every endpoint, with each parameter by name: {@code
   * requests().endpoint(pathArguments).parameter(value).send()}.
   */
  public abstract Requests requests();

  /**
   * Stops this client's watches and releases the threads and connections it created; every call
   * after it fails at once.
   */
  @Override
  public final void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + runtime.host() + "}";
  }

  /** The asynchronous conveniences; generated clients extend it with theirs. */
  @SuppressWarnings("ClassCanBeStatic") // generated subclasses are inner classes of the client
  public abstract class Async {
    protected Async() {}
  }

  /** The request builders; generated clients extend it with one entry per endpoint. */
  @SuppressWarnings("ClassCanBeStatic") // generated subclasses are inner classes of the client
  public abstract class Requests {
    protected Requests() {}
  }
}
