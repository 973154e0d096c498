package io.etcdv2.runtime;

import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sends a GET once more when its connection failed, as a pooled connection that the server
 * closed does. Writes are never repeated: etcd may have applied them already.
 */
final class RetryReadsOnce implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      return chain.proceed(chain.request());
    } catch (IOException e) {
      if (!chain.request().method().equals("GET") || e instanceof InterruptedIOException
          || chain.call().isCanceled()) {
        throw e;
      }
      return chain.proceed(chain.request());
    }
  }
}
