package io.etcdv2.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.AuthStatus;
import io.etcdv2.api.EtcdError;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Permissions;
import io.etcdv2.api.Role;
import io.etcdv2.api.RoleList;
import io.etcdv2.api.RoleRequest;
import io.etcdv2.api.User;
import io.etcdv2.api.UserList;
import io.etcdv2.api.UserRequest;
import io.etcdv2.testing.LocalEtcd;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The v2 auth API on a real etcd: each test starts a member of its own, since enabling auth changes
 * the whole member.
 */
@Timeout(60)
class AuthIntegrationTest {
  private static final String ROOT_PASSWORD = "r00t-secret";

  @Test
  void enablingAuthLocksOutAnonymousUsersAndScopesRoles() {
    try (LocalEtcd server = LocalEtcd.start();
        EtcdClient anonymous = client(server, null, null);
        EtcdClient root = client(server, "root", ROOT_PASSWORD);
        EtcdClient aliceOld = client(server, "alice", "alice-1");
        EtcdClient aliceNew = client(server, "alice", "alice-2");
        EtcdClient wrongRoot = client(server, "root", "not-it")) {
      assertFalse(anonymous.authStatus().body().isEnabled());

      // 2a. Without a root user, enabling is refused.
      EtcdResponse<Void> tooEarly = root.enableAuth();
      assertEquals(409, tooEarly.status(), tooEarly.toString());
      assertNotNull(tooEarly.error(), tooEarly.toString());
      assertTrue(tooEarly.error().message().contains("root"), tooEarly.error().message());
      assertFalse(anonymous.authStatus().body().isEnabled());

      // 1. The root user.
      EtcdResponse<User> rootUser =
          anonymous.putUser("root", UserRequest.create("root", ROOT_PASSWORD));
      assertEquals(201, rootUser.status(), rootUser.toString());
      assertEquals("root", rootUser.body().name());
      assertEquals(List.of("root"), rootUser.body().roleNames());

      // 2b. Now auth can be enabled.
      EtcdResponse<Void> enabled = root.enableAuth();
      assertEquals(200, enabled.status(), enabled.toString());
      EtcdResponse<AuthStatus> status = anonymous.authStatus();
      assertEquals(200, status.status());
      assertTrue(status.body().isEnabled());
      assertEquals(
          201,
          anonymous.set("/guest-still-writes", "v").status(),
          "the guest role has full access until revoked");

      // 3. Revoke the guest role's access.
      EtcdResponse<Role> guest =
          root.putRole("guest", RoleRequest.revoke("guest", Permissions.readWrite("/*")));
      assertEquals(200, guest.status(), guest.toString());
      assertEquals("guest", guest.body().name());
      assertTrue(guest.body().permissions().read().isEmpty(), guest.toString());
      assertTrue(guest.body().permissions().write().isEmpty(), guest.toString());

      // 4. Anonymous writes are now refused.
      EtcdResponse<KeysResult> anonymousWrite = anonymous.set("/anonymous", "v");
      assertEquals(401, anonymousWrite.status(), anonymousWrite.toString());
      assertEquals(EtcdError.UNAUTHORIZED, anonymousWrite.error().errorCode());
      assertEquals(401, anonymous.get("/guest-still-writes").status(), "reads too");
      EtcdResponse<UserList> anonymousUsers = anonymous.users();
      assertEquals(401, anonymousUsers.status());
      assertEquals("Insufficient credentials", anonymousUsers.error().message());
      EtcdResponse<Void> anonymousDisable = anonymous.disableAuth();
      assertEquals(401, anonymousDisable.status());
      assertTrue(anonymous.authStatus().body().isEnabled());
      EtcdResponse<KeysResult> wrongRootPassword = wrongRoot.set("/x", "v");
      assertEquals(401, wrongRootPassword.status(), wrongRootPassword.toString());

      // 5. A role for /app/* and a user with it.
      EtcdResponse<Role> app =
          root.putRole("app", RoleRequest.create("app", Permissions.readWrite("/app/*")));
      assertEquals(201, app.status(), app.toString());
      assertEquals(List.of("/app/*"), app.body().permissions().read());
      assertEquals(List.of("/app/*"), app.body().permissions().write());
      EtcdResponse<User> alice =
          root.putUser("alice", UserRequest.create("alice", "alice-1", "app"));
      assertTrue(alice.isSuccessful(), alice.toString());
      assertEquals("alice", alice.body().name());
      assertEquals(List.of("app"), alice.body().roleNames());

      EtcdResponse<KeysResult> inScope = aliceOld.set("/app/x", "by-alice");
      assertEquals(201, inScope.status(), inScope.toString());
      assertEquals("by-alice", aliceOld.get("/app/x").body().node().value());
      EtcdResponse<KeysResult> outOfScope = aliceOld.set("/other", "no");
      assertEquals(401, outOfScope.status(), outOfScope.toString());
      assertEquals(EtcdError.UNAUTHORIZED, outOfScope.error().errorCode());
      assertEquals(404, root.get("/other").status(), "the refused write was not applied");
      assertEquals(401, aliceOld.users().status(), "alice is not root");

      // 6. Change alice's password: the old one stops working, the new one works.
      EtcdResponse<User> changed =
          root.putUser("alice", UserRequest.changePassword("alice", "alice-2"));
      assertEquals(200, changed.status(), changed.toString());
      assertEquals(List.of("app"), changed.body().roleNames(), "roles are kept");
      EtcdResponse<KeysResult> oldPassword = aliceOld.set("/app/x", "old-password");
      assertEquals(401, oldPassword.status(), oldPassword.toString());
      assertEquals(EtcdError.UNAUTHORIZED, oldPassword.error().errorCode());
      EtcdResponse<KeysResult> newPassword = aliceNew.set("/app/x", "new-password");
      assertEquals(200, newPassword.status(), newPassword.toString());
      assertEquals("new-password", root.get("/app/x").body().node().value());

      // 7. Root disables auth; anonymous users write again.
      EtcdResponse<Void> disabled = root.disableAuth();
      assertEquals(200, disabled.status(), disabled.toString());
      assertFalse(anonymous.authStatus().body().isEnabled());
      EtcdResponse<KeysResult> afterwards = anonymous.set("/anonymous", "v");
      assertEquals(201, afterwards.status(), afterwards.toString());
    }
  }

