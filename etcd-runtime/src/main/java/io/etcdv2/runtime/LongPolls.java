package io.etcdv2.runtime;

import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Sends long polls ({@code wait=true}) on a connection pool of their own, everything else on the
 * client's. OkHttp looks through every connection of a pool for each call and again after each (its
 * cleanup), so 1,000 open watches in the pool of the gets beside them made each get pass 1,000 busy
 * connections twice: with 8 threads of gets beside 1,000 watches, 6,000-9,000 gets/s in one pool
 * against 15,000-16,000 in two. Both clients share everything else: dispatcher, interceptors,
 * timeouts, TLS.
 */
final class LongPolls implements Call.Factory {
  private final OkHttpClient calls;
  private final OkHttpClient polls;

  LongPolls(OkHttpClient calls) {
    this.calls = calls;
    this.polls =
        calls
            .newBuilder()
            .connectionPool(
                new ConnectionPool(ClientBuilder.MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
            .build();
  }

  @Override
  public Call newCall(Request request) {
    return isLongPoll(request) ? polls.newCall(request) : calls.newCall(request);
  }

  static boolean isLongPoll(Request request) {
    return "true".equals(request.url().queryParameter("wait"));
  }

  /** Closes the long polls' idle connections: the pool is this client's even on a shared OkHttp. */
  void close() {
    polls.connectionPool().evictAll();
  }
}
