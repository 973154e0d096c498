package io.etcdv2.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * The HTTP side of {@link FakeEtcd}: etcd 3.4's client routes, with Go's net/http rules in front of
 * them (path cleaning redirects, form parsing, 404 and 405 answers).
 */
final class FakeDispatcher extends Dispatcher {
  static final String MEMBER_ID = "8e9e05c52164694d";
  static final String CLUSTER_ID = "cdf818194e3a8c32";
  private static final long MAX_FORM_BYTES = 10L << 20;
  private static final String KEYS = "/v2/keys";

  private final FakeEtcd etcd;
  private final FakeStore store;

  FakeDispatcher(FakeEtcd etcd, FakeStore store) {
    this.etcd = etcd;
    this.store = store;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    FakeEtcd.Failure failure = etcd.takeFailure();
    if (failure != null) return failureResponse(failure);
    MockResponse response = route(request);
    // A HEAD answer has no body; one written anyway would be read as the next answer.
    if ("HEAD".equals(request.getMethod())) response.setBody("");
    return response
        .addHeader("Access-Control-Allow-Headers", "accept, content-type, authorization")
        .addHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS, PUT, DELETE")
        .addHeader("Access-Control-Allow-Origin", "*");
  }

  private MockResponse route(RecordedRequest request) throws InterruptedException {
    String method = request.getMethod();
    if ("OPTIONS".equals(method)) return new MockResponse(); // etcd's CORS preflight answer
    String target = request.getPath() == null ? "/" : request.getPath();
    int question = target.indexOf('?');
    String rawPath = question < 0 ? target : target.substring(0, question);
    String rawQuery = question < 0 ? "" : target.substring(question + 1);
    String path;
    try {
      path = GoHttp.unescapePath(rawPath);
    } catch (GoHttp.SyntaxError e) {
      return text(400, "400 Bad Request").setHeader("Connection", "close");
    }
    String clean = GoHttp.cleanPath(path);
    if (!clean.equals(path) && !"CONNECT".equals(method)) return redirect(method, clean, rawQuery);

    if (path.equals(KEYS) || path.startsWith(KEYS + "/")) {
      return keys(request, method, path.substring(KEYS.length()), rawQuery);
    }
    switch (path) {
      case "/version":
        if (!allow(method, "GET")) return notAllowed("GET");
        return json(200, "{\"etcdserver\":\"3.4.23\",\"etcdcluster\":\"3.4.0\"}");
      case "/health":
        if (!allow(method, "GET")) return notAllowed("GET");
        return etcd.isPartitioned() // http.Error's newline and header when unhealthy
            ? text(503, "{\"health\":\"false\"}\n").setHeader("X-Content-Type-Options", "nosniff")
            : text(200, "{\"health\":\"true\"}");
      case "/v2/machines":
        if (!allow(method, "GET", "HEAD")) return notAllowed("GET,HEAD");
        return text(200, clientUrl(request));
      case "/v2/stats/store":
        if (!allow(method, "GET")) return notAllowed("GET");
        return json(200, store.statsJson());
      case "/v2/stats/self":
        if (!allow(method, "GET")) return notAllowed("GET");
        return json(200, etcd.selfStatsJson());
      case "/v2/stats/leader":
        if (!allow(method, "GET")) return notAllowed("GET");
        return json(200, "{\"leader\":\"" + MEMBER_ID + "\",\"followers\":{}}");
      case "/v2/members":
      case "/v2/members/":
        if (!allow(method, "GET", "POST", "PUT", "DELETE")) {
          return notAllowed("GET,POST,PUT,DELETE");
        }
        if (!method.equals("GET")) return unsupported(method + " " + path, "it has one member");
        return json(200, "{\"members\":[" + member(request) + "]}\n")
            .setHeader("X-Etcd-Cluster-Id", CLUSTER_ID);
      case "/v2/members/leader":
        if (!method.equals("GET")) return unsupported(method + " " + path, "it has one member");
        if (etcd.isPartitioned()) return json(503, "{\"message\":\"During election\"}");
        return json(200, member(request) + "\n").setHeader("X-Etcd-Cluster-Id", CLUSTER_ID);
      case "/v2/auth/enable":
        if (method.equals("GET")) {
          return json(200, "{\"enabled\":" + etcd.authEnabled() + "}\n")
              .setHeader("X-Etcd-Cluster-Id", CLUSTER_ID);
        }
        return unsupported(
            method + " " + path, "turn basic auth on with FakeEtcd.builder().user(name, password)");
      default:
        break;
    }
    if (path.startsWith("/v2/members/")) {
      return unsupported(method + " " + path, "it has one member");
    }
    if (path.startsWith("/v2/auth/")) {
      return unsupported(
          method + " " + path,
          "there are no roles or user management;"
              + " turn basic auth on with FakeEtcd.builder().user(name, password)");
    }
    if (path.startsWith("/v3/")
        || path.equals("/metrics")
        || path.startsWith("/debug/")
        || path.startsWith("/config/")) {
      return unsupported(method + " " + path, "it serves the v2 API only");
    }
    return text(404, "404 page not found\n").setHeader("X-Content-Type-Options", "nosniff");
  }

