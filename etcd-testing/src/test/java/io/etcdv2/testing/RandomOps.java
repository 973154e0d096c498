package io.etcdv2.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random operations over a small key space under one directory: every kind of write, read and past
 * watch, conditions that hold and fail, TTLs long enough never to expire during a sequence, and now
 * and then a malformed parameter. {@code {+k}} in an index stands for the base plus k.
 */
final class RandomOps {
  private static final String[] KEYS = {"a", "b", "d/a", "d/b", "d/e/f", "_h", "d/_h", "q"};
  private static final String[] DIRS = {"d", "d/e", "q", ""};
  private static final String[] VALUES = {"x", "y", "", "z+w", "x"};
  private static final String[] TTLS = {"", "", "", "&ttl=1000", "&ttl="};
  private static final String[] BAD = {
    "ttl=abc",
    "prevIndex=x",
    "prevValue=",
    "dir=2",
    "recursive=maybe",
    "waitIndex=-1",
    "refresh=true",
    "refresh=true&ttl=5&value=v"
  };

  private RandomOps() {}

  static List<Op> generate(Random random, String prefix, int count) {
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < count; i++) ops.add(one(random, prefix, i));
    return ops;
  }

  private static Op one(Random r, String prefix, int position) {
    String key = prefix + "/" + pick(r, KEYS);
    String dir = prefix + (r.nextInt(4) == 0 ? "" : "/" + pick(r, DIRS)).replaceAll("/$", "");
    String value = "value=" + pick(r, VALUES);
    String extra = (r.nextInt(10) == 0 ? "&noValueOnSuccess=true" : "");
    // Mostly an index already passed (about half the operations change something).
    String index = "{+" + (1 + r.nextInt(position / 2 + 2)) + "}";
    String pastIndex = "{+" + r.nextInt(position / 4 + 1) + "}";
    int kind = r.nextInt(100);
    if (kind < 16) {
      String body = r.nextInt(8) == 0 ? "dir=true" : value;
      return Op.form("PUT", "/v2/keys" + key, body + pick(r, TTLS) + extra);
    } else if (kind < 24) {
      String body = r.nextInt(5) == 0 ? "dir=true" : value;
      return Op.form("PUT", "/v2/keys" + key, body + "&prevExist=false" + pick(r, TTLS) + extra);
    } else if (kind < 32) {
      String body = r.nextInt(8) == 0 ? "dir=true" : r.nextInt(6) == 0 ? "value=" : value;
      String target = r.nextInt(4) == 0 ? dir : key;
      return Op.form("PUT", "/v2/keys" + target, body + "&prevExist=true" + pick(r, TTLS) + extra);
    } else if (kind < 42) {
      String condition =
          r.nextInt(3) == 0
              ? "prevIndex=" + index
              : r.nextInt(2) == 0
                  ? "prevValue=" + pick(r, VALUES).replace("z+w", "x")
                  : "prevValue=x&prevIndex=" + index;
      if (condition.equals("prevValue=")) condition = "prevValue=y";
      return Op.form(
          "PUT",
          "/v2/keys" + key,
          value
              + "&"
              + condition
              + (r.nextInt(4) == 0 ? "&prevExist=true" : "")
              + pick(r, TTLS)
              + extra);
    } else if (kind < 46) {
      String target = r.nextInt(4) == 0 ? dir : key;
      return Op.form(
          "PUT",
          "/v2/keys" + target,
          "refresh=true&ttl=1000" + (r.nextInt(2) == 0 ? "&prevExist=true" : ""));
    } else if (kind < 52) {
      String body = r.nextInt(8) == 0 ? "dir=true" : value;
      return Op.form("POST", "/v2/keys" + dir, body + (r.nextInt(5) == 0 ? "&ttl=1000" : ""));
    } else if (kind < 60) {
      String target = r.nextInt(3) == 0 ? dir : key;
      String query = r.nextInt(3) == 0 ? "?dir=true" : r.nextInt(3) == 0 ? "?recursive=true" : "";
      return Op.of("DELETE", "/v2/keys" + target + query);
    } else if (kind < 66) {
      String condition =
          r.nextInt(2) == 0
              ? "prevIndex=" + index
              : "prevValue=" + pick(r, new String[] {"x", "y", "z+w"});
      String target = r.nextInt(5) == 0 ? dir : key;
      return Op.of("DELETE", "/v2/keys" + target + "?" + condition);
    } else if (kind < 90) {
      String target = r.nextInt(2) == 0 ? dir : key;
      StringBuilder query = new StringBuilder();
      if (r.nextBoolean()) query.append("&recursive=true");
      if (r.nextBoolean()) query.append("&sorted=true");
      if (r.nextInt(6) == 0) query.append("&quorum=true");
      return Op.get("/v2/keys" + target + (query.length() == 0 ? "" : "?" + query.substring(1)));
    } else if (kind < 96) {
      // Waits that answer from the history; one that would block costs a probe's time.
      boolean onPrefix = r.nextInt(10) < 7;
      String target = onPrefix ? prefix : r.nextBoolean() ? key : dir;
      String recursive = onPrefix || r.nextBoolean() ? "&recursive=true" : "";
      return Op.get("/v2/keys" + target + "?wait=true&waitIndex=" + pastIndex + recursive);
    } else {
      String target = r.nextBoolean() ? key : dir;
      String method = r.nextBoolean() ? "PUT" : "GET";
      String bad = pick(r, BAD);
      return method.equals("GET")
          ? Op.get("/v2/keys" + target + "?" + bad)
          : Op.form("PUT", "/v2/keys" + target, bad);
    }
  }

  private static String pick(Random r, String[] options) {
    return options[r.nextInt(options.length)];
  }
}
