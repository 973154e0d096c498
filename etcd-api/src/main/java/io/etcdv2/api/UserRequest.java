package io.etcdv2.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The body of {@code PUT /v2/auth/users/NAME}: creates a user, changes a password, or grants or
 * revokes roles. The password never appears in {@link #toString()}.
 *
 * <pre>{@code
 * etcd.putUser("alice", UserRequest.create("alice", "secret", "app"));
 * etcd.putUser("alice", UserRequest.grant("alice", "ops"));
 * }</pre>
 */
public final class UserRequest {
  private final String user;
  private final String password;
  private final List<String> roles;
  private final List<String> grant;
  private final List<String> revoke;

  private UserRequest(
      String user, String password, List<String> roles, List<String> grant, List<String> revoke) {
    if (user == null) throw new NullPointerException("user == null");
    this.user = user;
    this.password = password;
    this.roles = roles;
    this.grant = grant;
    this.revoke = revoke;
  }

  /** A new user with a password and, optionally, roles. */
  public static UserRequest create(String user, String password, String... roles) {
    if (password == null) throw new NullPointerException("password == null");
    return new UserRequest(user, password, roles.length == 0 ? null : names(roles), null, null);
  }

  /** A new password for an existing user. */
  public static UserRequest changePassword(String user, String password) {
    if (password == null) throw new NullPointerException("password == null");
    return new UserRequest(user, password, null, null, null);
  }

  /** Adds roles to a user. */
  public static UserRequest grant(String user, String... roles) {
    return new UserRequest(user, null, null, names(roles), null);
  }

  /** Removes roles from a user. */
  public static UserRequest revoke(String user, String... roles) {
    return new UserRequest(user, null, null, null, names(roles));
  }

  private static List<String> names(String... roles) {
    if (roles.length == 0) throw new IllegalArgumentException("roles must name at least one role");
    for (int i = 0; i < roles.length; i++) {
      if (roles[i] == null) throw new NullPointerException("roles[" + i + "] == null");
    }
    return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(roles)));
  }

  public String user() {
    return user;
  }

  @Override
  public String toString() {
    return "UserRequest{user="
        + user
        + (password != null ? ", password=***" : "")
        + (roles != null ? ", roles=" + roles : "")
        + (grant != null ? ", grant=" + grant : "")
        + (revoke != null ? ", revoke=" + revoke : "")
        + '}';
  }
}
