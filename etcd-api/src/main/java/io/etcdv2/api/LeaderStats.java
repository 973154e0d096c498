package io.etcdv2.api;

import java.util.Collections;
import java.util.Map;

/**
 * The body of {@code GET /v2/stats/leader} on the leader. A follower answers 403 with {@code
 * {"message":"not current leader"}} instead, found in {@link EtcdResponse#error()}.
 */
public final class LeaderStats {
  private String leader;
  private Map<String, Follower> followers;

  LeaderStats() {}

  /** The leader's member id, in hex. */
  public String leader() {
    return leader;
  }

  /** The followers by member id; empty on a single-member cluster. */
  public Map<String, Follower> followers() {
    return followers == null ? Collections.<String, Follower>emptyMap() : followers;
  }

  @Override
  public String toString() {
    return "LeaderStats{leader=" + leader + ", followers=" + followers() + '}';
  }

  /** What the leader knows of one follower. */
  public static final class Follower {
    private Latency latency;
    private Counts counts;

    Follower() {}

    public Latency latency() {
      return latency;
    }

    public Counts counts() {
      return counts;
    }

    @Override
    public String toString() {
      return "Follower{latency=" + latency + ", counts=" + counts + '}';
    }
  }

  /** Round-trip latency to a follower, in milliseconds. */
  public static final class Latency {
    private double current;
    private double average;
    private double standardDeviation;
    private double minimum;
    private double maximum;

    Latency() {}

    public double current() {
      return current;
    }

    public double average() {
      return average;
    }

    public double standardDeviation() {
      return standardDeviation;
    }

    public double minimum() {
      return minimum;
    }

    public double maximum() {
      return maximum;
    }

    @Override
    public String toString() {
      return "Latency{current=" + current + ", average=" + average + '}';
    }
  }

  /** Successful and failed Raft RPCs to a follower. */
  public static final class Counts {
    private long success;
    private long fail;

    Counts() {}

    public long success() {
      return success;
    }

    public long fail() {
      return fail;
    }

    @Override
    public String toString() {
      return "Counts{success=" + success + ", fail=" + fail + '}';
    }
  }
}
