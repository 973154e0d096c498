package io.etcdv2.recipes;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Services announcing their instances with a heartbeat, and clients finding them, like Curator's
 * {@code ServiceDiscovery}.
 *
 * <pre>{@code
 * ServiceRegistry registry = ServiceRegistry.create(etcd, "/services");
 * // in each instance:
 * Closeable registration = registry.register("web", "10.0.0.1:8080", endpoint, 10);
 * ...
 * registration.close();                          // deregisters at once
 *
 * // in clients:
 * ServiceDiscovery web = registry.discover("web");
 * for (ServiceInstance instance : web.list()) ...  // always current
 * }</pre>
 *
 * <p>An instance is the key {@code <base>/<service>/<instanceId>} holding its value with a TTL,
 * refreshed every third of the TTL while the registration is open. <b>Guarantees:</b> an instance
 * that stops heartbeating (crashed, partitioned) disappears from every discoverer within its TTL
 * plus etcd's expiry tick (half a second); a closed registration disappears at once; a registration
 * whose key expired while etcd could not be reached (longer than the TTL) writes it again as soon
 * as it can, so a live instance comes back by itself. Discoverers are {@link TreeCache}s: they miss
 * no appearance or expiry, across restarts and resyncs.
 *
 * <p>Heartbeats of all of a registry's registrations share one daemon thread, {@code etcd-registry
 * <base>}, alive only while there are registrations; each discovery has its watch's thread. {@link
 * #close()} closes every registration (deleting its key) and discovery made through this registry.
 */
public final class ServiceRegistry implements Closeable {
  private final EtcdClient etcd;
  private final String base;
  private final ScheduledThreadPoolExecutor executor;
  private final Set<ServiceRegistration> registrations =
      Collections.newSetFromMap(new ConcurrentHashMap<ServiceRegistration, Boolean>());
  private final Set<ServiceDiscovery> discoveries =
      Collections.newSetFromMap(new ConcurrentHashMap<ServiceDiscovery, Boolean>());
  private volatile boolean closed;

  private ServiceRegistry(EtcdClient etcd, String base) {
    this.etcd = etcd;
    this.base = base;
    this.executor = Support.scheduler("etcd-registry " + base, true);
  }

  /** A registry whose services live under {@code base}, such as {@code /services}. */
  public static ServiceRegistry create(EtcdClient etcd, String base) {
    if (etcd == null) throw new NullPointerException("etcd == null");
    return new ServiceRegistry(etcd, Support.directory(base, "base"));
  }

  /**
   * Registers an instance: writes {@code <base>/<service>/<instanceId>} = {@code value} (encoded by
   * the client's serializer) with the TTL, and keeps it alive until the registration is closed. An
   * instance registered again under the same id replaces the earlier value.
   *
   * @param ttlSeconds how long the instance stays listed after its heartbeats stop, at least 1
   * @throws io.etcdv2.api.EtcdException when etcd cannot be reached
   * @throws IllegalStateException when etcd refuses the write, or the registry is closed
   */
  public ServiceRegistration register(
      String service, String instanceId, Object value, long ttlSeconds) {
    checkOpen();
    Support.segment(service, "service");
    Support.segment(instanceId, "instanceId");
    if (value == null) throw new NullPointerException("value == null");
    Support.positiveTtl(ttlSeconds);
    String key = base + "/" + service + "/" + instanceId;
    long sent = System.nanoTime();
    EtcdResponse<KeysResult> written = etcd.set(key, value, ttlSeconds);
    if (!written.isSuccessful()) {
      throw new IllegalStateException(
          "registering " + key + " failed: " + Support.describe(written));
    }
    ServiceRegistration registration =
        new ServiceRegistration(this, etcd, executor, service, instanceId, key, value, ttlSeconds);
    registrations.add(registration);
    registration.start(sent, written.body().node());
    if (closed) {
      registration.close();
      throw new IllegalStateException("registry " + base + " is closed");
    }
    return registration;
  }

  /**
   * A live view of {@code service}'s instances, read before this returns and kept current.
   *
   * @throws io.etcdv2.api.EtcdException when etcd cannot be reached
   */
  public ServiceDiscovery discover(String service) {
    return discover(service, null);
  }

  /**
   * As {@link #discover(String)}, with a listener that also hears the instances already registered,
   * as {@code added()}.
   */
  public ServiceDiscovery discover(String service, ServiceDiscovery.Listener listener) {
    checkOpen();
    Support.segment(service, "service");
    String dir = base + "/" + service;
    TreeCache cache = TreeCache.create(etcd, dir);
    ServiceDiscovery discovery = new ServiceDiscovery(this, service, dir, cache);
    if (listener != null) cache.addListener(discovery.adapt(listener));
    cache.start();
    discoveries.add(discovery);
    if (closed) {
      discovery.close();
      throw new IllegalStateException("registry " + base + " is closed");
    }
    return discovery;
  }

  public String base() {
    return base;
  }

  /** Closes every registration (deleting its key) and discovery made here, and the thread. */
  @Override
  public void close() {
    closed = true;
    for (ServiceRegistration registration : new ArrayList<>(registrations)) {
      registration.close();
    }
    for (ServiceDiscovery discovery : new ArrayList<>(discoveries)) discovery.close();
    executor.shutdownNow();
  }

  /** The registrations open now. */
  public List<ServiceRegistration> registrations() {
    return Collections.unmodifiableList(new ArrayList<>(registrations));
  }

  void forget(ServiceRegistration registration) {
    registrations.remove(registration);
  }

  void forget(ServiceDiscovery discovery) {
    discoveries.remove(discovery);
  }

  private void checkOpen() {
    if (closed) throw new IllegalStateException("registry " + base + " is closed");
  }

  @Override
  public String toString() {
    return "ServiceRegistry{" + base + (closed ? ", closed" : "") + '}';
  }
}
