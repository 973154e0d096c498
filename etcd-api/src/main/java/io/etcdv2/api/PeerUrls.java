package io.etcdv2.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The body that adds or updates a member: {@code {"peerURLs":["http://10.0.0.4:2380"]}}. */
@SuppressWarnings("InconsistentCapitalization") // the field is spelled as etcd's JSON key
public final class PeerUrls {
  private final List<String> peerURLs;

  private PeerUrls(List<String> peerURLs) {
    this.peerURLs = peerURLs;
  }

  /**
   * The body naming {@code peerUrls}, in the order given.
   *
   * @throws IllegalArgumentException without any URL
   */
  public static PeerUrls of(String... peerUrls) {
    if (peerUrls == null || peerUrls.length == 0) {
      throw new IllegalArgumentException("peerUrls must name at least one peer URL");
    }
    for (int i = 0; i < peerUrls.length; i++) {
      if (peerUrls[i] == null) throw new NullPointerException("peerUrls[" + i + "] == null");
    }
    return new PeerUrls(Collections.unmodifiableList(new ArrayList<>(Arrays.asList(peerUrls))));
  }

  public List<String> peerURLs() {
    return peerURLs;
  }

  @Override
  public String toString() {
    return "PeerUrls" + peerURLs;
  }
}
