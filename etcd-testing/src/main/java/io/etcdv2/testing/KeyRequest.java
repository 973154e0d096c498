package io.etcdv2.testing;

import java.util.List;
import java.util.Map;

/**
 * A request to {@code /v2/keys} after etcd's {@code parseKeyRequest}: the same checks in the same
 * order, so the same malformed request gets the same error.
 */
final class KeyRequest {
  String method;
  String path;
  String value;
  boolean dir;
  String prevValue;
  long prevIndex;
  Boolean prevExist; // null: not given
  boolean wait;
  long waitIndex;
  boolean recursive;
  boolean sorted;
  boolean quorum;
  boolean stream;
  boolean refresh;
  boolean noValueOnSuccess;
  long expireTime; // epoch nanos; 0: no TTL

  static KeyRequest parse(String method, String path, Map<String, List<String>> form, long now)
      throws KeyError {
    KeyRequest r = new KeyRequest();
    r.method = method;
    r.path = path;
    r.prevIndex = uint(form, "prevIndex");
    r.waitIndex = uint(form, "waitIndex");
    r.recursive = bool(form, "recursive");
    r.sorted = bool(form, "sorted");
    r.wait = bool(form, "wait");
    r.dir = bool(form, "dir");
    r.quorum = bool(form, "quorum");
    r.stream = bool(form, "stream");
    if (r.wait && !method.equals("GET")) {
      throw KeyError.request(KeyError.INVALID_FIELD, "\"wait\" can only be used with GET requests");
    }
    r.prevValue = first(form, "prevValue");
    if (form.containsKey("prevValue") && r.prevValue.isEmpty()) {
      throw KeyError.request(KeyError.PREV_VALUE_REQUIRED, "\"prevValue\" cannot be empty");
    }
    r.noValueOnSuccess = bool(form, "noValueOnSuccess");
    Long ttl = null;
    if (!first(form, "ttl").isEmpty()) {
      try {
        ttl = GoHttp.parseUint64(first(form, "ttl"));
      } catch (GoHttp.SyntaxError e) {
        throw KeyError.request(KeyError.TTL_NAN, "invalid value for \"ttl\"");
      }
    }
    if (form.containsKey("prevExist")) {
      try {
        r.prevExist = GoHttp.parseBool(first(form, "prevExist"));
      } catch (GoHttp.SyntaxError e) {
        throw KeyError.request(KeyError.INVALID_FIELD, "invalid value for prevExist");
      }
    }
    if (form.containsKey("refresh")) {
      try {
        r.refresh = GoHttp.parseBool(first(form, "refresh"));
      } catch (GoHttp.SyntaxError e) {
        throw KeyError.request(KeyError.INVALID_FIELD, "invalid value for refresh");
      }
      if (r.refresh) {
        if (form.containsKey("value") && !first(form, "value").isEmpty()) {
          throw KeyError.request(KeyError.REFRESH_VALUE, "A value was provided on a refresh");
        }
        if (ttl == null) throw KeyError.request(KeyError.REFRESH_TTL_REQUIRED, "No TTL value set");
      }
    }
    r.value = first(form, "value");
    // Go: time.Duration(ttl) * time.Second, overflow and all; the store treats the past as none.
    if (ttl != null) r.expireTime = now + ttl * 1_000_000_000L;
    return r;
  }

  /** r.FormValue: the first value, body before query; "" when absent. */
  static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  private static long uint(Map<String, List<String>> form, String name) throws KeyError {
    if (!form.containsKey(name)) return 0;
    try {
      return GoHttp.parseUint64(first(form, name));
    } catch (GoHttp.SyntaxError e) {
      throw KeyError.request(KeyError.INDEX_NAN, "invalid value for \"" + name + "\"");
    }
  }

  private static boolean bool(Map<String, List<String>> form, String name) throws KeyError {
    if (!form.containsKey(name)) return false;
    try {
      return GoHttp.parseBool(first(form, name));
    } catch (GoHttp.SyntaxError e) {
      throw KeyError.request(KeyError.INVALID_FIELD, "invalid value for \"" + name + "\"");
    }
  }
}
