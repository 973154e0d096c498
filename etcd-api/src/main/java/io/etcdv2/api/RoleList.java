package io.etcdv2.api;

import java.util.Collections;
import java.util.List;

/** The body of {@code GET /v2/auth/roles}: {@code {"roles":[...]}}. */
public final class RoleList {
  private List<Role> roles;

  RoleList() {}

  public List<Role> roles() {
    return roles == null ? Collections.<Role>emptyList() : roles;
  }

  @Override
  public String toString() {
    return "RoleList" + roles();
  }
}
