package io.etcdv2.integration;

import io.etcdv2.EtcdClient;
import io.etcdv2.testing.EtcdExtension;
import io.etcdv2.testing.LocalEtcd;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@link RealEtcd}'s extension: the public {@link EtcdExtension} (one member per test class), plus
 * {@link LocalEtcd} and {@link EtcdClient} parameters. Each client gets a key prefix named after
 * its test method, so tests never see each other's keys, and is closed after it.
 */
final class RealEtcdExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RealEtcdExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    etcd(context).beforeAll(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    etcd(context).afterAll(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalEtcd.class || type == EtcdClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalEtcd etcd = etcd(context).member(0);
    if (parameter.getParameter().getType() == LocalEtcd.class) return etcd;
    String prefix =
        "/"
            + context.getRequiredTestClass().getSimpleName()
            + "/"
            + context.getRequiredTestMethod().getName();
    EtcdClient client = EtcdClient.builder().host(etcd.clientUrl()).prefix(prefix).build();
    context.getStore(NAMESPACE).put(parameter.getIndex() + "client", client);
    return client;
  }

  /** The test class's own extension instance. */
  private static EtcdExtension etcd(ExtensionContext context) {
    ExtensionContext classContext =
        context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("etcd", key -> EtcdExtension.singleNode(), EtcdExtension.class);
  }
}
