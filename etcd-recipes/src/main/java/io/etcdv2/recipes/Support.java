package io.etcdv2.recipes;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdError;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What the recipes share: keys, answers, back-off, threads. */
final class Support {
  /** How long one long poll (a wait on a predecessor or on an own key) may stay quiet, seconds. */
  static final long POLL_SECONDS = 30;

  private static final long MIN_BACKOFF_MILLIS = 50;
  private static final long MAX_BACKOFF_MILLIS = 2_000;
  private static final Random JITTER = new Random();

  private Support() {}

  /**
   * Deletes {@code key} without waiting for, or caring about, the answer: a key of the recipe's own
   * that no longer matters. If the client is closed already, the key expires within its TTL.
   */
  static void deleteInBackground(EtcdClient etcd, String key) {
    try {
      etcd.async()
          .delete(key)
          .enqueue(
              new EtcdCallback<KeysResult>() {
                @Override
                public void onResponse(
                    EtcdCall<KeysResult> call, EtcdResponse<KeysResult> response) {}

                @Override
                public void onFailure(EtcdCall<KeysResult> call, EtcdException failure) {}
              });
    } catch (RuntimeException closedClient) {
      // the key expires within its TTL
    }
  }

  /**
   * A key the way the client normalises it: leading {@code /}, no empty or {@code .} segments, no
   * trailing {@code /}, {@code ..} popping one segment but never above the root.
   */
  static String normalize(String key) {
    if (key == null) throw new NullPointerException("key == null");
    List<String> segments = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= key.length(); i++) {
      if (i == key.length() || key.charAt(i) == '/') {
        String segment = key.substring(start, i);
        start = i + 1;
        if (segment.isEmpty() || segment.equals(".")) continue;
        if (segment.equals("..")) {
          if (!segments.isEmpty()) segments.remove(segments.size() - 1);
          continue;
        }
        segments.add(segment);
      }
    }
    if (segments.isEmpty()) return "/";
    StringBuilder out = new StringBuilder(key.length() + 1);
    for (String segment : segments) out.append('/').append(segment);
    return out.toString();
  }

  /** A recipe's own directory: normalised, not the root. */
  static String directory(String key, String what) {
    String normalized = normalize(key);
    if (normalized.equals("/")) {
      throw new IllegalArgumentException(
          what + " must be a directory below the root but \"" + key + "\" normalises to \"/\"");
    }
    return normalized;
  }

  /** One path segment, such as a service name or instance id. */
  static String segment(String value, String what) {
    if (value == null) throw new NullPointerException(what + " == null");
    if (value.isEmpty() || value.indexOf('/') >= 0 || value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(
          what + " must be one non-empty key segment without '/'" + " but was \"" + value + "\"");
    }
    return value;
  }

  static long positiveTtl(long ttlSeconds) {
    if (ttlSeconds < 1) {
      throw new IllegalArgumentException("ttlSeconds must be 1 or more but was " + ttlSeconds);
    }
    return ttlSeconds;
  }

  /** The client's key prefix, which etcd's answers carry and the client's methods add. */
  static String prefix(EtcdClient etcd) {
    String prefix = etcd.config().prefix();
    return prefix == null ? "" : prefix;
  }

  /** An etcd key from an answer as the client's methods take it: without the prefix. */
  static String strip(String etcdKey, String prefix) {
    if (etcdKey == null) return "/";
    if (prefix.isEmpty()) return etcdKey;
    if (etcdKey.equals(prefix)) return "/";
    if (etcdKey.startsWith(prefix) && etcdKey.charAt(prefix.length()) == '/') {
      return etcdKey.substring(prefix.length());
    }
    return etcdKey;
  }

  /** True when {@code key} is {@code ancestor} or below it. */
  static boolean isAtOrBelow(String key, String ancestor) {
    if (ancestor.equals("/")) return true;
    return key.equals(ancestor)
        || (key.startsWith(ancestor)
            && key.length() > ancestor.length()
            && key.charAt(ancestor.length()) == '/');
  }

  static boolean isMissing(EtcdResponse<?> response) {
    return response.status() == 404
        && response.error() != null
        && response.error().errorCode() == EtcdError.KEY_NOT_FOUND;
  }

  static boolean isCleared(EtcdResponse<?> response) {
    return response.status() == 400
        && response.error() != null
        && response.error().errorCode() == EtcdError.EVENT_INDEX_CLEARED;
  }

  /** A timeout or a 5xx (no leader, no quorum): it heals, and a write's outcome is unknown. */
  static boolean isTransient(EtcdResponse<?> response) {
    return response.isTimeout() || response.status() >= 500;
  }

  /** A delete, expire or compareAndDelete: the event removed its node (and what is below). */
  static boolean isRemoval(String action) {
    return "delete".equals(action) || "expire".equals(action) || "compareAndDelete".equals(action);
  }

  /** A node's value as text: a JSON string decoded, anything else as stored. */
  static String text(Node node) {
    Object value;
    try {
      value = node.value();
    } catch (RuntimeException notJson) {
      value = null;
    }
    return value instanceof String ? (String) value : node.rawValue();
  }

  static String describe(EtcdResponse<?> response) {
    if (response.isTimeout()) return "no answer within the timeout";
    return "etcd answered "
        + response.status()
        + (response.error() != null ? " " + response.error() : "");
  }

  /** 50 ms doubling to 2 s, each with +-50% jitter. */
  static long backoffMillis(int failures) {
    int doublings = Math.min(Math.max(failures, 1) - 1, 16);
    long base = Math.min(MAX_BACKOFF_MILLIS, MIN_BACKOFF_MILLIS << doublings);
    double random;
    synchronized (JITTER) {
      random = JITTER.nextDouble();
    }
    return base / 2 + (long) (random * base);
  }

  /**
   * A scheduler of one daemon thread named {@code name}. With {@code endWhenIdle}, the thread
   * starts when there is work and ends after two idle seconds, so an idle recipe holds none.
   */
  static ScheduledThreadPoolExecutor scheduler(final String name, boolean endWhenIdle) {
    final AtomicInteger count = new AtomicInteger();
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            new ThreadFactory() {
              @Override
              public Thread newThread(Runnable runnable) {
                int n = count.incrementAndGet();
                Thread thread = new Thread(runnable, n == 1 ? name : name + " #" + n);
                thread.setDaemon(true);
                return thread;
              }
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    if (endWhenIdle) {
      executor.setKeepAliveTime(2, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
    }
    return executor;
  }

  /** Sleeps, returning false at once when the deadline ({@code System.nanoTime()}) comes first. */
  static boolean sleep(long millis, long deadlineNanos, boolean hasDeadline)
      throws InterruptedException {
    long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
    if (hasDeadline) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) return false;
      if (left < nanos) {
        TimeUnit.NANOSECONDS.sleep(left);
        return false;
      }
    }
    TimeUnit.NANOSECONDS.sleep(nanos);
    return true;
  }
}
