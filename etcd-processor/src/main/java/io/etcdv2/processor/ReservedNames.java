package io.etcdv2.processor;

import java.util.List;

/**
 * The names generated code uses itself, which the names it derives from the interface must not
 * take. Kept here, in one place, beside the code that uses them in {@link ClientWriter} and {@link
 * RequestWriter}.
 */
final class ReservedNames {
  private ReservedNames() {}

  /** The name of the argument {@code @Convenience(timeout = true)} adds. */
  static final String TIMEOUT_ARGUMENT = "timeoutSeconds";

  /**
   * Erased signatures every generated client has already: its own methods, those of {@code
   * GeneratedClient}, and Object's.
   */
  static final List<String> CLIENT_SIGNATURES =
      List.of(
          "builder()",
          "create()",
          "api()",
          "config()",
          "requests()",
          "async()",
          "watch(java.lang.String)",
          "endpoints()",
          "sync()",
          "close()",
          "toString()",
          "hashCode()",
          "equals(java.lang.Object)",
          "getClass()",
          "notify()",
          "notifyAll()",
          "wait()",
          "wait(long)",
          "wait(long,int)",
          "clone()",
          "finalize()");

  /**
   * Argument names of a convenience: the timeout argument, and the fields and methods the generated
   * bodies refer to ({@code runtime}, {@code api()}, {@code async}).
   */
  static final List<String> CONVENIENCE_ARGUMENTS =
      List.of(TIMEOUT_ARGUMENT, "runtime", "api", "async");

  /**
   * Names of a request builder's own members ({@code EtcdRequest}'s and what its calls return),
   * which its setters and fields must not take.
   */
  static final List<String> REQUEST_MEMBERS =
      List.of("call", "send", "timeout", "newCall", "enqueue", "future", "runtime", "api");
}
