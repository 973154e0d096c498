package io.etcdv2.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * etcd through OkHttp by hand, as a careful user writes it: one shared {@link OkHttpClient} with a
 * dispatcher that admits thousands of calls (OkHttp's 5 per host would queue everything behind five
 * long polls), redirects off (etcd's 301 would turn a PUT into a GET), a form body for PUT, the URL
 * as a string, OkHttp's default timeouts. Long polls go through a derived client without a read
 * timeout, sharing pool and dispatcher.
 *
 * <p>{@link Parse#TEXT} reads each body as a string and looks no further; {@link Parse#MOSHI}
 * parses it to a {@code Map} and reads the value, the same JSON work as a typed client.
 */
final class HandWritten implements BenchClient {
  enum Parse {
    TEXT,
    MOSHI
  }

  private static final JsonAdapter<Map<String, Object>> MAP =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final Parse parse;
  private final String keysUrl;
  private final OkHttpClient http;
  private final OkHttpClient longPolls;

  HandWritten(String url, Parse parse) {
    this.parse = parse;
    this.keysUrl = url + "/v2/keys";
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(4096);
    dispatcher.setMaxRequestsPerHost(4096);
    this.http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
    this.longPolls = http.newBuilder().readTimeout(0, TimeUnit.SECONDS).build();
  }

  @Override
  public String id() {
    return parse == Parse.TEXT ? "okhttp-text" : "okhttp-moshi";
  }

  @Override
  public String title() {
    return parse == Parse.TEXT ? "OkHttp, text" : "OkHttp + Moshi";
  }

  private Request put(String key, int value) {
    return new Request.Builder()
        .url(keysUrl + key)
        .put(new FormBody.Builder().add("value", Integer.toString(value)).build())
        .build();
  }

  @Override
  public boolean set(String key, int value) throws IOException {
    try (Response response = http.newCall(put(key, value)).execute()) {
      return (response.code() == 200 || response.code() == 201) && read(response.body()) != null;
    }
  }

  @Override
  public boolean get(String key) throws IOException {
    Request request = new Request.Builder().url(keysUrl + key).build();
    try (Response response = http.newCall(request).execute()) {
      Object answer = read(response.body());
      if (response.code() != 200) return false;
      return parse == Parse.TEXT || node(answer).get("value") != null;
    }
  }

  /** The body as a string or a map; never null. */
  private Object read(ResponseBody body) throws IOException {
    if (parse == Parse.TEXT) return body.string();
    Map<String, Object> map = MAP.fromJson(body.source());
    if (map == null) throw new IOException("empty body");
    return map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> node(Object answer) {
    return (Map<String, Object>) ((Map<String, Object>) answer).get("node");
  }

  @Override
  public void setAsync(String key, int value, Done done) {
    http.newCall(put(key, value))
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  read(response.body());
                  done.done(response.code() == 200 || response.code() == 201);
                } catch (IOException e) {
                  done.done(false);
                }
              }

              @Override
              public void onFailure(Call call, IOException e) {
                done.done(false);
              }
            });
  }

  @Override
  public Watching watch(String key, boolean recursive, long fromIndex, WatchSink sink) {
    LongPoll poll = new LongPoll(key, recursive, fromIndex, sink);
    poll.next();
    return poll;
  }

  /**
   * A continuous watch: one asynchronous long poll after another, each re-armed in the callback.
   */
  private final class LongPoll implements Callback, Watching {
    private final String key;
    private final boolean recursive;
    private final WatchSink sink;
    private volatile long waitIndex;
    private volatile boolean stopped;
    private volatile Call call;

    LongPoll(String key, boolean recursive, long fromIndex, WatchSink sink) {
      this.key = key;
      this.recursive = recursive;
      this.waitIndex = fromIndex;
      this.sink = sink;
    }

    void next() {
      if (stopped) return;
      String url =
          keysUrl
              + key
              + "?wait=true&waitIndex="
              + waitIndex
              + (recursive ? "&recursive=true" : "");
      Call next = longPolls.newCall(new Request.Builder().url(url).build());
      call = next;
      if (stopped) return; // stop() may have cancelled the previous call only
      next.enqueue(this);
    }

    @Override
    public void onResponse(Call call, Response response) {
      try (response) {
        String text = response.body().string(); // an event is small; either parse reads it all
        if (response.code() == 200 && !text.isEmpty()) {
          long index;
          String eventKey;
          if (parse == Parse.TEXT) {
            index = number(text, "\"modifiedIndex\":");
            eventKey = string(text, "\"key\":\"");
          } else {
            Map<String, Object> node = node(MAP.fromJson(text));
            index = ((Number) node.get("modifiedIndex")).longValue();
            eventKey = (String) node.get("key");
          }
          waitIndex = index + 1;
          sink.event(eventKey, index);
        } else if (response.code() == 400 && errorCode(text) == 401) {
          resync();
        } else if (response.code() != 200) {
          sink.failure(new IOException("HTTP " + response.code() + ": " + text));
          pause();
        } // 200 with an empty body: etcd ended the poll; ask again from the same index
      } catch (IOException | RuntimeException e) {
        if (stopped) return;
        sink.failure(e);
        pause();
      }
      next();
    }

    @Override
    public void onFailure(Call call, IOException e) {
      if (stopped) return;
      sink.failure(e);
      pause();
      next();
    }

    /** etcd no longer has {@code waitIndex}: read the key and go on after its index. */
    private void resync() throws IOException {
      String url = keysUrl + key + "?quorum=true" + (recursive ? "&recursive=true" : "");
      try (Response state = http.newCall(new Request.Builder().url(url).build()).execute()) {
        read(state.body());
        long etcdIndex = Long.parseLong(state.header("X-Etcd-Index"));
        waitIndex = etcdIndex + 1;
        sink.resync(etcdIndex);
      }
    }

    private long errorCode(String text) throws IOException {
      if (parse == Parse.TEXT) {
        return text.contains("\"errorCode\":") ? number(text, "\"errorCode\":") : -1;
      }
      Object code = MAP.fromJson(text).get("errorCode");
      return code == null ? -1 : ((Number) code).longValue();
    }

    private void pause() {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void stop() {
      stopped = true;
      Call current = call;
      if (current != null) current.cancel();
    }
  }

  /** The digits after the first {@code label}: what a text-only user would do for an index. */
  static long number(String text, String label) {
    int at = text.indexOf(label);
    if (at < 0) throw new IllegalArgumentException("no " + label + " in " + text);
    int start = at + label.length();
    int end = start;
    while (end < text.length() && Character.isDigit(text.charAt(end))) end++;
    return Long.parseLong(text.substring(start, end));
  }

  private static String string(String text, String label) {
    int at = text.indexOf(label);
    if (at < 0) return null;
    int start = at + label.length();
    return text.substring(start, text.indexOf('"', start));
  }

  /** etcd's current index: where a watch that must see every later change starts. */
  long etcdIndex() throws IOException {
    try (Response response =
        http.newCall(new Request.Builder().url(keysUrl + "/").build()).execute()) {
      String index = response.header("X-Etcd-Index");
      if (index == null) throw new IOException("no X-Etcd-Index in " + response);
      return Long.parseLong(index);
    }
  }

  /** Sets {@code key} and returns the write's {@code modifiedIndex}; the writer of watch loads. */
  long setIndex(String key, int value) throws IOException {
    try (Response response = http.newCall(put(key, value)).execute()) {
      Object answer = MAP.fromJson(response.body().source());
      if (response.code() != 200 && response.code() != 201) {
        throw new IOException("HTTP " + response.code() + ": " + answer);
      }
      return ((Number) node(answer).get("modifiedIndex")).longValue();
    }
  }

  /** Sets {@code dir/0} to {@code dir/(count - 1)}, 64 at a time, and waits for all. */
  void setAll(String dir, int count) throws InterruptedException {
    Semaphore permits = new Semaphore(64);
    for (int i = 0; i < count; i++) {
      permits.acquire();
      setAsync(dir + "/" + i, i, ok -> permits.release());
    }
    if (!permits.tryAcquire(64, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("writes to " + dir + " did not complete in 60 s");
    }
  }

  /** Deletes {@code dir} and everything under it; a missing one is fine. */
  void deleteDir(String dir) throws IOException {
    Request delete =
        new Request.Builder().url(keysUrl + dir + "?dir=true&recursive=true").delete().build();
    try (Response response = http.newCall(delete).execute()) {
      if (response.code() != 200 && response.code() != 404) {
        throw new IOException("cannot delete " + dir + ": HTTP " + response.code());
      }
    }
  }

  @Override
  public void close() {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
