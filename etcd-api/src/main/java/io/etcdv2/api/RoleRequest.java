package io.etcdv2.api;

/**
 * The body of {@code PUT /v2/auth/roles/NAME}: creates a role, or grants or revokes permissions.
 *
 * <pre>{@code
 * etcd.putRole("app", RoleRequest.create("app", Permissions.readWrite("/app/*")));
 * }</pre>
 */
public final class RoleRequest {
  private final String role;
  private final Permissions permissions;
  private final Permissions grant;
  private final Permissions revoke;

  private RoleRequest(String role, Permissions permissions, Permissions grant, Permissions revoke) {
    if (role == null) throw new NullPointerException("role == null");
    this.role = role;
    this.permissions = permissions;
    this.grant = grant;
    this.revoke = revoke;
  }

  /** A new role with its permissions. */
  public static RoleRequest create(String role, Permissions permissions) {
    if (permissions == null) throw new NullPointerException("permissions == null");
    return new RoleRequest(role, permissions, null, null);
  }

  /** Adds permissions to a role. */
  public static RoleRequest grant(String role, Permissions permissions) {
    if (permissions == null) throw new NullPointerException("permissions == null");
    return new RoleRequest(role, null, permissions, null);
  }

  /** Removes permissions from a role. */
  public static RoleRequest revoke(String role, Permissions permissions) {
    if (permissions == null) throw new NullPointerException("permissions == null");
    return new RoleRequest(role, null, null, permissions);
  }

  public String role() {
    return role;
  }

  @Override
  public String toString() {
    return "RoleRequest{role="
        + role
        + (permissions != null ? ", permissions=" + permissions : "")
        + (grant != null ? ", grant=" + grant : "")
        + (revoke != null ? ", revoke=" + revoke : "")
        + '}';
  }
}
