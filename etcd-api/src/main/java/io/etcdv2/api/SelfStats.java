package io.etcdv2.api;

/** The body of {@code GET /v2/stats/self}: what a member knows of itself. */
public final class SelfStats {
  private String name;
  private String id;
  private String state;
  private String startTime;
  private LeaderInfo leaderInfo;
  private long recvAppendRequestCnt;
  private long sendAppendRequestCnt;
  private double recvPkgRate;
  private double recvBandwidthRate;
  private double sendPkgRate;
  private double sendBandwidthRate;

  SelfStats() {}

  public String name() {
    return name;
  }

  /** The member id, in hex. */
  public String id() {
    return id;
  }

  /** {@code StateLeader} or {@code StateFollower}. */
  public String state() {
    return state;
  }

  /** When the member started, as RFC 3339 text. */
  public String startTime() {
    return startTime;
  }

  public LeaderInfo leaderInfo() {
    return leaderInfo;
  }

  public long recvAppendRequestCnt() {
    return recvAppendRequestCnt;
  }

  public long sendAppendRequestCnt() {
    return sendAppendRequestCnt;
  }

  public double recvPkgRate() {
    return recvPkgRate;
  }

  public double recvBandwidthRate() {
    return recvBandwidthRate;
  }

  public double sendPkgRate() {
    return sendPkgRate;
  }

  public double sendBandwidthRate() {
    return sendBandwidthRate;
  }

  @Override
  public String toString() {
    return "SelfStats{name="
        + name
        + ", id="
        + id
        + ", state="
        + state
        + ", leaderInfo="
        + leaderInfo
        + '}';
  }

  /** The leader as this member sees it. */
  public static final class LeaderInfo {
    private String leader;
    private String uptime;
    private String startTime;

    LeaderInfo() {}

    /** The leader's member id, in hex. */
    public String leader() {
      return leader;
    }

    /** How long the leader has led, as Go duration text such as {@code 1m2.5s}. */
    public String uptime() {
      return uptime;
    }

    public String startTime() {
      return startTime;
    }

    @Override
    public String toString() {
      return "LeaderInfo{leader=" + leader + ", uptime=" + uptime + '}';
    }
  }
}
