package io.etcdv2.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One server of a differential test, real etcd or the fake: sends raw requests and writes each
 * answer in a canonical form where indexes are deltas from a base, expiry times are only present,
 * and unsorted listings are sorted, so that the two servers' forms are equal exactly when they
 * answered alike.
 */
final class Side {
  private static final Pattern IN_ORDER_KEY = Pattern.compile("/(\\d{20})");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final Pattern RELATIVE_INDEX = Pattern.compile("\\{\\+(\\d+)}");
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  final String name;
  final String url;
  private final OkHttpClient http;
  long base;

  /** Sent with {@link #currentIndex()} when auth is on. */
  String authorization;

  Side(String name, String url) {
    this.name = name;
    this.url = url;
    this.http =
        new OkHttpClient.Builder()
            .followRedirects(false)
            .retryOnConnectionFailure(false)
            .callTimeout(Duration.ofSeconds(20))
            .build();
  }

  /** The current etcd index, read from a GET of the root. */
  long currentIndex() {
    Request.Builder root = new Request.Builder().url(url + "/v2/keys/");
    if (authorization != null) root.header("Authorization", authorization);
    try (Response response = http.newCall(root.build()).execute()) {
      return Long.parseLong(response.header("X-Etcd-Index"));
    } catch (IOException e) {
      throw new AssertionError(name + ": " + e, e);
    }
  }

  private static final Pattern WATCHERS = Pattern.compile("\"watchers\":(\\d+)");

  /** The number of watches waiting, from {@code /v2/stats/store}. */
  long watchers() {
    try (Response response =
        http.newCall(new Request.Builder().url(url + "/v2/stats/store").build()).execute()) {
      String body = response.body().string();
      Matcher m = WATCHERS.matcher(body);
      if (!m.find()) throw new AssertionError(name + ": no watchers in " + body);
      return Long.parseLong(m.group(1));
    } catch (IOException e) {
      throw new AssertionError(name + ": " + e, e);
    }
  }

  /** Sends {@code op} and returns its canonical answer; {@code TIMEOUT} if none came in time. */
  String send(Op op, Duration timeout) {
    Request.Builder request = new Request.Builder().url(url + indexes(op.target));
    RequestBody body = null;
    if (op.body != null) {
      String text = indexes(op.body);
      body =
          op.contentType == null
              ? RequestBody.create(text.getBytes(StandardCharsets.UTF_8), null)
              : RequestBody.create(text, MediaType.get(op.contentType));
    } else if (op.method.equals("PUT") || op.method.equals("POST") || op.method.equals("PATCH")) {
      body = RequestBody.create("", FORM);
    }
    request.method(op.method, body);
    if (op.authorization != null) request.header("Authorization", op.authorization);
    OkHttpClient client = timeout == null ? http : http.newBuilder().callTimeout(timeout).build();
    try (Response response = client.newCall(request.build()).execute()) {
      String text = op.method.equals("HEAD") ? "" : response.body().string();
      // etcd sends a watch's headers at once: cut short, it is a 200 without a body.
      if (op.waits && response.code() == 200 && text.isEmpty()) return "TIMEOUT";
      return canonical(op, response.code(), response.headers().toMultimap(), text);
    } catch (InterruptedIOException e) {
      return "TIMEOUT";
    } catch (IOException e) {
      return "IOException " + e.getMessage();
    }
  }

  CompletableFuture<String> sendAsync(Op op, Duration timeout) {
    return CompletableFuture.supplyAsync(() -> send(op, timeout));
  }

