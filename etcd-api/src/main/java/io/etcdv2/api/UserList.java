package io.etcdv2.api;

import java.util.Collections;
import java.util.List;

/** The body of {@code GET /v2/auth/users}: {@code {"users":[...]}}. */
public final class UserList {
  private List<User> users;

  UserList() {}

  public List<User> users() {
    return users == null ? Collections.<User>emptyList() : users;
  }

  @Override
  public String toString() {
    return "UserList" + users();
  }
}
