package io.etcdv2.api;

import io.etcdv2.annotation.Convenience;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.PUT;
import retrofit2.http.Path;

/**
 * The etcd v2 auth API: turning authentication on and off, users and roles. Everything but {@code
 * GET /v2/auth/enable} needs the root user once auth is on; set credentials with the client
 * builder's {@code auth(user, password)}.
 */
public interface AuthApi {
  /** {@code GET /v2/auth/enable}: whether auth is on. */
  @GET("v2/auth/enable")
  @Convenience(name = "authStatus", doc = "Gets whether authentication is enabled.")
  EtcdCall<AuthStatus> getAuthStatus();

  /** {@code PUT /v2/auth/enable}: turns auth on; 409 until a root user exists. */
  @PUT("v2/auth/enable")
  @Convenience(name = "enableAuth", doc = "Enables authentication; a root user must exist first.")
  EtcdCall<Void> putAuthEnable();

  /** {@code DELETE /v2/auth/enable}: turns auth off (as root). */
  @DELETE("v2/auth/enable")
  @Convenience(name = "disableAuth", doc = "Disables authentication.")
  EtcdCall<Void> deleteAuthEnable();

  /** {@code GET /v2/auth/users}: every user with its roles. */
  @GET("v2/auth/users")
  @Convenience(name = "users", doc = "Lists the users with their roles.")
  EtcdCall<UserList> getUsers();

  /** {@code GET /v2/auth/users/NAME}: one user with its roles. */
  @GET("v2/auth/users/{user}")
  @Convenience(name = "user", args = "user", doc = "Gets a user with its roles.")
  EtcdCall<User> getUser(@Path("user") String user);

  /**
   * {@code PUT /v2/auth/users/NAME}: creates a user, changes its password, or grants or revokes
   * roles, as {@link UserRequest} says.
   */
  @PUT("v2/auth/users/{user}")
  @Convenience(
      name = "putUser",
      args = {"user", "body"},
      doc = "Creates a user, changes its password, or grants or revokes its roles.")
  EtcdCall<User> putUser(@Path("user") String user, @Body UserRequest body);

  /** {@code DELETE /v2/auth/users/NAME}: deletes a user. */
  @DELETE("v2/auth/users/{user}")
  @Convenience(name = "deleteUser", args = "user", doc = "Deletes a user.")
  EtcdCall<Void> deleteUser(@Path("user") String user);

  /** {@code GET /v2/auth/roles}: every role with its permissions. */
  @GET("v2/auth/roles")
  @Convenience(name = "roles", doc = "Lists the roles with their permissions.")
  EtcdCall<RoleList> getRoles();

  /** {@code GET /v2/auth/roles/NAME}: one role with its permissions. */
  @GET("v2/auth/roles/{role}")
  @Convenience(name = "role", args = "role", doc = "Gets a role with its permissions.")
  EtcdCall<Role> getRole(@Path("role") String role);

  /**
   * {@code PUT /v2/auth/roles/NAME}: creates a role, or grants or revokes permissions, as {@link
   * RoleRequest} says.
   */
  @PUT("v2/auth/roles/{role}")
  @Convenience(
      name = "putRole",
      args = {"role", "body"},
      doc = "Creates a role, or grants or revokes its permissions.")
  EtcdCall<Role> putRole(@Path("role") String role, @Body RoleRequest body);

  /** {@code DELETE /v2/auth/roles/NAME}: deletes a role. */
  @DELETE("v2/auth/roles/{role}")
  @Convenience(name = "deleteRole", args = "role", doc = "Deletes a role.")
  EtcdCall<Void> deleteRole(@Path("role") String role);
}
