package io.etcdv2.runtime;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Key normalisation as lua-resty-etcd does it, and percent-encoding of the result for a URL path.
 */
final class Keys {
  private static final Charset UTF_8 = Charset.forName("UTF-8");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Keys() {}

  /**
   * {@code key} with a leading {@code /}, no empty or {@code .} segments and no trailing {@code /};
   * {@code ..} pops the segment before it and never climbs above the root. The root is {@code /}.
   */
  static String normalize(String key) {
    if (isNormal(key)) return key; // the usual case, without splitting and joining it
    List<String> segments = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= key.length(); i++) {
      if (i == key.length() || key.charAt(i) == '/') {
        String segment = key.substring(start, i);
        start = i + 1;
        if (segment.isEmpty() || segment.equals(".")) continue;
        if (segment.equals("..")) {
          if (!segments.isEmpty()) segments.remove(segments.size() - 1);
          continue;
        }
        segments.add(segment);
      }
    }
    if (segments.isEmpty()) return "/";
    StringBuilder out = new StringBuilder(key.length() + 1);
    for (String segment : segments) out.append('/').append(segment);
    return out.toString();
  }

  /** Whether {@link #normalize} would return {@code key} unchanged. */
  private static boolean isNormal(String key) {
    int length = key.length();
    if (length == 0 || key.charAt(0) != '/') return false;
    if (length == 1) return true; // the root
    int start = 1;
    for (int i = 1; i <= length; i++) {
      if (i < length && key.charAt(i) != '/') continue;
      int segment = i - start;
      if (segment == 0) return false; // "//" or a trailing "/"
      if (key.charAt(start) == '.'
          && (segment == 1 || (segment == 2 && key.charAt(start + 1) == '.'))) {
        return false;
      }
      start = i + 1;
    }
    return true;
  }

  /**
   * A normalised key with each segment percent-encoded as UTF-8, keeping only RFC 3986's unreserved
   * characters: etcd decodes the path, so {@code ?}, {@code #}, {@code %}, {@code +}, spaces and
   * non-ASCII text round-trip.
   */
  static String encodePath(String normalized) {
    if (needsNoEncoding(normalized)) return normalized;
    StringBuilder out = new StringBuilder(normalized.length() + 16);
    byte[] bytes = normalized.getBytes(UTF_8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c) || c == '/') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean needsNoEncoding(String normalized) {
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      if (!isUnreserved(c) && c != '/') return false;
    }
    return true;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** The key {@link #encodePath} encoded. */
  static String decodePath(String encoded) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return new String(bytes.toByteArray(), UTF_8);
  }
}
