package io.etcdv2.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What etcd's HTTP layer inherits from Go's net/http and net/url, redone so that the fake answers
 * the same: percent-decoding of paths and forms, form parsing, path cleaning, URL escaping, and
 * strconv's number and boolean syntax.
 */
final class GoHttp {
  private GoHttp() {}

  /** An input Go rejects, with Go's message. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  /** url.PathUnescape: {@code %XX} decoded, {@code +} kept. */
  static String unescapePath(String s) throws SyntaxError {
    return unescape(s, false);
  }

  /** url.QueryUnescape: {@code %XX} decoded, {@code +} is a space. */
  static String unescapeQuery(String s) throws SyntaxError {
    return unescape(s, true);
  }

  private static String unescape(String s, boolean plusIsSpace) throws SyntaxError {
    if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) return s;
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '%') {
        if (i + 2 >= in.length || hex(in[i + 1]) < 0 || hex(in[i + 2]) < 0) {
          int end = Math.min(in.length, i + 3);
          String bad = new String(in, i, end - i, StandardCharsets.UTF_8);
          throw new SyntaxError("invalid URL escape " + quote(bad));
        }
        out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
        i += 2;
      } else if (b == '+' && plusIsSpace) {
        out.write(' ');
      } else {
        out.write(b);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  /** strconv.Quote for the short strings in error messages. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20 || c == 0x7f) out.append(String.format("\\x%02x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }

  /**
   * url.ParseQuery into {@code into}: every pair it can parse is kept, and the first error is
   * thrown after all were read, as Go returns it.
   */
  static void parseQuery(String query, Map<String, List<String>> into) throws SyntaxError {
    SyntaxError first = null;
    while (!query.isEmpty()) {
      int amp = query.indexOf('&');
      String pair = amp < 0 ? query : query.substring(0, amp);
      query = amp < 0 ? "" : query.substring(amp + 1);
      if (pair.indexOf(';') >= 0) {
        if (first == null) first = new SyntaxError("invalid semicolon separator in query");
        continue;
      }
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      try {
        String key = unescapeQuery(eq < 0 ? pair : pair.substring(0, eq));
        String value = unescapeQuery(eq < 0 ? "" : pair.substring(eq + 1));
        into.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      } catch (SyntaxError e) {
        if (first == null) first = e;
      }
    }
    if (first != null) throw first;
  }

  static Map<String, List<String>> newForm() {
    return new LinkedHashMap<>();
  }

  /** path.Clean: the shortest lexically equal path. */
  static String clean(String path) {
    if (path.isEmpty()) return ".";
    boolean rooted = path.charAt(0) == '/';
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!rooted) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(part);
    }
    String joined = String.join("/", parts);
    if (rooted) return "/" + joined;
    return joined.isEmpty() ? "." : joined;
  }

  /** net/http's cleanPath, which ServeMux redirects to when a request path differs from it. */
  static String cleanPath(String p) {
    if (p.isEmpty()) return "/";
    if (p.charAt(0) != '/') p = "/" + p;
    String np = clean(p);
    if (p.endsWith("/") && !np.equals("/")) np = np + "/";
    return np;
  }

  /** url.URL{Path: path}.EscapedPath(). */
  static String escapePath(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean keep =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-_.~$&+,/:;=@".indexOf(c) >= 0;
      if (keep) out.append((char) c);
      else
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
    }
    return out.toString();
  }

  /** http.Redirect's escaping of the URL in its HTML body. */
  static String htmlEscape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&#34;")
        .replace("'", "&#39;");
  }

  /** strconv.ParseUint(s, 10, 64), as an unsigned long. */
  static long parseUint64(String s) throws SyntaxError {
    if (s.isEmpty()) throw new SyntaxError("invalid syntax");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') throw new SyntaxError("invalid syntax");
    }
    try {
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      throw new SyntaxError("value out of range");
    }
  }

  /** strconv.ParseBool. */
  static boolean parseBool(String s) throws SyntaxError {
    switch (s) {
      case "1":
      case "t":
      case "T":
      case "TRUE":
      case "true":
      case "True":
        return true;
      case "0":
      case "f":
      case "F":
      case "FALSE":
      case "false":
      case "False":
        return false;
      default:
        throw new SyntaxError("invalid syntax");
    }
  }
}
