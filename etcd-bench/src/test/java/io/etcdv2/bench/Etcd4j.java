package io.etcdv2.bench;

import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import mousio.client.promises.ResponsePromise;
import mousio.etcd4j.EtcdClient;
import mousio.etcd4j.promises.EtcdResponsePromise;
import mousio.etcd4j.requests.EtcdKeyGetRequest;
import mousio.etcd4j.responses.EtcdException;
import mousio.etcd4j.responses.EtcdKeysResponse;

/**
 * etcd4j 2.18.0 (Netty, Jackson) with its defaults: a new connection per request, retries with
 * exponential back-off. It stores values as given, so {@code set(k, 7)} writes the same bytes as
 * the other clients.
 */
final class Etcd4j implements BenchClient {
  static final String ID = "etcd4j";

  /**
   * etcd4j completes a cancelled watch's promise twice, and Netty logs each time (through
   * java.util.logging, since no SLF4J binding is present): a stack trace per stopped watch.
   */
  private static final Logger NETTY = Logger.getLogger("io.netty");

  static {
    NETTY.setLevel(Level.SEVERE);
  }

  private final EtcdClient etcd;

  Etcd4j(String url) {
    this.etcd = new EtcdClient(URI.create(url));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "etcd4j 2.18.0";
  }

  @Override
  public boolean set(String key, int value) throws Exception {
    return etcd.put(key, Integer.toString(value)).send().get().node != null;
  }

  @Override
  public boolean get(String key) throws Exception {
    return etcd.get(key).send().get().node.value != null;
  }

  @Override
  public void setAsync(String key, int value, Done done) {
    try {
      etcd.put(key, Integer.toString(value))
          .send()
          .addListener(
              promise -> done.done(promise.getException() == null && promise.getNow() != null));
    } catch (Exception e) {
      done.done(false);
    }
  }

  @Override
  public Watching watch(String key, boolean recursive, long fromIndex, WatchSink sink) {
    LongPoll poll = new LongPoll(key, recursive, fromIndex, sink);
    poll.next();
    return poll;
  }

  /** A continuous watch: {@code waitForChange} re-armed from each promise's listener. */
  private final class LongPoll
      implements Watching, ResponsePromise.IsSimplePromiseResponseHandler<EtcdKeysResponse> {
    private final String key;
    private final boolean recursive;
    private final WatchSink sink;
    private volatile long waitIndex;
    private volatile boolean stopped;
    private volatile EtcdResponsePromise<EtcdKeysResponse> promise;

    LongPoll(String key, boolean recursive, long fromIndex, WatchSink sink) {
      this.key = key;
      this.recursive = recursive;
      this.waitIndex = fromIndex;
      this.sink = sink;
    }

    void next() {
      while (!stopped) {
        EtcdKeyGetRequest request = etcd.get(key).waitForChange(waitIndex);
        if (recursive) request.recursive();
        try {
          EtcdResponsePromise<EtcdKeysResponse> next = request.send();
          promise = next;
          next.addListener(this);
          return;
        } catch (Exception e) {
          sink.failure(e);
          pause();
        }
      }
    }

    @Override
    public void onResponse(ResponsePromise<EtcdKeysResponse> response) {
      if (stopped) return;
      Throwable failure = response.getException();
      if (failure == null) {
        EtcdKeysResponse event = response.getNow();
        waitIndex = event.node.modifiedIndex + 1;
        sink.event(event.node.key, event.node.modifiedIndex);
      } else if (failure instanceof EtcdException etcdFailure && etcdFailure.errorCode == 401) {
        resync();
        return;
      } else {
        sink.failure(failure);
        pause();
      }
      next();
    }

    /**
     * etcd no longer has {@code waitIndex}: read the key and go on after its index. Listeners run
     * on Netty's event loop, so the read is chained, never awaited there.
     */
    private void resync() {
      EtcdKeyGetRequest read = etcd.get(key).consistent();
      if (recursive) read.recursive();
      try {
        read.send()
            .addListener(
                state -> {
                  if (state.getException() == null) {
                    long etcdIndex = state.getNow().etcdIndex;
                    waitIndex = etcdIndex + 1;
                    sink.resync(etcdIndex);
                  } else {
                    sink.failure(state.getException());
                    pause();
                  }
                  next();
                });
      } catch (Exception e) {
        sink.failure(e);
        pause();
        next();
      }
    }

    private void pause() {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void stop() {
      stopped = true;
      EtcdResponsePromise<EtcdKeysResponse> current = promise;
      if (current != null) current.cancel();
    }
  }

  @Override
  public void close() {
    try {
      etcd.close();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
