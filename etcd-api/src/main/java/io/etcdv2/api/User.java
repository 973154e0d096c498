package io.etcdv2.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An auth user: {@code {"user":"alice","roles":[...]}}. etcd never returns passwords. */
public final class User {
  private String user;
  private List<Role> roles;

  User() {}

  public String name() {
    return user;
  }

  public List<Role> roles() {
    return roles == null ? Collections.<Role>emptyList() : roles;
  }

  /** The names of {@link #roles()}. */
  public List<String> roleNames() {
    List<String> names = new ArrayList<>();
    for (Role role : roles()) names.add(role.name());
    return names;
  }

  @Override
  public String toString() {
    return "User{" + user + ", roles=" + roleNames() + '}';
  }
}
