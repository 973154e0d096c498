package io.etcdv2.runtime;

/** Argument rules shared by the builder and generated conveniences; messages name the argument. */
final class Arguments {
  /**
   * The last second etcd can store as an expiry: it keeps expiry times as nanoseconds since 1970 in
   * a signed 64-bit number, which ends on 2262-04-11. A TTL reaching past it is stored as no TTL at
   * all (probed on etcd 3.4: 7,500,000,000 s in 2026 keeps the key forever).
   */
  static final long LAST_EXPIRY_EPOCH_SECOND = Long.MAX_VALUE / 1_000_000_000L;

  /** OkHttp counts call timeouts in int milliseconds. */
  static final long MAX_TIMEOUT_SECONDS = Integer.MAX_VALUE / 1000;

  private Arguments() {}

  static long checkTtl(long ttl, String argument) {
    if (ttl != -1 && ttl < 1) {
      throw new IllegalArgumentException(
          argument + " must be -1 (no TTL) or at least 1 second but was " + ttl);
    }
    long max = maxTtl();
    if (ttl > max) {
      throw new IllegalArgumentException(
          argument
              + " must be at most "
              + max
              + " seconds but was "
              + ttl
              + ": etcd stores expiry times as nanoseconds since 1970, which end in April 2262,"
              + " and silently keeps a key forever past that; use -1 for no TTL");
    }
    return ttl;
  }

  /** The largest TTL etcd still honours now, with a day's margin for the members' clocks. */
  static long maxTtl() {
    return LAST_EXPIRY_EPOCH_SECOND - System.currentTimeMillis() / 1000 - 86_400;
  }

  static long checkTimeout(long seconds, String argument) {
    if (seconds < 0) {
      throw new IllegalArgumentException(
          argument + " must be 0 (no limit) or more seconds but was " + seconds);
    }
    if (seconds > MAX_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException(
          argument
              + " must be at most "
              + MAX_TIMEOUT_SECONDS
              + " seconds (OkHttp counts timeouts in int milliseconds) but was "
              + seconds
              + "; use 0 for no limit");
    }
    return seconds;
  }

  static long checkIndex(long index, String argument) {
    if (index < 0) {
      throw new IllegalArgumentException(argument + " must be 0 or more but was " + index);
    }
    return index;
  }

  static long checkPositive(long number, String argument) {
    if (number < 1) {
      throw new IllegalArgumentException(argument + " must be 1 or more but was " + number);
    }
    return number;
  }

  static <T> T checkNotNull(T value, String argument) {
    if (value == null) throw new NullPointerException(argument + " == null");
    return value;
  }

  /**
   * Refuses text with a lone UTF-16 surrogate: UTF-8 cannot encode it, so it would go out as {@code
   * ?}, and two different keys would write the same one.
   */
  static String checkWellFormed(String text, String argument) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) continue;
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a pair: one supplementary character
        continue;
      }
      throw new IllegalArgumentException(
          argument
              + " has a lone UTF-16 surrogate \\u"
              + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
              + " at index "
              + i
              + ", which UTF-8 cannot encode (it would be sent as '?'); pass well-formed text");
    }
    return text;
  }
}
