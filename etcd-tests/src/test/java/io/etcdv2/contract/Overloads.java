package io.etcdv2.contract;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdResponse;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Every public convenience overload of the generated {@link EtcdClient}, with the request it must
 * send for the key {@code /k}. The expected query and form parameters follow the endpoint's
 * parameter order in {@code EtcdApi}; etcd itself does not care about their order.
 */
final class Overloads {
  private Overloads() {}

  static final String FORM = "application/x-www-form-urlencoded";

  /**
   * One overload.
   *
   * @param signature as {@link #signatureOf} prints it
   * @param operation the name the client gives the operation in errors
   * @param keyed whether it takes a key (the invoker's second argument)
   * @param rootKey whether the key may be the root {@code /}
   * @param path the exact path and query sent for key {@code /k}
   * @param body the exact form body sent, or null for a request without a body
   */
  record Overload(String signature, String operation, boolean keyed, boolean rootKey,
      BiFunction<EtcdClient, String, EtcdResponse<?>> invoke, String method, String path,
      String body) {
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
    all.add(read("readdir(String, boolean)", "readdir", (c, k) -> c.readdir(k, true),
        "/v2/keys/k?recursive=true"));
    all.add(read("wait(String)", "wait", (c, k) -> c.wait(k), "/v2/keys/k?wait=true"));
    all.add(read("wait(String, long)", "wait", (c, k) -> c.wait(k, 7),
        "/v2/keys/k?wait=true&waitIndex=7"));
    all.add(read("wait(String, long, long)", "wait", (c, k) -> c.wait(k, 4294967296L, 3),
        "/v2/keys/k?wait=true&waitIndex=4294967296"));
    all.add(read("waitdir(String)", "waitdir", (c, k) -> c.waitdir(k),
        "/v2/keys/k?recursive=true&wait=true"));
    all.add(read("waitdir(String, long)", "waitdir", (c, k) -> c.waitdir(k, 7),
        "/v2/keys/k?recursive=true&wait=true&waitIndex=7"));
    all.add(read("waitdir(String, long, long)", "waitdir", (c, k) -> c.waitdir(k, 0, 3),
        "/v2/keys/k?recursive=true&wait=true&waitIndex=0"));

    // PUT v2/keys{key}, form: value, ttl, dir, prevExist, prevIndex, prevValue, refresh, ...
    all.add(write("set(String, Object)", "set", (c, k) -> c.set(k, "abc"),
        "value=%22abc%22"));
    all.add(write("set(String, Object, long)", "set", (c, k) -> c.set(k, "abc", 10),
        "value=%22abc%22&ttl=10"));
    all.add(write("setnx(String, Object)", "setnx", (c, k) -> c.setnx(k, "abc"),
        "value=%22abc%22&prevExist=false"));
    all.add(write("setnx(String, Object, long)", "setnx", (c, k) -> c.setnx(k, "abc", 10),
        "value=%22abc%22&ttl=10&prevExist=false"));
    all.add(write("setx(String, Object)", "setx", (c, k) -> c.setx(k, "abc"),
        "value=%22abc%22&prevExist=true"));
    all.add(write("setx(String, Object, long)", "setx", (c, k) -> c.setx(k, "abc", 10),
        "value=%22abc%22&ttl=10&prevExist=true"));
    all.add(write("setx(String, Object, long, long)", "setx",
        (c, k) -> c.setx(k, "abc", 10, 4294967297L),
        "value=%22abc%22&ttl=10&prevExist=true&prevIndex=4294967297"));
    all.add(write("mkdir(String)", "mkdir", (c, k) -> c.mkdir(k), "dir=true"));
    all.add(write("mkdir(String, long)", "mkdir", (c, k) -> c.mkdir(k, 10), "ttl=10&dir=true"));
    all.add(write("mkdirnx(String)", "mkdirnx", (c, k) -> c.mkdirnx(k),
        "dir=true&prevExist=false"));
    all.add(write("mkdirnx(String, long)", "mkdirnx", (c, k) -> c.mkdirnx(k, 10),
        "ttl=10&dir=true&prevExist=false"));

    // POST v2/keys{key}, form: value, ttl
    all.add(new Overload("push(String, Object)", "push", true, true, (c, k) -> c.push(k, "job"),
        "POST", "/v2/keys/k", "value=%22job%22"));
    all.add(new Overload("push(String, Object, long)", "push", true, true,
        (c, k) -> c.push(k, "job", 10), "POST", "/v2/keys/k", "value=%22job%22&ttl=10"));

    // DELETE v2/keys{key}: dir, recursive, prevValue, prevIndex
    all.add(delete("delete(String)", "delete", (c, k) -> c.delete(k), "/v2/keys/k"));
    all.add(delete("delete(String, Object)", "delete", (c, k) -> c.delete(k, "v"),
        "/v2/keys/k?prevValue=%22v%22"));
    all.add(delete("delete(String, Object, long)", "delete", (c, k) -> c.delete(k, "v", 5),
        "/v2/keys/k?prevValue=%22v%22&prevIndex=5"));
    all.add(delete("rmdir(String)", "rmdir", (c, k) -> c.rmdir(k), "/v2/keys/k?dir=true"));
    all.add(delete("rmdir(String, boolean)", "rmdir", (c, k) -> c.rmdir(k, true),
        "/v2/keys/k?dir=true&recursive=true"));

    // Not under /v2/keys, no key.
    all.add(unkeyed("version()", "version", (c, k) -> c.version(), "/version"));
    all.add(unkeyed("statsLeader()", "statsLeader", (c, k) -> c.statsLeader(),
        "/v2/stats/leader"));
    all.add(unkeyed("statsSelf()", "statsSelf", (c, k) -> c.statsSelf(), "/v2/stats/self"));
    all.add(unkeyed("statsStore()", "statsStore", (c, k) -> c.statsStore(), "/v2/stats/store"));
    return all;
  }

  static List<Overload> keyed() {
    return all().stream().filter(Overload::keyed).collect(Collectors.toList());
  }

  /** The overloads that refuse the root key: set, setnx, setx, mkdir, mkdirnx. */
  static List<Overload> rootless() {
    return all().stream().filter(o -> !o.rootKey()).collect(Collectors.toList());
  }

  /** The signatures of every public method of {@link EtcdClient} that returns a response. */
  static TreeSet<String> clientSignatures() {
    TreeSet<String> signatures = new TreeSet<>();
    for (Method method : EtcdClient.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && method.getReturnType() == EtcdResponse.class) {
        signatures.add(signatureOf(method));
      }
    }
    return signatures;
  }

  static String signatureOf(Method method) {
    return method.getName() + Arrays.stream(method.getParameterTypes())
        .map(Class::getSimpleName)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static Overload read(String signature, String operation,
      BiFunction<EtcdClient, String, EtcdResponse<?>> invoke, String path) {
    return new Overload(signature, operation, true, true, invoke, "GET", path, null);
  }

  private static Overload write(String signature, String operation,
      BiFunction<EtcdClient, String, EtcdResponse<?>> invoke, String body) {
    return new Overload(signature, operation, true, false, invoke, "PUT", "/v2/keys/k", body);
  }

  private static Overload delete(String signature, String operation,
      BiFunction<EtcdClient, String, EtcdResponse<?>> invoke, String path) {
    return new Overload(signature, operation, true, true, invoke, "DELETE", path, null);
  }

  private static Overload unkeyed(String signature, String operation,
      BiFunction<EtcdClient, String, EtcdResponse<?>> invoke, String path) {
    return new Overload(signature, operation, false, true, invoke, "GET", path, null);
  }
}
