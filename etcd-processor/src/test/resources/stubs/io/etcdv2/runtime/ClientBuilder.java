package io.etcdv2.runtime;

/**
 * Test stub of etcd-runtime's {@code ClientBuilder}, with the members generated code uses. The real
 * class cannot be on this module's test path: etcd-runtime depends on the processor.
 *
 * @param <B> the generated builder
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  protected ClientBuilder() {}

  protected final EtcdRuntime newRuntime() {
    return new EtcdRuntime();
  }
}
