package io.etcdv2.api;

import java.util.Collections;
import java.util.List;

/** The body of {@code GET /v2/members}: {@code {"members":[...]}}. */
public final class MemberList {
  private List<Member> members;

  MemberList() {}

  public List<Member> members() {
    return members == null ? Collections.<Member>emptyList() : members;
  }

  @Override
  public String toString() {
    return "MemberList" + members();
  }
}
