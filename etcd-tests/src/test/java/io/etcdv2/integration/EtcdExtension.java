package io.etcdv2.integration;

import io.etcdv2.EtcdClient;
import io.etcdv2.testing.LocalEtcd;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts Debian's etcd (v2 on, loopback, free ports, temp data dir) once per test class and stops
 * it after the class. Never skips: without etcd installed, starting fails and says how to install
 * it.
 *
 * <p>Resolves {@link LocalEtcd} and {@link EtcdClient} parameters; each client gets a key prefix
 * named after its test method, so tests never see each other's keys, and is closed after it.
 */
final class EtcdExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EtcdExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    etcd(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalEtcd.class || type == EtcdClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalEtcd etcd = etcd(context);
    if (parameter.getParameter().getType() == LocalEtcd.class) return etcd;
    String prefix = "/" + context.getRequiredTestClass().getSimpleName() + "/"
        + context.getRequiredTestMethod().getName();
    EtcdClient client = EtcdClient.builder().host(etcd.clientUrl()).prefix(prefix).build();
    context.getStore(NAMESPACE).put(parameter.getIndex() + "client",
        (ExtensionContext.Store.CloseableResource) client::close);
    return client;
  }

  private static LocalEtcd etcd(ExtensionContext context) {
    ExtensionContext classContext = context.getTestMethod().isPresent()
        ? context.getParent().orElseThrow() : context;
    return classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent("etcd", key -> new Member(LocalEtcd.start()), Member.class)
        .etcd;
  }

  /** Closes the member with the class's store. */
  private static final class Member implements ExtensionContext.Store.CloseableResource {
    final LocalEtcd etcd;

    Member(LocalEtcd etcd) {
      this.etcd = etcd;
    }

    @Override
    public void close() {
      etcd.close();
    }
  }
}
