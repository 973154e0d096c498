package io.etcdv2.bench;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.Watch;
import io.etcdv2.runtime.WatchListener;

/** The generated {@link EtcdClient} with its defaults, used the way the README shows. */
final class ThisClient implements BenchClient {
  static final String ID = "etcd-client";

  private final EtcdClient etcd;

  ThisClient(String url) {
    this.etcd = EtcdClient.builder().host(url).build();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "EtcdClient (this)";
  }

  @Override
  public boolean set(String key, int value) {
    int status = etcd.set(key, value).status();
    return status == 200 || status == 201;
  }

  @Override
  public boolean get(String key) {
    EtcdResponse<KeysResult> response = etcd.get(key);
    return response.status() == 200 && response.body().node().value() != null;
  }

  @Override
  public void setAsync(String key, int value, Done done) {
    etcd.async()
        .set(key, value)
        .enqueue(
            new EtcdCallback<KeysResult>() {
              @Override
              public void onResponse(EtcdCall<KeysResult> call, EtcdResponse<KeysResult> response) {
                done.done(response.status() == 200 || response.status() == 201);
              }

              @Override
              public void onFailure(EtcdCall<KeysResult> call, EtcdException failure) {
                done.done(false);
              }
            });
  }

  @Override
  public Watching watch(String key, boolean recursive, long fromIndex, WatchSink sink) {
    WatchListener listener =
        new WatchListener() {
          @Override
          public void onEvent(KeysResult event) {
            sink.event(event.node().key(), event.node().modifiedIndex());
          }

          @Override
          public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
            sink.resync(etcdIndex);
          }

          @Override
          public void onError(Throwable error) {
            sink.failure(error);
          }
        };
    Watch watch =
        recursive
            ? etcd.watch(key).recursive().fromIndex(fromIndex).start(listener)
            : etcd.watch(key).fromIndex(fromIndex).start(listener);
    return watch::stop;
  }

  @Override
  public void close() {
    etcd.close();
  }
}
