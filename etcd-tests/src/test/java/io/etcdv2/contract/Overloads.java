package io.etcdv2.contract;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import io.etcdv2.api.PeerUrls;
import io.etcdv2.api.Permissions;
import io.etcdv2.api.RoleRequest;
import io.etcdv2.api.UserRequest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Every public convenience overload of the generated {@link EtcdClient}, with the request it must
 * send for the key {@code /k}. The expected query and form parameters follow the endpoint's
 * parameter order in {@code EtcdApi}; etcd itself does not care about their order. JSON bodies are
 * as Moshi writes them, fields in name order; etcd does not care about that order either.
 */
final class Overloads {
  private Overloads() {}

  static final String FORM = "application/x-www-form-urlencoded";

  /** What Retrofit's Moshi converter labels a {@code @Body}; etcd's members API requires JSON. */
  static final String JSON = "application/json; charset=UTF-8";

  /** The member id, user and role the table's overloads name. */
  static final String MEMBER_ID = "8e9e05c52164694d";

  static final String PEER_URL = "http://127.0.0.1:2380";
  static final String PEER_JSON = "{\"peerURLs\":[\"http://127.0.0.1:2380\"]}";
  static final String APP_KV = "{\"kv\":{\"read\":[\"/app/*\"],\"write\":[\"/app/*\"]}}";

  /**
   * One overload.
   *
   * @param signature as {@link #signatureOf} prints it
   * @param operation the name the client gives the operation in errors
   * @param keyed whether it takes a key (the invoker's second argument)
   * @param rootKey whether the key may be the root {@code /}
   * @param path the exact path and query sent for key {@code /k}
   * @param body the exact body sent, or null for a request without a body
   * @param contentType the body's exact Content-Type, or null for none
   */
  record Overload(
      String signature,
      String operation,
      boolean keyed,
      boolean rootKey,
      BiFunction<EtcdClient, String, EtcdResponse<?>> invoke,
      String method,
      String path,
      String body,
      String contentType) {
    EtcdResponse<?> call(EtcdClient client, String key) {
      return invoke.apply(client, key);
    }

    @Override
    public String toString() {
      return signature;
    }
  }

