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
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Several real etcd members on loopback forming one cluster, each with free ports and a temporary
 * data directory. Members can be added (after announcing them through the members API) and stopped
 * one by one.
 */
public final class LocalEtcdCluster implements AutoCloseable {
  /** How long {@link #join} and {@link #start} wait for the members to list a member. */
  static final long ANNOUNCE_WAIT_MILLIS = 10_000;

  /** Asks members for their member lists; keeps no idle connection to a member that may stop. */
  private static final OkHttpClient MEMBERS_HTTP =
      new OkHttpClient.Builder()
          .callTimeout(Duration.ofSeconds(5))
          .retryOnConnectionFailure(false)
          .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
          .build();

  private static final JsonAdapter<Map<String, List<Map<String, Object>>>> MEMBERS_ADAPTER =
      new Moshi.Builder()
          .build()
          .adapter(
              Types.newParameterizedType(
                  Map.class,
                  String.class,
                  Types.newParameterizedType(
                      List.class,
                      Types.newParameterizedType(Map.class, String.class, Object.class))));

  private final List<LocalEtcd> members = new ArrayList<>();
  private final String binary;
  private final Path tempRoot; // null: java.io.tmpdir

  private LocalEtcdCluster(String binary, Path tempRoot) {
    this.binary = binary;
    this.tempRoot = tempRoot;
  }

  /**
   * Starts {@code size} members and waits until every one of them is healthy and lists every member
   * with its client URL.
   */
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
      cluster.awaitListedEverywhere();
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
   * @throws IllegalStateException if no running member lists {@code peerPort}'s URL within 10 s:
   *     announce it first
   */
  public LocalEtcd join(String name, int clientPort, int peerPort) {
    return join(name, clientPort, peerPort, ANNOUNCE_WAIT_MILLIS);
  }

  LocalEtcd join(String name, int clientPort, int peerPort, long announceWaitMillis) {
    String peerUrl = LocalEtcd.peerUrl(peerPort);
    LocalEtcd member =
        new LocalEtcd(
            binary,
            LocalEtcd.tempDir(tempRoot),
            name,
            clientPort,
            peerPort,
            initialClusterFor(name, peerUrl, announceWaitMillis),
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
  private String initialClusterFor(String name, String peerUrl, long announceWaitMillis) {
    List<Map<String, Object>> current = membersListing(peerUrl, announceWaitMillis);
    StringBuilder initialCluster = new StringBuilder();
    for (Map<String, Object> member : current) {
      @SuppressWarnings("unchecked")
      List<String> peerUrls = (List<String>) member.get("peerURLs");
      Object memberName = member.get("name");
      String entry;
      if (peerUrls.contains(peerUrl)) {
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
    return initialCluster.toString();
  }

  /**
   * The members as listed by the first running member that lists {@code peerUrl}. The member that
   * took the {@code POST /v2/members} lists the new member once it answered, the others only once
   * they have applied the change too, which under load can take a while: so this asks every running
   * member, again, for up to {@code waitMillis}.
   */
  private List<Map<String, Object>> membersListing(String peerUrl, long waitMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    while (true) {
      List<String> answers = new ArrayList<>();
      for (LocalEtcd member : members) {
        if (!member.isRunning()) continue;
        List<Map<String, Object>> listed = membersOf(member, answers);
        if (listed == null) continue;
        for (Map<String, Object> listedMember : listed) {
          Object peerUrls = listedMember.get("peerURLs");
          if (peerUrls instanceof List && ((List<?>) peerUrls).contains(peerUrl)) return listed;
        }
        answers.add(member.name() + ": " + listed.size() + " members, not " + peerUrl);
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(
            "no member lists "
                + peerUrl
                + " after "
                + waitMillis
                + " ms ("
                + (answers.isEmpty() ? "no member is running" : String.join("; ", answers))
                + "); announce it first with addMember(PeerUrls.of(\""
                + peerUrl
                + "\")) (POST /v2/members)");
      }
      sleepBeforeAskingAgain();
    }
  }

  /**
   * Waits until every member lists every member with its client URL. A member announces its client
   * URL through Raft once it is up, and the others list it once they have applied that, so a member
   * can be healthy while another still lists it without one.
   */
  private void awaitListedEverywhere() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANNOUNCE_WAIT_MILLIS);
    for (LocalEtcd member : members) {
      while (true) {
        List<String> answers = new ArrayList<>();
        List<Map<String, Object>> listed = membersOf(member, answers);
        if (listed != null) {
          int withClientUrl = 0;
          for (Map<String, Object> listedMember : listed) {
            Object clientUrls = listedMember.get("clientURLs");
            if (clientUrls instanceof List && !((List<?>) clientUrls).isEmpty()) withClientUrl++;
          }
          if (listed.size() == members.size() && withClientUrl == members.size()) break;
          answers.add(member.name() + ": " + listed);
        }
        if (System.nanoTime() - deadline >= 0) {
          throw new IllegalStateException(
              members.size()
                  + " members started but not all listed with a client URL after "
                  + ANNOUNCE_WAIT_MILLIS
                  + " ms: "
                  + answers);
        }
        sleepBeforeAskingAgain();
      }
    }
  }

  private static void sleepBeforeAskingAgain() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for etcd's member list", e);
    }
  }

  /**
   * {@code GET /v2/members} of one member, or null with what went wrong added to {@code answers}.
   */
  private static List<Map<String, Object>> membersOf(LocalEtcd member, List<String> answers) {
    Request request = new Request.Builder().url(member.clientUrl() + "/v2/members").build();
    try (Response response = MEMBERS_HTTP.newCall(request).execute()) {
      String body = response.body().string();
      if (response.code() == 200) {
        Map<String, List<Map<String, Object>>> parsed = MEMBERS_ADAPTER.fromJson(body);
        if (parsed != null && parsed.get("members") != null) return parsed.get("members");
      }
      answers.add(member.name() + ": HTTP " + response.code() + " " + body.trim());
    } catch (IOException | RuntimeException e) {
      answers.add(member.name() + ": " + e);
    }
    return null;
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
