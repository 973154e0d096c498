package io.etcdv2.recipes;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The live instances of one service, from {@link ServiceRegistry#discover}: a {@link TreeCache} of
 * the service's directory, so {@link #list()} is always current and listeners hear every instance
 * that appears, changes or goes (expired, deregistered), resyncs included.
 */
public final class ServiceDiscovery implements Closeable {
  /** Told of instances coming and going, on the cache's watch thread. */
  public interface Listener {
    void added(ServiceInstance instance);

    void updated(ServiceInstance previous, ServiceInstance current);

    /** Deregistered, or expired after its heartbeats stopped. */
    void removed(ServiceInstance instance);
  }

  private final ServiceRegistry registry;
  private final String service;
  private final String dir;
  private final TreeCache cache;

  ServiceDiscovery(ServiceRegistry registry, String service, String dir, TreeCache cache) {
    this.registry = registry;
    this.service = service;
    this.dir = dir;
    this.cache = cache;
  }

  /** The service's instances now, by instance id. */
  public List<ServiceInstance> list() {
    List<ServiceInstance> instances = new ArrayList<>();
    for (CachedNode node : cache.children(dir)) {
      if (!node.isDir()) instances.add(new ServiceInstance(service, node));
    }
    return Collections.unmodifiableList(instances);
  }

  /** Adds a listener for changes from now on; {@link #list()} has the instances so far. */
  public void addListener(Listener listener) {
    if (listener == null) throw new NullPointerException("listener == null");
    cache.addListener(adapt(listener));
  }

  public String service() {
    return service;
  }

  /** Stops following the service and ends its watch's thread. */
  @Override
  public void close() {
    cache.close();
    registry.forget(this);
  }

  TreeCache cache() {
    return cache;
  }

  TreeCache.Listener adapt(final Listener listener) {
    return new TreeCache.Listener() {
      @Override
      public void added(CachedNode node) {
        if (isInstance(node)) listener.added(new ServiceInstance(service, node));
      }

      @Override
      public void updated(CachedNode previous, CachedNode current) {
        if (isInstance(current)) {
          listener.updated(
              new ServiceInstance(service, previous), new ServiceInstance(service, current));
        }
      }

      @Override
      public void removed(CachedNode node) {
        if (isInstance(node)) listener.removed(new ServiceInstance(service, node));
      }
    };
  }

  private boolean isInstance(CachedNode node) {
    return !node.isDir()
        && node.key().length() > dir.length()
        && node.key().startsWith(dir)
        && node.key().charAt(dir.length()) == '/'
        && node.key().indexOf('/', dir.length() + 1) < 0;
  }

  @Override
  public String toString() {
    return "ServiceDiscovery{" + dir + '}';
  }
}
