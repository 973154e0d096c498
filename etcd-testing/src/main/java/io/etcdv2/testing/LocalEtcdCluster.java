package io.etcdv2.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Several real etcd members on loopback forming one cluster, each with free ports and a temporary
 * data directory. Members can be added (after announcing them through the members API) and stopped
 * one by one.
 */
public final class LocalEtcdCluster implements AutoCloseable {
  private final List<LocalEtcd> members = new ArrayList<>();
  private final String binary;
  private final Path tempRoot; // null: java.io.tmpdir

  private LocalEtcdCluster(String binary, Path tempRoot) {
    this.binary = binary;
    this.tempRoot = tempRoot;
  }

  /** Starts {@code size} members and waits until every one of them is healthy. */
  public static LocalEtcdCluster start(int size) {
    return start(LocalEtcd.binary(), size, null);
  }

  static LocalEtcdCluster start(String binary, int size, Path tempRoot) {
    if (size < 1) throw new IllegalArgumentException("size must be at least 1 but was " + size);
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnFreePorts(binary, size, tempRoot);
      } catch (IllegalStateException e) {
        // Another process took a port found free: start the whole cluster again on other ports.
        if (attempt == LocalEtcd.PORT_ATTEMPTS || !LocalEtcd.lostPortRace(e)) throw e;
      }
    }
  }

  private static LocalEtcdCluster startOnFreePorts(String binary, int size, Path tempRoot) {
    int[] clientPorts = new int[size];
    int[] peerPorts = new int[size];
    StringBuilder initialCluster = new StringBuilder();
    for (int i = 0; i < size; i++) {
      clientPorts[i] = LocalEtcd.freePort();
      peerPorts[i] = LocalEtcd.freePort();
      if (i > 0) initialCluster.append(',');
      initialCluster.append('n').append(i + 1).append('=').append(LocalEtcd.peerUrl(peerPorts[i]));
    }
    LocalEtcdCluster cluster = new LocalEtcdCluster(binary, tempRoot);
    try {
      for (int i = 0; i < size; i++) {
        LocalEtcd member =
            new LocalEtcd(
                binary,
                LocalEtcd.tempDir(tempRoot),
                "n" + (i + 1),
                clientPorts[i],
                peerPorts[i],
                initialCluster.toString(),
                "new");
        cluster.members.add(member);
        member.launch();
      }
      // A member is healthy only once a quorum is up, so launch all before waiting on any.
      for (LocalEtcd member : cluster.members) member.awaitHealthy();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The members, in start order. */
  public List<LocalEtcd> members() {
    return Collections.unmodifiableList(members);
  }

  public LocalEtcd member(int index) {
    return members.get(index);
  }

  /**
   * Two free ports for a member to add, {@code {clientPort, peerPort}}: announce {@code
   * http://127.0.0.1:peerPort} through the members API, then {@link #join}.
   */
  public static int[] freePorts() {
    return new int[] {LocalEtcd.freePort(), LocalEtcd.freePort()};
  }

  /**
   * Starts a member that was already added through the members API with {@code peerPort}, and waits
   * until it serves.
   *
   * @throws IllegalStateException if no member lists {@code peerPort}'s URL: announce it first
   */
  public LocalEtcd join(String name, int clientPort, int peerPort) {
    String peerUrl = LocalEtcd.peerUrl(peerPort);
    LocalEtcd member =
        new LocalEtcd(
            binary,
            LocalEtcd.tempDir(tempRoot),
            name,
            clientPort,
            peerPort,
            initialClusterFor(name, peerUrl),
            "existing");
    members.add(member);
    member.launch();
    member.awaitHealthy();
    return member;
  }

  /**
   * The {@code --initial-cluster} of a joining member. etcd starts it only if this lists exactly
   * the cluster's members ("member count is unequal" otherwise), so it comes from the cluster
   * itself, not from which processes are running here: a member that is down is still a member, and
   * a member removed a moment ago can still be running.
   */
  private String initialClusterFor(String name, String peerUrl) {
    StringBuilder initialCluster = new StringBuilder();
    boolean announced = false;
    for (Map<String, Object> member : currentMembers()) {
      @SuppressWarnings("unchecked")
      List<String> peerUrls = (List<String>) member.get("peerURLs");
      Object memberName = member.get("name");
      String entry;
      if (peerUrls.contains(peerUrl)) {
        announced = true;
        entry = name;
      } else if (memberName instanceof String && !((String) memberName).isEmpty()) {
        entry = (String) memberName;
      } else {
        entry = "unstarted-" + member.get("id"); // announced but never started: no name yet
      }
      for (String url : peerUrls) {
        if (initialCluster.length() > 0) initialCluster.append(',');
        initialCluster.append(entry).append('=').append(url);
      }
    }
    if (!announced) {
      throw new IllegalStateException(
          "no member lists "
              + peerUrl
              + "; announce it first with"
              + " addMember(PeerUrls.of(\""
              + peerUrl
              + "\")) (POST /v2/members)");
    }
    return initialCluster.toString();
  }

  /** {@code GET /v2/members} from the first running member that answers it. */
  private List<Map<String, Object>> currentMembers() {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(5))
            .retryOnConnectionFailure(false)
            .build();
    JsonAdapter<Map<String, List<Map<String, Object>>>> adapter =
        new Moshi.Builder()
            .build()
            .adapter(
                Types.newParameterizedType(
                    Map.class,
                    String.class,
                    Types.newParameterizedType(
                        List.class,
                        Types.newParameterizedType(Map.class, String.class, Object.class))));
    List<String> failures = new ArrayList<>();
    try {
      for (LocalEtcd member : members) {
        if (!member.isRunning()) continue;
        Request request = new Request.Builder().url(member.clientUrl() + "/v2/members").build();
        try (Response response = http.newCall(request).execute()) {
          String body = response.body().string();
          if (response.code() == 200) {
            Map<String, List<Map<String, Object>>> parsed = adapter.fromJson(body);
            if (parsed != null && parsed.get("members") != null) return parsed.get("members");
          }
          failures.add(member.name() + ": HTTP " + response.code() + " " + body.trim());
        } catch (IOException | RuntimeException e) {
          failures.add(member.name() + ": " + e);
        }
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    throw new IllegalStateException("no running member listed the cluster's members: " + failures);
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (LocalEtcd member : members) {
      try {
        member.close();
      } catch (RuntimeException e) {
        if (failure == null) failure = e;
      }
    }
    if (failure != null) throw failure;
  }
}