  // ---- keys ------------------------------------------------------------------------------------

  private MockResponse keys(RecordedRequest request, String method, String rest, String rawQuery)
      throws InterruptedException {
    if (!allow(method, "HEAD", "GET", "PUT", "POST", "DELETE")) {
      return notAllowed("HEAD,GET,PUT,POST,DELETE");
    }
    store.expire(etcd.clock().nanos());
    try {
      Map<String, List<String>> form = parseForm(request, method, rawQuery);
      KeyRequest r = KeyRequest.parse(method, GoHttp.clean("/" + rest), form, etcd.clock().nanos());
      if (!etcd.authorized(request.getHeader("Authorization"))) {
        throw KeyError.request(KeyError.UNAUTHORIZED, "Insufficient credentials");
      }
      boolean quorumRead = method.equals("GET") && r.quorum;
      boolean change = !method.equals("GET") && !method.equals("HEAD");
      if (etcd.isPartitioned() && (quorumRead || change)) {
        throw KeyError.request(KeyError.RAFT_INTERNAL, "etcdserver: request timed out");
      }
      if (method.equals("GET") && r.wait && !r.quorum) {
        if (r.stream) {
          return unsupported("stream=true", "watch with wait=true long polls instead");
        }
        return watch(store.watch(r.path, r.recursive, r.waitIndex));
      }
      StoreEvent e = apply(r);
      if (e.expireTimeSet()) etcd.wakeExpirer(); // a TTL that may end before the next wake-up
      return keyHeaders(json(e.isCreated() ? 201 : 200, e.json(r.noValueOnSuccess)), e.etcdIndex);
    } catch (KeyError e) {
      return json(e.status(), e.json())
          .setHeader("X-Etcd-Cluster-Id", CLUSTER_ID)
          .setHeader("X-Etcd-Index", Long.toUnsignedString(e.index));
    }
  }

  /** etcd's RequestV2.Handle and applierV2store: which store operation a request is. */
  private StoreEvent apply(KeyRequest r) throws KeyError {
    switch (r.method) {
      case "POST":
        return store.create(r.path, r.dir, r.value, true, r.expireTime);
      case "PUT":
        if (r.prevExist != null) {
          if (!r.prevExist) return store.create(r.path, r.dir, r.value, false, r.expireTime);
          if (r.prevIndex == 0 && r.prevValue.isEmpty()) {
            return store.update(r.path, r.value, r.expireTime, r.refresh);
          }
          return store.compareAndSwap(
              r.path, r.prevValue, r.prevIndex, r.value, r.expireTime, r.refresh);
        }
        if (r.prevIndex != 0 || !r.prevValue.isEmpty()) {
          return store.compareAndSwap(
              r.path, r.prevValue, r.prevIndex, r.value, r.expireTime, r.refresh);
        }
        return store.set(r.path, r.dir, r.value, r.expireTime, r.refresh);
      case "DELETE":
        if (r.prevIndex != 0 || !r.prevValue.isEmpty()) {
          return store.compareAndDelete(r.path, r.prevValue, r.prevIndex);
        }
        return store.delete(r.path, r.dir, r.recursive);
      default: // GET, quorum GET (which ignores wait), HEAD
        return store.get(r.path, r.recursive, r.sorted);
    }
  }

  /** Blocks this connection until the watch has its event: the long poll. */
  private MockResponse watch(Watcher watcher) throws InterruptedException {
    StoreEvent e;
    try {
      e = watcher.await();
    } finally {
      store.cancel(watcher);
    }
    MockResponse response = keyHeaders(json(200, ""), watcher.startIndex);
    if (e == null) {
      // The member went away mid-watch: headers, then a body that never ends properly.
      return response
          .setChunkedBody("{\"action\":", 1024)
          .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
    }
    return response.setChunkedBody(e.json(false), 2048);
  }

