package io.etcdv2.recipes;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Node;
import java.io.Closeable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * An instance registered through {@link ServiceRegistry#register}: heartbeats (TTL refreshes) until
 * {@link #close()}, which deletes its key. If the key expired meanwhile (etcd unreachable for
 * longer than the TTL), it is written again as soon as etcd answers.
 */
public final class ServiceRegistration implements Closeable {
  private static final Logger LOG = Logger.getLogger(ServiceRegistration.class.getName());

  private final ServiceRegistry registry;
  private final EtcdClient etcd;
  private final ScheduledExecutorService executor;
  private final String service;
  private final String instanceId;
  private final String key;
  private final long ttlSeconds;
  private volatile Object value;
  private KeepAlive keepAlive;

  /** The createdIndex of our write: a key under our name with another is someone else's. */
  private long createdIndex;

  private boolean closed;
  private int failures;
  private long registrations;

  ServiceRegistration(
      ServiceRegistry registry,
      EtcdClient etcd,
      ScheduledExecutorService executor,
      String service,
      String instanceId,
      String key,
      Object value,
      long ttlSeconds) {
    this.registry = registry;
    this.etcd = etcd;
    this.executor = executor;
    this.service = service;
    this.instanceId = instanceId;
    this.key = key;
    this.value = value;
    this.ttlSeconds = ttlSeconds;
  }

  synchronized void start(long sentNanos, Node written) {
    if (closed) return;
    registrations++;
    createdIndex = written.createdIndex();
    long modifiedIndex = written.modifiedIndex();
    keepAlive =
        new KeepAlive(
                etcd,
                executor,
                key,
                ttlSeconds,
                sentNanos,
                modifiedIndex,
                new KeepAlive.Listener() {
                  @Override
                  public void gone() {
                    LOG.info(
                        "registration "
                            + key
                            + " expired or was deleted while open; writing it again");
                    rewrite();
                  }

                  @Override
                  public void expired() {
                    LOG.warning(
                        "registration "
                            + key
                            + ": no heartbeat confirmed for nine tenths of the "
                            + ttlSeconds
                            + " s TTL; it may expire, and is then written again");
                  }
                })
            .start();
  }

  public String service() {
    return service;
  }

  public String instanceId() {
    return instanceId;
  }

  /** The instance's key, such as {@code /services/web/a}. */
  public String key() {
    return key;
  }

  public long ttlSeconds() {
    return ttlSeconds;
  }

  /**
   * How many times the key was written: 1, plus one for each time it had expired and was written
   * again.
   */
  public synchronized long registrations() {
    return registrations;
  }

  /**
   * Replaces the registered value (discoverers see an update).
   *
   * @throws io.etcdv2.api.EtcdException when etcd cannot be reached
   * @throws IllegalStateException when etcd refuses it, or the registration is closed
   */
  public void update(Object value) {
    if (value == null) throw new NullPointerException("value == null");
    synchronized (this) {
      if (closed) throw new IllegalStateException("registration " + key + " is closed");
    }
    this.value = value;
    EtcdResponse<KeysResult> written = etcd.set(key, value, ttlSeconds);
    if (!written.isSuccessful()) {
      throw new IllegalStateException("updating " + key + " failed: " + Support.describe(written));
    }
    synchronized (this) {
      createdIndex = written.body().node().createdIndex(); // a set writes the key anew
    }
  }

  /**
   * Stops the heartbeat and deletes the key, retrying through a member restart for up to the TTL
   * (after which it has expired anyway). A key under the same name that another registration wrote
   * since (an instance restarted with the same id) is left alone. Calling it again is fine.
   */
  @Override
  public void close() {
    KeepAlive stopping;
    long ours;
    synchronized (this) {
      if (closed) return;
      closed = true;
      stopping = keepAlive;
      keepAlive = null;
      ours = createdIndex;
    }
    long modifiedIndex = stopping == null ? 0 : stopping.modifiedIndex();
    if (stopping != null) stopping.stop();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ttlSeconds);
    int tries = 0;
    while (true) {
      try {
        if (deleteIfOurs(ours, modifiedIndex)) break;
        modifiedIndex = 0; // read it again
      } catch (EtcdException unreachable) {
        // retry below
      }
      long millis = Support.backoffMillis(++tries);
      if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis) - deadline > 0) break;
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    registry.forget(this);
  }

  /**
   * Deletes the key if it is still the one we wrote, compared on its modifiedIndex; true when done
   * (deleted, gone, or someone else's), false to try again.
   */
  private boolean deleteIfOurs(long ours, long modifiedIndex) {
    if (modifiedIndex <= 0) {
      EtcdResponse<KeysResult> read = etcd.read(key, false, false, true);
      if (Support.isMissing(read)) return true;
      if (!read.isSuccessful()) return !Support.isTransient(read);
      if (read.body().node().createdIndex() != ours) return true; // someone else's now
      modifiedIndex = read.body().node().modifiedIndex();
    }
    EtcdResponse<KeysResult> deleted = etcd.compareAndDeleteIndex(key, modifiedIndex);
    if (deleted.isSuccessful() || Support.isMissing(deleted)) return true;
    if (deleted.status() == 412) return false; // refreshed or rewritten meanwhile: read again
    return !Support.isTransient(deleted);
  }

  /** The key expired or was deleted while open: write it again. */
  private void rewrite() {
    synchronized (this) {
      if (closed) return;
    }
    final long sent = System.nanoTime();
    try {
      etcd.async()
          .set(key, value, ttlSeconds)
          .enqueue(
              new EtcdCallback<KeysResult>() {
                @Override
                public void onResponse(
                    EtcdCall<KeysResult> call, EtcdResponse<KeysResult> response) {
                  if (response.isSuccessful()) {
                    boolean late;
                    synchronized (ServiceRegistration.this) {
                      failures = 0;
                      late = closed;
                    }
                    if (late) { // closed meanwhile: take the key away again
                      Support.deleteInBackground(etcd, key);
                      return;
                    }
                    start(sent, response.body().node());
                  } else {
                    retryLater();
                  }
                }

                @Override
                public void onFailure(EtcdCall<KeysResult> call, EtcdException failure) {
                  retryLater();
                }
              });
    } catch (RuntimeException closedClient) {
      retryLater();
    }
  }

  private void retryLater() {
    long millis;
    synchronized (this) {
      if (closed) return;
      millis = Support.backoffMillis(++failures);
    }
    try {
      ScheduledFuture<?> unused =
          executor.schedule(
              new Runnable() {
                @Override
                public void run() {
                  rewrite();
                }
              },
              millis,
              TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // the registry has closed
    }
  }

  @Override
  public String toString() {
    return "ServiceRegistration{" + key + (closed ? ", closed" : "") + '}';
  }
}
