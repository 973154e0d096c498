package io.etcdv2.api;

import java.util.Collections;
import java.util.List;

/** A cluster member: {@code {"id":"..","name":"n1","peerURLs":[..],"clientURLs":[..]}}. */
public final class Member {
  private String id;
  private String name;
  private List<String> peerURLs;
  private List<String> clientURLs;

  Member() {}

  /** The member id, in hex. */
  public String id() {
    return id;
  }

  /** The member's name; empty for a member added but not started yet. */
  public String name() {
    return name;
  }

  public List<String> peerURLs() {
    return peerURLs == null ? Collections.<String>emptyList() : peerURLs;
  }

  /** Empty for a member added but not started yet. */
  public List<String> clientURLs() {
    return clientURLs == null ? Collections.<String>emptyList() : clientURLs;
  }

  @Override
  public String toString() {
    return "Member{id="
        + id
        + ", name="
        + name
        + ", peerURLs="
        + peerURLs()
        + ", clientURLs="
        + clientURLs()
        + '}';
  }
}
