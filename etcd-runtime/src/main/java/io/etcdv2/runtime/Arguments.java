package io.etcdv2.runtime;

/** Argument rules shared by the builder and generated conveniences; messages name the argument. */
final class Arguments {
  private Arguments() {}

  static long checkTtl(long ttl, String argument) {
    if (ttl != -1 && ttl < 1) {
      throw new IllegalArgumentException(
          argument + " must be -1 (no TTL) or at least 1 second but was " + ttl);
    }
    return ttl;
  }

  static long checkTimeout(long seconds, String argument) {
    if (seconds < 0) {
      throw new IllegalArgumentException(
          argument + " must be 0 (no limit) or more seconds but was " + seconds);
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
}
