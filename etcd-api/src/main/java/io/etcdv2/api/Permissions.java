package io.etcdv2.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Key permissions of a role: {@code {"kv":{"read":["/app/*"],"write":["/app/*"]}}}. Patterns are
 * keys, or prefixes ending in {@code *}.
 */
public final class Permissions {
  private final Kv kv;

  private Permissions(Kv kv) {
    this.kv = kv;
  }

  /** Read and write access to the same patterns. */
  public static Permissions readWrite(String... patterns) {
    return of(Arrays.asList(patterns), Arrays.asList(patterns));
  }

  /** Read-only access. */
  public static Permissions read(String... patterns) {
    return of(Arrays.asList(patterns), Collections.<String>emptyList());
  }

  /** Write-only access. */
  public static Permissions write(String... patterns) {
    return of(Collections.<String>emptyList(), Arrays.asList(patterns));
  }

  public static Permissions of(List<String> read, List<String> write) {
    if (read == null) throw new NullPointerException("read == null");
    if (write == null) throw new NullPointerException("write == null");
    return new Permissions(new Kv(copy(read, "read"), copy(write, "write")));
  }

  private static List<String> copy(List<String> patterns, String name) {
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i) == null) throw new NullPointerException(name + "[" + i + "] == null");
    }
    return Collections.unmodifiableList(new ArrayList<>(patterns));
  }

  public List<String> read() {
    return kv == null || kv.read == null ? Collections.<String>emptyList() : kv.read;
  }

  public List<String> write() {
    return kv == null || kv.write == null ? Collections.<String>emptyList() : kv.write;
  }

  @Override
  public String toString() {
    return "Permissions{read=" + read() + ", write=" + write() + '}';
  }

  static final class Kv {
    List<String> read;
    List<String> write;

    Kv() {}

    Kv(List<String> read, List<String> write) {
      this.read = read;
      this.write = write;
    }
  }
}
