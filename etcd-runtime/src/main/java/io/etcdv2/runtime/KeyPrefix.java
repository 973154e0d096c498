package io.etcdv2.runtime;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the client's key prefix right after {@code v2/keys} in every request under it: the
 * conveniences', the request builders', raw {@code api()} calls and a user's own endpoints declared
 * under a sub-path such as {@code v2/keys/flags{key}}, which then all meet in one namespace ({@code
 * /v2/keys/tenant/flags/...}).
 */
final class KeyPrefix implements Interceptor {
  private final HttpUrl base;
  private final String keysPath;
  private final String encodedPrefix;

  /**
   * @param base the URL Retrofit builds requests against
   * @param prefix the normalised prefix, such as {@code /app}
   */
  KeyPrefix(HttpUrl base, String prefix) {
    this.base = base;
    this.keysPath = base.encodedPath() + "v2/keys";
    this.encodedPrefix = Keys.encodePath(prefix);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    String path = url.encodedPath();
    if (!path.startsWith(keysPath)
        || !url.host().equals(base.host())
        || url.port() != base.port()) {
      return chain.proceed(request);
    }
    String rest = path.substring(keysPath.length());
    if (!rest.isEmpty() && rest.charAt(0) != '/') return chain.proceed(request); // v2/keysx
    String prefixed = keysPath + encodedPrefix + (rest.equals("/") ? "" : rest);
    return chain.proceed(
        request.newBuilder().url(url.newBuilder().encodedPath(prefixed).build()).build());
  }
}
