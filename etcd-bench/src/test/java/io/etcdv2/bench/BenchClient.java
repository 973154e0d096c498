package io.etcdv2.bench;

/**
 * One client under test, reduced to what the workloads do: set and get a key, set asynchronously,
 * and keep a watch open. Every implementation does what its user would do with the answer (parse
 * it, read the value), so each figure is the cost of a useful operation.
 */
interface BenchClient extends AutoCloseable {
  /** Such as {@code okhttp-moshi}: what {@code -Dbench.clients} names. */
  String id();

  /** The column header, such as {@code OkHttp + Moshi}. */
  String title();

  /** Sets {@code key} to {@code value}; true when etcd answered 200 or 201. */
  boolean set(String key, int value) throws Exception;

  /** Gets {@code key} and reads its value; true when etcd answered 200 with one. */
  boolean get(String key) throws Exception;

  /** Sets without blocking; {@code done} runs once with the outcome, on any thread. */
  void setAsync(String key, int value, Done done);

  /**
   * Keeps a continuous watch on {@code key} from {@code fromIndex} on: after each event the next
   * poll asks for its {@code modifiedIndex + 1}; when etcd has cleared that index (400, errorCode
   * 401) it reads the key again and continues after its {@code X-Etcd-Index}.
   */
  Watching watch(String key, boolean recursive, long fromIndex, WatchSink sink);

  @Override
  void close();

  /** The outcome of an asynchronous call. */
  interface Done {
    void done(boolean ok);
  }

  /** What a watch saw, on whatever thread the client calls back on. */
  interface WatchSink {
    void event(String key, long modifiedIndex);

    void resync(long etcdIndex);

    /** A poll that failed; the watch goes on. */
    void failure(Throwable error);
  }

  /** A running watch. */
  interface Watching {
    void stop();
  }
}