  @Test
  void usersAndRolesAreCreatedListedChangedAndDeleted() {
    try (LocalEtcd server = LocalEtcd.start();
        EtcdClient etcd = client(server, null, null)) {
      EtcdResponse<AuthStatus> status = etcd.requests().getAuthStatus().send();
      assertEquals(200, status.status());
      assertFalse(status.body().isEnabled());

      EtcdResponse<Role> reader =
          etcd.putRole("reader", RoleRequest.create("reader", Permissions.read("/data/*")));
      assertEquals(201, reader.status(), reader.toString());
      EtcdResponse<Role> readerRead = etcd.role("reader");
      assertEquals(200, readerRead.status());
      assertEquals("reader", readerRead.body().name());
      assertEquals(List.of("/data/*"), readerRead.body().permissions().read());
      assertEquals(List.of(), readerRead.body().permissions().write());

      EtcdResponse<Role> granted =
          etcd.putRole(
              "reader", RoleRequest.grant("reader", Permissions.write("/data/*", "/logs/*")));
      assertEquals(200, granted.status(), granted.toString());
      assertEquals(List.of("/data/*", "/logs/*"), etcd.role("reader").body().permissions().write());
      EtcdResponse<Role> revoked =
          etcd.putRole("reader", RoleRequest.revoke("reader", Permissions.write("/logs/*")));
      assertEquals(200, revoked.status(), revoked.toString());
      assertEquals(List.of("/data/*"), etcd.role("reader").body().permissions().write());

      assertEquals(
          201,
          etcd.putRole(
                  "writer",
                  RoleRequest.create("writer", Permissions.of(List.of(), List.of("/out/*"))))
              .status());
      EtcdResponse<RoleList> roles = etcd.roles();
      assertEquals(200, roles.status());
      assertTrue(
          roleNames(roles.body().roles()).containsAll(List.of("reader", "writer")),
          roles.toString());
      Role listedWriter =
          roles.body().roles().get(roleNames(roles.body().roles()).indexOf("writer"));
      assertEquals(List.of("/out/*"), listedWriter.permissions().write());

      EtcdResponse<User> bob = etcd.putUser("bob", UserRequest.create("bob", "pw", "reader"));
      assertTrue(bob.isSuccessful(), bob.toString());
      EtcdResponse<User> bobRead = etcd.user("bob");
      assertEquals(200, bobRead.status());
      assertEquals("bob", bobRead.body().name());
      assertEquals(List.of("reader"), bobRead.body().roleNames());
      assertEquals(
          List.of("/data/*"),
          bobRead.body().roles().get(0).permissions().read(),
          "GET user carries each role's permissions");

      EtcdResponse<User> bobGranted = etcd.putUser("bob", UserRequest.grant("bob", "writer"));
      assertEquals(200, bobGranted.status(), bobGranted.toString());
      assertEquals(List.of("reader", "writer"), sorted(etcd.user("bob").body().roleNames()));
      EtcdResponse<User> bobRevoked = etcd.putUser("bob", UserRequest.revoke("bob", "reader"));
      assertEquals(200, bobRevoked.status(), bobRevoked.toString());
      assertEquals(List.of("writer"), etcd.user("bob").body().roleNames());

      assertEquals(
          201, etcd.requests().putUser("carol", UserRequest.create("carol", "pw")).send().status());
      EtcdResponse<UserList> users = etcd.users();
      assertEquals(200, users.status());
      List<String> userNames = new ArrayList<>();
      for (User user : users.body().users()) userNames.add(user.name());
      assertEquals(List.of("bob", "carol"), sorted(userNames));
      assertEquals(
          List.of("writer"), users.body().users().get(userNames.indexOf("bob")).roleNames());

      EtcdResponse<Void> deletedUser = etcd.deleteUser("bob");
      assertEquals(200, deletedUser.status(), deletedUser.toString());
      EtcdResponse<User> gone = etcd.user("bob");
      assertEquals(404, gone.status());
      assertNull(gone.body());
      assertNotNull(gone.error().message(), gone.toString());
      assertEquals(404, etcd.deleteUser("bob").status());

      EtcdResponse<Void> deletedRole = etcd.deleteRole("reader");
      assertEquals(200, deletedRole.status(), deletedRole.toString());
      assertEquals(404, etcd.role("reader").status());
      assertFalse(roleNames(etcd.roles().body().roles()).contains("reader"));
      assertEquals(404, etcd.requests().deleteRole("reader").send().status());
    }
  }

  private static EtcdClient client(LocalEtcd server, String user, String password) {
    EtcdClient.Builder builder = EtcdClient.builder().host(server.clientUrl());
    if (user != null) builder.auth(user, password);
    return builder.build();
  }

  private static List<String> roleNames(List<Role> roles) {
    List<String> names = new ArrayList<>();
    for (Role role : roles) names.add(role.name());
    return names;
  }

  private static List<String> sorted(List<String> names) {
    List<String> copy = new ArrayList<>(names);
    copy.sort(null);
    return copy;
  }
}
