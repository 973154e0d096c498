package io.etcdv2.runtime;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds the client's HTTP Basic credentials to each request that has none of its own. */
final class BasicAuth implements Interceptor {
  private final String authorization;

  BasicAuth(String authorization) {
    this.authorization = authorization;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header("Authorization") != null) return chain.proceed(request);
    return chain.proceed(request.newBuilder().header("Authorization", authorization).build());
  }

  @Override
  public String toString() {
    return "BasicAuth{***}";
  }
}
