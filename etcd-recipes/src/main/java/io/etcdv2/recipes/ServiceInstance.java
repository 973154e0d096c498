package io.etcdv2.recipes;

import java.lang.reflect.Type;

/** A registered instance of a service, as a {@link ServiceDiscovery} sees it. Immutable. */
public final class ServiceInstance {
  private final String service;
  private final CachedNode node;

  ServiceInstance(String service, CachedNode node) {
    this.service = service;
    this.node = node;
  }

  public String service() {
    return service;
  }

  /** The instance id it registered with. */
  public String id() {
    return node.name();
  }

  /** Its key, such as {@code /services/web/a}. */
  public String key() {
    return node.key();
  }

  /** The value it registered, decoded by the client's serializer (JSON by default). */
  public Object value() {
    return node.value();
  }

  public <T> T value(Class<T> type) {
    return node.value(type);
  }

  public <T> T value(Type type) {
    return node.value(type);
  }

  /** The value as stored. */
  public String rawValue() {
    return node.rawValue();
  }

  /** The index of its registration. */
  public long createdIndex() {
    return node.createdIndex();
  }

  public long modifiedIndex() {
    return node.modifiedIndex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceInstance && node.equals(((ServiceInstance) o).node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }

  @Override
  public String toString() {
    return "ServiceInstance{" + service + "/" + id() + ", value=" + rawValue() + '}';
  }
}
