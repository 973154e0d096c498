package io.etcdv2.runtime;

import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysApi;
import java.io.Closeable;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Test stub of etcd-runtime's {@code EtcdRuntime}, with the public signatures generated code calls.
 * The real class cannot be on this module's test path: etcd-runtime depends on the processor.
 */
public final class EtcdRuntime implements Closeable {
  EtcdRuntime() {}

  public <T> T create(Class<T> api) {
    throw new UnsupportedOperationException();
  }

  public HttpUrl host() {
    throw new UnsupportedOperationException();
  }

  public List<String> endpoints() {
    return null;
  }

  public List<String> sync() {
    return null;
  }

  public String key(String key, boolean rootAllowed) {
    throw new UnsupportedOperationException();
  }

  public String value(Object value, String argument) {
    throw new UnsupportedOperationException();
  }

  public String optionalValue(Object value, String argument) {
    throw new UnsupportedOperationException();
  }

  public String ttl(long ttl, String argument) {
    throw new UnsupportedOperationException();
  }

  public String defaultTtlParameter() {
    throw new UnsupportedOperationException();
  }

  public Long positiveIndex(long index, String argument) {
    throw new UnsupportedOperationException();
  }

  public Integer positiveCount(int count, String argument) {
    throw new UnsupportedOperationException();
  }

  public String segment(String segment, String argument) {
    throw new UnsupportedOperationException();
  }

  public <T> T required(T value, String argument) {
    throw new UnsupportedOperationException();
  }

  public long timeout(long seconds, String argument) {
    throw new UnsupportedOperationException();
  }

  public <T> EtcdCall<T> prepare(EtcdCall<T> call, String operation) {
    throw new UnsupportedOperationException();
  }

  public <T> EtcdCall<T> prepare(EtcdCall<T> call, String operation, long timeoutSeconds) {
    throw new UnsupportedOperationException();
  }

  public WatchBuilder watch(KeysApi keys, String encodedKey) {
    throw new UnsupportedOperationException();
  }

  public Boolean flag(boolean flag) {
    throw new UnsupportedOperationException();
  }

  public Long index(long index, String argument) {
    throw new UnsupportedOperationException();
  }

  public Integer count(int count, String argument) {
    throw new UnsupportedOperationException();
  }

  public <T> EtcdResponse<T> execute(EtcdCall<T> call, String operation) {
    throw new UnsupportedOperationException();
  }

  public <T> EtcdResponse<T> execute(EtcdCall<T> call, String operation, long timeoutSeconds) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {
    throw new UnsupportedOperationException();
  }
}
