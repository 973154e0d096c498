package io.etcdv2.recipes;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tells its listener, on the scheduler's thread, when a key is removed (deleted, expired, or a
 * directory above it removed), by long polls with {@code waitIndex} that hold no thread while they
 * wait. When etcd has cleared the index it needs (401), it reads the key once and goes on from that
 * read's index: it never asks for the cleared index again.
 */
final class KeyWatch {
  interface Listener {
    /** The key is gone; {@code index} is the removal's index, or the read's that found it gone. */
    void gone(long index);
  }

  private final EtcdClient etcd;
  private final ScheduledExecutorService executor;
  private final String key;
  private final Listener listener;

  private boolean stopped;
  private long nextIndex;
  private int failures;
  private EtcdCall<KeysResult> current;

  KeyWatch(
      EtcdClient etcd,
      ScheduledExecutorService executor,
      String key,
      long fromIndex,
      Listener listener) {
    this.etcd = etcd;
    this.executor = executor;
    this.key = key;
    this.nextIndex = fromIndex;
    this.listener = listener;
  }

  KeyWatch start() {
    poll();
    return this;
  }

  void stop() {
    EtcdCall<KeysResult> call;
    synchronized (this) {
      stopped = true;
      call = current;
      current = null;
    }
    if (call != null) call.cancel();
  }

  private void poll() {
    send(false);
  }

  /** A wait from {@code nextIndex}, or after a cleared index a plain read of the key. */
  private void send(final boolean read) {
    EtcdCall<KeysResult> call;
    synchronized (this) {
      if (stopped) return;
      call =
          read
              ? etcd.async().read(key, false, false, true)
              : etcd.async().wait(key, nextIndex, Support.POLL_SECONDS);
      current = call;
    }
    try {
      call.enqueue(
          new EtcdCallback<KeysResult>() {
            @Override
            public void onResponse(
                EtcdCall<KeysResult> c, final EtcdResponse<KeysResult> response) {
              post(
                  new Runnable() {
                    @Override
                    public void run() {
                      answered(read, response);
                    }
                  });
            }

            @Override
            public void onFailure(EtcdCall<KeysResult> c, EtcdException failure) {
              post(
                  new Runnable() {
                    @Override
                    public void run() {
                      answered(read, null);
                    }
                  });
            }
          });
    } catch (RuntimeException closedClient) {
      answered(read, null);
    }
  }

  private void post(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException shutDown) {
      // the recipe has closed
    }
  }

  private void answered(boolean read, EtcdResponse<KeysResult> response) {
    long goneAt;
    synchronized (this) {
      current = null;
      if (stopped) return;
      if (response == null || (Support.isTransient(response) && !response.isTimeout())) {
        retryLater(read); // refused, reset, no leader: it heals
        return;
      }
      failures = 0;
      if (read) {
        if (Support.isMissing(response)) {
          goneAt = response.etcdIndex();
        } else if (response.isSuccessful()) {
          nextIndex = response.etcdIndex() + 1;
          send(false);
          return;
        } else {
          retryLater(true);
          return;
        }
      } else if (response.isTimeout()) {
        send(false); // a quiet poll
        return;
      } else if (Support.isCleared(response)) {
        send(true);
        return;
      } else if (response.isSuccessful()
          && response.body() != null
          && response.body().node() != null) {
        KeysResult event = response.body();
        if (!Support.isRemoval(event.action())) {
          nextIndex = event.node().modifiedIndex() + 1; // someone wrote the key; it still exists
          send(false);
          return;
        }
        goneAt = event.node().modifiedIndex();
      } else if (response.isSuccessful()) {
        send(false); // an empty answer: the server ended the poll
        return;
      } else {
        retryLater(read);
        return;
      }
      stopped = true;
    }
    listener.gone(goneAt);
  }

  private void retryLater(final boolean read) {
    try {
      ScheduledFuture<?> unused =
          executor.schedule(
              new Runnable() {
                @Override
                public void run() {
                  send(read);
                }
              },
              Support.backoffMillis(++failures),
              TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      stopped = true;
    }
  }
}
