package io.etcdv2.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Several real etcd members on loopback forming one cluster, each with free ports and a temporary
 * data directory. Members can be added (after announcing them through the members API) and
 * stopped one by one.
 */
public final class LocalEtcdCluster implements AutoCloseable {
  private final List<LocalEtcd> members = new ArrayList<>();

  private LocalEtcdCluster() {}

  /** Starts {@code size} members and waits until every one of them is healthy. */
  public static LocalEtcdCluster start(int size) {
    if (size < 1) throw new IllegalArgumentException("size must be at least 1 but was " + size);
    int[] clientPorts = new int[size];
    int[] peerPorts = new int[size];
    StringBuilder initialCluster = new StringBuilder();
    for (int i = 0; i < size; i++) {
      clientPorts[i] = LocalEtcd.freePort();
      peerPorts[i] = LocalEtcd.freePort();
      if (i > 0) initialCluster.append(',');
      initialCluster.append('n').append(i + 1).append('=').append(LocalEtcd.peerUrl(peerPorts[i]));
    }
    LocalEtcdCluster cluster = new LocalEtcdCluster();
    try {
      for (int i = 0; i < size; i++) {
        LocalEtcd member = new LocalEtcd(LocalEtcd.tempDir(), "n" + (i + 1), clientPorts[i],
            peerPorts[i], initialCluster.toString(), "new");
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

  /** A free peer URL and client port for a member to add: announce it, then {@link #join}. */
  public static int[] freePorts() {
    return new int[] {LocalEtcd.freePort(), LocalEtcd.freePort()};
  }

  /**
   * Starts a member that was already added through the members API with {@code peerPort}, and
   * waits until it serves.
   */
  public LocalEtcd join(String name, int clientPort, int peerPort) {
    StringBuilder initialCluster = new StringBuilder();
    for (LocalEtcd member : members) {
      if (member.isRunning()) {
        initialCluster.append(member.name()).append('=').append(member.peerUrl()).append(',');
      }
    }
    initialCluster.append(name).append('=').append(LocalEtcd.peerUrl(peerPort));
    LocalEtcd member = new LocalEtcd(LocalEtcd.tempDir(), name, clientPort, peerPort,
        initialCluster.toString(), "existing");
    members.add(member);
    member.launch();
    member.awaitHealthy();
    return member;
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
