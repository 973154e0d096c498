package io.etcdv2.processor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One validated {@code @Convenience}: the endpoint it calls and how each parameter is filled. */
final class ConvenienceModel {
  /** The name of the argument {@code timeout = true} adds. */
  static final String TIMEOUT_ARGUMENT = "timeoutSeconds";
  /**
   * Names no argument of a generated convenience may take: the timeout argument, and the client's
   * fields that the method body refers to.
   */
  static final List<String> RESERVED_ARGUMENT_NAMES = List.of(TIMEOUT_ARGUMENT, "runtime", "api");

  final String name;
  final String doc;
  final EndpointModel endpoint;
  /**
   * The Java name of the key argument, after the endpoint's path parameter ({@code {queue}} gives
   * {@code queue}); null when the endpoint has no key.
   */
  final String keyArgument;
  final List<ParameterModel> arguments;
  final int optional;
  final boolean timeout;
  final boolean rootKey;
  /** HTTP name to the fixed value's text, in declaration order. */
  final Map<String, String> fixed;

  ConvenienceModel(String name, String doc, EndpointModel endpoint, String keyArgument,
      List<ParameterModel> arguments, int optional, boolean timeout, boolean rootKey,
      Map<String, String> fixed) {
    this.name = name;
    this.doc = doc;
    this.endpoint = endpoint;
    this.keyArgument = keyArgument;
    this.arguments = List.copyOf(arguments);
    this.optional = optional;
    this.timeout = timeout;
    this.rootKey = rootKey;
    this.fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
  }

  /** Arguments after the key, counting the timeout. */
  int trailingCount() {
    return arguments.size() + (timeout ? 1 : 0);
  }

  /** Whether the argument at {@code index} of {@link #arguments} must be given. */
  boolean isRequired(ParameterModel argument) {
    return arguments.indexOf(argument) < trailingCount() - optional;
  }
}
