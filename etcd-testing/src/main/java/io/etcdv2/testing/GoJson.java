package io.etcdv2.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The bits of Go's encoding/json and time formatting that etcd's answers show. */
final class GoJson {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private GoJson() {}

  /** A JSON string as Go's encoder writes it, HTML-safe escapes included. */
  static StringBuilder string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"');
  }

  static String string(String s) {
    return string(new StringBuilder(), s).toString();
  }

  /** time.Time's RFC3339Nano in UTC: trailing zeros of the fraction dropped. */
  static String time(long epochNanos) {
    long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
    int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
    StringBuilder out = new StringBuilder(SECONDS.format(Instant.ofEpochSecond(seconds)));
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') end--;
      out.append('.').append(fraction, 0, end);
    }
    return out.append('Z').toString();
  }

  /** time.Duration's String(), such as {@code 1.5s} or {@code 2m3.000000001s}. */
  static String duration(long nanos) {
    if (nanos == 0) return "0s";
    StringBuilder out = new StringBuilder();
    if (nanos < 0) {
      out.append('-');
      nanos = -nanos;
    }
    if (nanos < 1_000_000_000L) {
      // Go prints sub-second durations in ns, µs or ms.
      String[] units = {"ns", "µs", "ms"};
      long scale = 1;
      int unit = 0;
      while (unit < 2 && nanos >= scale * 1000) {
        scale *= 1000;
        unit++;
      }
      return out.append(decimal(nanos, scale)).append(units[unit]).toString();
    }
    long hours = nanos / 3_600_000_000_000L;
    long minutes = nanos / 60_000_000_000L % 60;
    long rest = nanos % 60_000_000_000L;
    if (hours > 0) out.append(hours).append('h');
    if (hours > 0 || minutes > 0) out.append(minutes).append('m');
    return out.append(decimal(rest, 1_000_000_000L)).append('s').toString();
  }

  private static String decimal(long value, long scale) {
    long whole = value / scale;
    long fraction = value % scale;
    if (fraction == 0) return Long.toString(whole);
    int digits = Long.toString(scale).length() - 1;
    String f = String.format("%0" + digits + "d", fraction);
    int end = f.length();
    while (f.charAt(end - 1) == '0') end--;
    return whole + "." + f.substring(0, end);
  }
}