  private MockResponse keyHeaders(MockResponse response, long etcdIndex) {
    return response
        .setHeader("X-Etcd-Cluster-Id", CLUSTER_ID)
        .setHeader("X-Etcd-Index", Long.toUnsignedString(etcdIndex))
        .setHeader("X-Raft-Index", Long.toUnsignedString(store.index() + 1))
        .setHeader("X-Raft-Term", "2");
  }

  /** Go's Request.ParseForm: the form body (PUT and POST only) before the query. */
  private static Map<String, List<String>> parseForm(
      RecordedRequest request, String method, String rawQuery) throws KeyError {
    Map<String, List<String>> form = GoHttp.newForm();
    KeyError failure = null;
    if (method.equals("PUT") || method.equals("POST")) {
      String contentType = request.getHeader("Content-Type");
      String mediaType = contentType == null ? "application/octet-stream" : contentType;
      int semicolon = mediaType.indexOf(';');
      if (semicolon >= 0) mediaType = mediaType.substring(0, semicolon);
      mediaType = mediaType.trim().toLowerCase(java.util.Locale.ROOT);
      if (mediaType.isEmpty()) {
        failure = KeyError.request(KeyError.INVALID_FORM, "mime: no media type");
      } else if (mediaType.equals("application/x-www-form-urlencoded")) {
        if (request.getBodySize() > MAX_FORM_BYTES) {
          throw KeyError.request(KeyError.INVALID_FORM, "http: POST too large");
        }
        try {
          GoHttp.parseQuery(request.getBody().clone().readUtf8(), form);
        } catch (GoHttp.SyntaxError e) {
          failure = KeyError.request(KeyError.INVALID_FORM, e.getMessage());
        }
      }
    }
    try {
      GoHttp.parseQuery(rawQuery, form);
    } catch (GoHttp.SyntaxError e) {
      if (failure == null) failure = KeyError.request(KeyError.INVALID_FORM, e.getMessage());
    }
    if (failure != null) throw failure;
    return form;
  }

  // ---- answers ---------------------------------------------------------------------------------

  private static MockResponse failureResponse(FakeEtcd.Failure failure) {
    switch (failure) {
      case RESET:
        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
      case TIMEOUT:
        return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
      case HTTP_500:
      default:
        KeyError error = KeyError.request(KeyError.RAFT_INTERNAL, "etcdserver: request timed out");
        return json(500, error.json())
            .setHeader("X-Etcd-Cluster-Id", CLUSTER_ID)
            .setHeader("X-Etcd-Index", "0");
    }
  }

  /** ServeMux's answer to an unclean path: 301 to the clean one, nothing done. */
  private static MockResponse redirect(String method, String clean, String rawQuery) {
    String location = GoHttp.escapePath(clean) + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    MockResponse response = new MockResponse().setResponseCode(301).setHeader("Location", location);
    if (method.equals("GET") || method.equals("HEAD")) {
      response.setHeader("Content-Type", "text/html; charset=utf-8");
    }
    if (method.equals("GET")) {
      response.setBody(
          "<a href=\"" + GoHttp.htmlEscape(location) + "\">Moved Permanently</a>.\n\n");
    }
    return response;
  }

  private static MockResponse unsupported(String what, String why) {
    return json(
        501,
        "{\"message\":"
            + GoJson.string(
                "FakeEtcd does not implement "
                    + what
                    + ": "
                    + why
                    + ". Test this against a real etcd (EtcdExtension).")
            + "}");
  }

  private static MockResponse notAllowed(String allowed) {
    return text(405, "Method Not Allowed\n")
        .setHeader("Allow", allowed)
        .setHeader("X-Content-Type-Options", "nosniff");
  }

  private static boolean allow(String method, String... allowed) {
    for (String m : allowed) {
      if (m.equals(method)) return true;
    }
    return false;
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static MockResponse text(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "text/plain; charset=utf-8")
        .setBody(body);
  }

  private String member(RecordedRequest request) {
    return "{\"id\":\""
        + MEMBER_ID
        + "\",\"name\":"
        + GoJson.string(etcd.name())
        + ",\"peerURLs\":[\"http://localhost:2380\"],\"clientURLs\":["
        + GoJson.string(clientUrl(request))
        + "]}";
  }

  /** The URL the client used (its Host header): the fake's, also behind a user's MockWebServer. */
  private static String clientUrl(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    String scheme = url == null ? "http" : url.scheme();
    String host = request.getHeader("Host");
    if (host == null) host = url == null ? "127.0.0.1:2379" : url.host() + ":" + url.port();
    return scheme + "://" + host;
  }

  /** Decodes a Basic header into {@code {user, password}}, or null. */
  static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return null;
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