  static List<Overload> all() {
    List<Overload> all = new ArrayList<>();
    // GET v2/keys{key}: recursive, sorted, quorum, wait, waitIndex
    all.add(read("get(String)", "get", (c, k) -> c.get(k), "/v2/keys/k"));
    all.add(read("readdir(String)", "readdir", (c, k) -> c.readdir(k), "/v2/keys/k"));
    all.add(
        read(
            "readdir(String, boolean)",
            "readdir",
            (c, k) -> c.readdir(k, true),
            "/v2/keys/k?recursive=true"));
    all.add(
        read(
            "read(String, boolean, boolean, boolean)",
            "read",
            (c, k) -> c.read(k, true, true, true),
            "/v2/keys/k?recursive=true&sorted=true&quorum=true"));
    all.add(read("wait(String)", "wait", (c, k) -> c.wait(k), "/v2/keys/k?wait=true"));
    all.add(
        read(
            "wait(String, long)",
            "wait",
            (c, k) -> c.wait(k, 7),
            "/v2/keys/k?wait=true&waitIndex=7"));
    all.add(
        read(
            "wait(String, long, long)",
            "wait",
            (c, k) -> c.wait(k, 4294967296L, 3),
            "/v2/keys/k?wait=true&waitIndex=4294967296"));
    all.add(
        read(
            "waitdir(String)",
            "waitdir",
            (c, k) -> c.waitdir(k),
            "/v2/keys/k?recursive=true&wait=true"));
    all.add(
        read(
            "waitdir(String, long)",
            "waitdir",
            (c, k) -> c.waitdir(k, 7),
            "/v2/keys/k?recursive=true&wait=true&waitIndex=7"));
    all.add(
        read(
            "waitdir(String, long, long)",
            "waitdir",
            (c, k) -> c.waitdir(k, 0, 3),
            "/v2/keys/k?recursive=true&wait=true&waitIndex=0"));

    // PUT v2/keys{key}, form: value, ttl, dir, prevExist, prevIndex, prevValue, refresh, ...
    all.add(write("set(String, Object)", "set", (c, k) -> c.set(k, "abc"), "value=%22abc%22"));
    all.add(
        write(
            "set(String, Object, long)",
            "set",
            (c, k) -> c.set(k, "abc", 10),
            "value=%22abc%22&ttl=10"));
    all.add(
        write(
            "setnx(String, Object)",
            "setnx",
            (c, k) -> c.setnx(k, "abc"),
            "value=%22abc%22&prevExist=false"));
    all.add(
        write(
            "setnx(String, Object, long)",
            "setnx",
            (c, k) -> c.setnx(k, "abc", 10),
            "value=%22abc%22&ttl=10&prevExist=false"));
    all.add(
        write(
            "setx(String, Object)",
            "setx",
            (c, k) -> c.setx(k, "abc"),
            "value=%22abc%22&prevExist=true"));
    all.add(
        write(
            "setx(String, Object, long)",
            "setx",
            (c, k) -> c.setx(k, "abc", 10),
            "value=%22abc%22&ttl=10&prevExist=true"));
    all.add(
        write(
            "setx(String, Object, long, long)",
            "setx",
            (c, k) -> c.setx(k, "abc", 10, 4294967297L),
            "value=%22abc%22&ttl=10&prevExist=true&prevIndex=4294967297"));
    all.add(write("mkdir(String)", "mkdir", (c, k) -> c.mkdir(k), "dir=true"));
    all.add(write("mkdir(String, long)", "mkdir", (c, k) -> c.mkdir(k, 10), "ttl=10&dir=true"));
    all.add(
        write("mkdirnx(String)", "mkdirnx", (c, k) -> c.mkdirnx(k), "dir=true&prevExist=false"));
    all.add(
        write(
            "mkdirnx(String, long)",
            "mkdirnx",
            (c, k) -> c.mkdirnx(k, 10),
            "ttl=10&dir=true&prevExist=false"));
    // PUT v2/keys{key} declared apart as refreshKey, form: ttl, refresh, prevExist
    all.add(
        write(
            "refresh(String, long)",
            "refresh",
            (c, k) -> c.refresh(k, 10),
            "ttl=10&refresh=true&prevExist=true"));
    all.add(
        write(
            "compareAndSwap(String, Object, Object)",
            "compareAndSwap",
            (c, k) -> c.compareAndSwap(k, "abc", "old"),
            "value=%22abc%22&prevValue=%22old%22"));
    all.add(
        write(
            "compareAndSwap(String, Object, Object, long)",
            "compareAndSwap",
            (c, k) -> c.compareAndSwap(k, "abc", "old", 10),
            "value=%22abc%22&ttl=10&prevValue=%22old%22"));
    all.add(
        write(
            "compareAndSwapIndex(String, Object, long)",
            "compareAndSwapIndex",
            (c, k) -> c.compareAndSwapIndex(k, "abc", 4294967297L),
            "value=%22abc%22&prevIndex=4294967297"));
    all.add(
        write(
            "compareAndSwapIndex(String, Object, long, long)",
            "compareAndSwapIndex",
            (c, k) -> c.compareAndSwapIndex(k, "abc", 7, 10),
            "value=%22abc%22&ttl=10&prevIndex=7"));

    // POST v2/keys{key}, form: value, ttl
    all.add(
        new Overload(
            "push(String, Object)",
            "push",
            true,
            true,
            (c, k) -> c.push(k, "job"),
            "POST",
            "/v2/keys/k",
            "value=%22job%22",
            FORM));
    all.add(
        new Overload(
            "push(String, Object, long)",
            "push",
            true,
            true,
            (c, k) -> c.push(k, "job", 10),
            "POST",
            "/v2/keys/k",
            "value=%22job%22&ttl=10",
            FORM));

    // DELETE v2/keys{key}: dir, recursive, prevValue, prevIndex
    all.add(delete("delete(String)", "delete", (c, k) -> c.delete(k), "/v2/keys/k"));
    all.add(
        delete(
            "delete(String, Object)",
            "delete",
            (c, k) -> c.delete(k, "v"),
            "/v2/keys/k?prevValue=%22v%22"));
    all.add(
        delete(
            "delete(String, Object, long)",
            "delete",
            (c, k) -> c.delete(k, "v", 5),
            "/v2/keys/k?prevValue=%22v%22&prevIndex=5"));
    all.add(delete("rmdir(String)", "rmdir", (c, k) -> c.rmdir(k), "/v2/keys/k?dir=true"));
    all.add(
        delete(
            "rmdir(String, boolean)",
            "rmdir",
            (c, k) -> c.rmdir(k, true),
            "/v2/keys/k?dir=true&recursive=true"));
    all.add(
        delete(
            "compareAndDelete(String, Object)",
            "compareAndDelete",
            (c, k) -> c.compareAndDelete(k, "v"),
            "/v2/keys/k?prevValue=%22v%22"));
    all.add(
        delete(
            "compareAndDeleteIndex(String, long)",
            "compareAndDeleteIndex",
            (c, k) -> c.compareAndDeleteIndex(k, 4294967297L),
            "/v2/keys/k?prevIndex=4294967297"));

    // Cluster: not under /v2/keys, no key.
    all.add(unkeyed("version()", "version", (c, k) -> c.version(), "/version"));
    all.add(unkeyed("health()", "health", (c, k) -> c.health(), "/health"));
    all.add(unkeyed("machines()", "machines", (c, k) -> c.machines(), "/v2/machines"));
    all.add(unkeyed("statsLeader()", "statsLeader", (c, k) -> c.statsLeader(), "/v2/stats/leader"));
    all.add(unkeyed("statsSelf()", "statsSelf", (c, k) -> c.statsSelf(), "/v2/stats/self"));
    all.add(unkeyed("statsStore()", "statsStore", (c, k) -> c.statsStore(), "/v2/stats/store"));
    all.add(unkeyed("members()", "members", (c, k) -> c.members(), "/v2/members"));
    all.add(unkeyed("leader()", "leader", (c, k) -> c.leader(), "/v2/members/leader"));
    all.add(
        json(
            "addMember(PeerUrls)",
            "addMember",
            (c, k) -> c.addMember(PeerUrls.of(PEER_URL)),
            "POST",
            "/v2/members",
            PEER_JSON));
    all.add(
        json(
            "updateMember(String, PeerUrls)",
            "updateMember",
            (c, k) -> c.updateMember(MEMBER_ID, PeerUrls.of(PEER_URL, "http://10.0.0.4:2380")),
            "PUT",
            "/v2/members/" + MEMBER_ID,
            "{\"peerURLs\":[\"http://127.0.0.1:2380\",\"http://10.0.0.4:2380\"]}"));
    all.add(
        new Overload(
            "removeMember(String)",
            "removeMember",
            false,
            true,
            (c, k) -> c.removeMember(MEMBER_ID),
            "DELETE",
            "/v2/members/" + MEMBER_ID,
            null,
            null));

    // Auth.
    all.add(unkeyed("authStatus()", "authStatus", (c, k) -> c.authStatus(), "/v2/auth/enable"));
    // Retrofit sends a PUT without @Body with an empty body: Content-Length 0, no Content-Type.
    all.add(
        new Overload(
            "enableAuth()",
            "enableAuth",
            false,
            true,
            (c, k) -> c.enableAuth(),
            "PUT",
            "/v2/auth/enable",
            "",
            null));
    all.add(
        new Overload(
            "disableAuth()",
            "disableAuth",
            false,
            true,
            (c, k) -> c.disableAuth(),
            "DELETE",
            "/v2/auth/enable",
            null,
            null));
    all.add(unkeyed("users()", "users", (c, k) -> c.users(), "/v2/auth/users"));
    all.add(unkeyed("user(String)", "user", (c, k) -> c.user("alice"), "/v2/auth/users/alice"));
    all.add(
        json(
            "putUser(String, UserRequest)",
            "putUser",
            (c, k) -> c.putUser("alice", UserRequest.create("alice", "pw", "app")),
            "PUT",
            "/v2/auth/users/alice",
            "{\"password\":\"pw\",\"roles\":[\"app\"],\"user\":\"alice\"}"));
    all.add(
        new Overload(
            "deleteUser(String)",
            "deleteUser",
            false,
            true,
            (c, k) -> c.deleteUser("alice"),
            "DELETE",
            "/v2/auth/users/alice",
            null,
            null));
    all.add(unkeyed("roles()", "roles", (c, k) -> c.roles(), "/v2/auth/roles"));
    all.add(unkeyed("role(String)", "role", (c, k) -> c.role("app"), "/v2/auth/roles/app"));
    all.add(
        json(
            "putRole(String, RoleRequest)",
            "putRole",
            (c, k) -> c.putRole("app", RoleRequest.create("app", Permissions.readWrite("/app/*"))),
            "PUT",
            "/v2/auth/roles/app",
            "{\"permissions\":" + APP_KV + ",\"role\":\"app\"}"));
    all.add(
        new Overload(
            "deleteRole(String)",
            "deleteRole",
            false,
            true,
            (c, k) -> c.deleteRole("app"),
            "DELETE",
            "/v2/auth/roles/app",
            null,
            null));
    return all;
  }

