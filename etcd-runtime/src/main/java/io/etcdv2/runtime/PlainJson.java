package io.etcdv2.runtime;

/**
 * The JSON text of the commonest values, exactly as a default {@code Moshi} writes them, without
 * Moshi's writer, buffer and adapter lookup (about 600 bytes per value): whole numbers, booleans
 * and strings that need no escape. For anything else it answers null, and Moshi writes it.
 */
final class PlainJson {
  private PlainJson() {}

  /** {@code value} as JSON, or null when it is not one of the plain cases. */
  static String encode(Object value) {
    // Not Byte: Moshi writes a byte unsigned (-1 as 255).
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return value.toString();
    }
    if (value instanceof Boolean) return value.toString();
    if (value instanceof String) {
      String text = (String) value;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        // What Moshi escapes (controls, quote, backslash, U+2028, U+2029); surrogates are left to
        // it too, as its UTF-8 buffer decides what becomes of them.
        if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') return null;
        if (Character.isSurrogate(c)) return null;
      }
      return '"' + text + '"';
    }
    return null;
  }
}
