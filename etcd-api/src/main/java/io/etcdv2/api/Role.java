package io.etcdv2.api;

import java.util.Collections;

/**
 * An auth role: {@code {"role":"app","permissions":{"kv":{...}}}}. Inside a user as written by
 * {@code PUT}, etcd lists roles by name only; their permissions are then empty.
 */
public final class Role {
  private String role;
  private Permissions permissions;

  Role() {}

  Role(String role, Permissions permissions) {
    this.role = role;
    this.permissions = permissions;
  }

  public String name() {
    return role;
  }

  public Permissions permissions() {
    return permissions != null
        ? permissions
        : Permissions.of(Collections.<String>emptyList(), Collections.<String>emptyList());
  }

  @Override
  public String toString() {
    return "Role{" + role + (permissions != null ? ", " + permissions : "") + '}';
  }
}
