package io.etcdv2.example;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.runtime.Watch;
import io.etcdv2.runtime.WatchListener;
import io.etcdv2.testing.LocalEtcd;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs lua-resty-etcd's operations against etcd on 127.0.0.1:2379 and prints each status and body.
 * When nothing answers there, it starts a local etcd in a temporary directory first.
 */
public final class Example {
  private static final String DEFAULT_HOST = "http://127.0.0.1:2379";

  private Example() {}

  public static void main(String[] args) {
    LocalEtcd started = null;
    String host = DEFAULT_HOST;
    if (!answers(DEFAULT_HOST)) {
      System.out.println("# nothing answers on " + DEFAULT_HOST + ": starting a local etcd");
      started = LocalEtcd.start(2379);
      host = started.clientUrl();
    }
    System.out.println("# etcd at " + host);
    // A clean /example from earlier runs: the prefixed client may not delete its own root.
    try (EtcdClient root = EtcdClient.builder().host(host).build()) {
      root.rmdir("/example", true);
    }
    try (EtcdClient etcd = EtcdClient.builder().host(host).prefix("/example").build()) {
      run(etcd);
    } finally {
      if (started != null) started.close();
    }
  }

  private static void run(EtcdClient etcd) {
    print("version()", etcd.version());
    print("set(\"/greeting\", \"hello\")", etcd.set("/greeting", "hello"));
    EtcdResponse<KeysResult> got = etcd.get("/greeting");
    print("get(\"/greeting\")", got);
    System.out.println("  decoded value: " + got.body().node().value());
    print(
        "set(\"/config\", map, 60)",
        etcd.set("/config", Map.of("replicas", 3, "zones", List.of("a", "b")), 60));
    print("setnx(\"/greeting\", \"again\")", etcd.setnx("/greeting", "again"));
    print("setnx(\"/fresh\", \"new\")", etcd.setnx("/fresh", "new"));
    long index = got.body().node().modifiedIndex();
    print(
        "setx(\"/greeting\", \"hi\", -1, " + index + ")", etcd.setx("/greeting", "hi", -1, index));
    print(
        "setx(\"/greeting\", \"stale\", -1, " + index + ")",
        etcd.setx("/greeting", "stale", -1, index));
    print("delete(\"/fresh\", \"wrong\")", etcd.delete("/fresh", "wrong"));
    print("delete(\"/fresh\", \"new\")", etcd.delete("/fresh", "new"));
    print("mkdir(\"/queue\")", etcd.mkdir("/queue"));
    print("mkdirnx(\"/queue\")", etcd.mkdirnx("/queue"));
    print("push(\"/queue\", \"job-1\")", etcd.push("/queue", "job-1"));
    print("push(\"/queue\", \"job-2\", 30)", etcd.push("/queue", "job-2", 30));
    print("readdir(\"/\", true)", etcd.readdir("/", true));
    long next = etcd.get("/greeting").etcdIndex() + 1;
    print("wait(\"/greeting\", " + next + ", 1)", etcd.wait("/greeting", next, 1));
    print("waitdir(\"/queue\", 0, 1)", etcd.waitdir("/queue", 0, 1));
    print("rmdir(\"/queue\")", etcd.rmdir("/queue"));
    print("rmdir(\"/queue\", true)", etcd.rmdir("/queue", true));
    print("get(\"/missing\")", etcd.get("/missing"));
    watchAFewChanges(etcd);
    print("statsLeader()", etcd.statsLeader());
    print("statsSelf()", etcd.statsSelf());
    print("statsStore()", etcd.statsStore());
  }

  /** A continuous watch sees three writes, each once and in order, then stops. */
  private static void watchAFewChanges(EtcdClient etcd) {
    CountDownLatch seen = new CountDownLatch(3);
    Watch watch =
        etcd.watch("/jobs")
            .recursive()
            .start(
                new WatchListener() {
                  @Override
                  public void onEvent(KeysResult event) {
                    System.out.println(
                        "  watch event: "
                            + event.action()
                            + " "
                            + event.node().key()
                            + " = "
                            + event.node().value()
                            + " @"
                            + event.node().modifiedIndex());
                    seen.countDown();
                  }

                  @Override
                  public void onResync(EtcdResponse<KeysResult> state, long etcdIndex) {
                    System.out.println("  watch resync at " + etcdIndex + ": " + state.body());
                  }

                  @Override
                  public void onError(Throwable error) {
                    System.out.println("  watch ended: " + error);
                  }
                });
    System.out.println("watch(\"/jobs\").recursive() started");
    etcd.set("/jobs/a", "first");
    etcd.set("/jobs/b", "second");
    etcd.delete("/jobs/a");
    try {
      System.out.println("  all 3 events seen: " + seen.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      watch.stop();
    }
  }

  private static void print(String call, EtcdResponse<?> response) {
    Object body =
        response.isTimeout()
            ? "(timed out: the seed's 408 entity)"
            : response.body() != null
                ? response.body()
                : response.error() != null ? response.error() : response.text();
    System.out.println(call + " -> " + response.status() + " " + body);
  }

  private static boolean answers(String host) {
    OkHttpClient http =
        new OkHttpClient.Builder().callTimeout(java.time.Duration.ofSeconds(1)).build();
    try (Response response =
        http.newCall(new Request.Builder().url(host + "/health").build()).execute()) {
      return response.code() < 500;
    } catch (IOException e) {
      return false;
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }
}
