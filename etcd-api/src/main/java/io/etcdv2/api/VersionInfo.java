package io.etcdv2.api;

/** The body of {@code GET /version}: {@code {"etcdserver":"3.4.23","etcdcluster":"3.4.0"}}. */
public final class VersionInfo {
  private String etcdserver;
  private String etcdcluster;

  VersionInfo() {}

  /** The member's server version, such as {@code 3.4.23}. */
  public String server() {
    return etcdserver;
  }

  /** The cluster's version, such as {@code 3.4.0}. */
  public String cluster() {
    return etcdcluster;
  }

  @Override
  public String toString() {
    return "VersionInfo{server=" + etcdserver + ", cluster=" + etcdcluster + '}';
  }
}