  String canonical(Op op, int status, Map<String, List<String>> headers, String body) {
    StringBuilder out = new StringBuilder().append(status);
    for (String header :
        new String[] {
          "content-type",
          "x-etcd-index",
          "x-etcd-cluster-id",
          "x-raft-index",
          "x-raft-term",
          "location",
          "allow"
        }) {
      List<String> values = headers.get(header);
      if (values == null) continue;
      out.append(' ').append(header).append('=');
      switch (header) {
        case "x-etcd-index":
          long index = Long.parseLong(values.get(0));
          out.append(index == 0 ? "0" : delta(index));
          break;
        case "x-etcd-cluster-id":
        case "x-raft-index":
        case "x-raft-term":
          out.append("present");
          break;
        case "location":
          out.append(keys(values.get(0)));
          break;
        default:
          out.append(values.get(0));
      }
    }
    out.append('\n');
    String trimmed = body.trim();
    if (trimmed.startsWith("{")) {
      Object json;
      try {
        json = JSON.fromJson(trimmed);
      } catch (IOException | RuntimeException e) {
        return out.append("unparsable ").append(body).toString();
      }
      Object normal = normalise(json, op.sorted, null);
      // Counters differ by what each server did before: compare the fields only.
      if (op.target.startsWith("/v2/stats/store")) normal = ((Map<?, ?>) normal).keySet();
      out.append(normal);
      out.append(body.endsWith("\n") ? " \\n" : "");
    } else if (op.target.equals("/v2/machines")) {
      out.append(body.startsWith("http://") ? "a URL" : body);
    } else {
      out.append(keys(body));
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private Object normalise(Object json, boolean sorted, String field) {
    if (json instanceof Map) {
      Map<String, Object> in = (Map<String, Object>) json;
      Map<String, Object> out = new LinkedHashMap<>();
      Object code = in.get("errorCode");
      for (Map.Entry<String, Object> entry : in.entrySet()) {
        String key = entry.getKey();
        Object value = entry.getValue();
        switch (key) {
          case "modifiedIndex":
          case "createdIndex":
            out.put(key, delta(((Double) value).longValue()));
            break;
          case "index":
            long index = ((Double) value).longValue();
            out.put(key, index == 0 ? "0" : delta(index));
            break;
          case "expiration":
          case "startTime":
          case "uptime":
            out.put(key, "present");
            break;
          case "ttl":
            out.put(key, "present");
            break;
          case "key":
          case "message":
            out.put(key, keys((String) value));
            break;
          case "cause":
            String cause = keys((String) value);
            if (code != null
                && (((Double) code).intValue() == 101 || ((Double) code).intValue() == 401)) {
              cause = numbersAsDeltas(cause);
            }
            out.put(key, cause);
            break;
          case "clientURLs":
          case "peerURLs":
          case "id":
          case "leader":
          case "name":
            out.put(key, "present");
            break;
          default:
            out.put(key, normalise(value, sorted, key));
        }
      }
      return out;
    }
    if (json instanceof List) {
      List<Object> list = new ArrayList<>();
      for (Object item : (List<Object>) json) list.add(normalise(item, sorted, field));
      if ("nodes".equals(field) && !sorted) {
        list.sort(
            (a, b) ->
                String.valueOf(((Map<?, ?>) a).get("key"))
                    .compareTo(String.valueOf(((Map<?, ?>) b).get("key"))));
      }
      return list;
    }
    return json;
  }

  /** {@code {+k}} in a generated request stands for this server's base index plus k. */
  String indexes(String text) {
    Matcher m = RELATIVE_INDEX.matcher(text);
    if (!m.find()) return text;
    StringBuffer out = new StringBuffer();
    do {
      m.appendReplacement(out, Long.toString(base + Long.parseLong(m.group(1))));
    } while (m.find());
    return m.appendTail(out).toString();
  }

  String delta(long index) {
    long d = index - base;
    return d >= 0 ? "+" + d : Long.toString(d);
  }

  /** In-order keys carry absolute indexes: written as deltas. */
  String keys(String text) {
    Matcher m = IN_ORDER_KEY.matcher(text);
    StringBuffer out = new StringBuffer();
    while (m.find()) {
      m.appendReplacement(out, "/<" + delta(Long.parseLong(m.group(1))) + ">");
    }
    return m.appendTail(out).toString();
  }

  private String numbersAsDeltas(String cause) {
    Matcher m = NUMBER.matcher(cause);
    StringBuffer out = new StringBuffer();
    while (m.find()) {
      long n = Long.parseLong(m.group());
      m.appendReplacement(out, n >= base && base > 0 ? "<" + delta(n) + ">" : m.group());
    }
    return m.appendTail(out).toString();
  }

  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