  static List<Overload> keyed() {
    return all().stream().filter(Overload::keyed).collect(Collectors.toList());
  }

  /**
   * The overloads that refuse the root key: set, setnx, setx, mkdir, mkdirnx, refresh,
   * compareAndSwap, compareAndSwapIndex.
   */
  static List<Overload> rootless() {
    return all().stream().filter(o -> !o.rootKey()).collect(Collectors.toList());
  }

  /**
   * The signatures of every public method of {@link EtcdClient} that returns a response, those it
   * inherits from the generated {@code AbstractEtcdClient} included.
   */
  static SortedSet<String> clientSignatures() {
    TreeSet<String> signatures = new TreeSet<>();
    for (Method method : EtcdClient.class.getMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && method.getReturnType() == EtcdResponse.class) {
        signatures.add(signatureOf(method));
      }
    }
    return signatures;
  }

  static String signatureOf(Method method) {
    return method.getName()
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private static Overload read(
      String signature,
      String operation,
      BiFunction<EtcdClient, String, EtcdResponse<?>> invoke,
      String path) {
    return new Overload(signature, operation, true, true, invoke, "GET", path, null, null);
  }

  private static Overload write(
      String signature,
      String operation,
      BiFunction<EtcdClient, String, EtcdResponse<?>> invoke,
      String body) {
    return new Overload(signature, operation, true, false, invoke, "PUT", "/v2/keys/k", body, FORM);
  }

  private static Overload delete(
      String signature,
      String operation,
      BiFunction<EtcdClient, String, EtcdResponse<?>> invoke,
      String path) {
    return new Overload(signature, operation, true, true, invoke, "DELETE", path, null, null);
  }

  private static Overload unkeyed(
      String signature,
      String operation,
      BiFunction<EtcdClient, String, EtcdResponse<?>> invoke,
      String path) {
    return new Overload(signature, operation, false, true, invoke, "GET", path, null, null);
  }

  private static Overload json(
      String signature,
      String operation,
      BiFunction<EtcdClient, String, EtcdResponse<?>> invoke,
      String method,
      String path,
      String body) {
    return new Overload(signature, operation, false, true, invoke, method, path, body, JSON);
  }
}
