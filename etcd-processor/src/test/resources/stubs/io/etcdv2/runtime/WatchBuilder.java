package io.etcdv2.runtime;

/** Test stub of etcd-runtime's {@code WatchBuilder}: generated clients only return it. */
public final class WatchBuilder {
  WatchBuilder() {}
}
