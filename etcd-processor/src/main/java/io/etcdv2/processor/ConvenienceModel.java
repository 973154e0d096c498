package io.etcdv2.processor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One validated {@code @Convenience}: the endpoint it calls and how each parameter is filled. */
final class ConvenienceModel {
  final String name;
  final String doc;
  final EndpointModel endpoint;
  final List<ParameterModel> arguments;
  final int optional;
  final boolean timeout;
  final boolean rootKey;
  /** HTTP name to the fixed value's text, in declaration order. */
  final Map<String, String> fixed;

  ConvenienceModel(String name, String doc, EndpointModel endpoint,
      List<ParameterModel> arguments, int optional, boolean timeout, boolean rootKey,
      Map<String, String> fixed) {
    this.name = name;
    this.doc = doc;
    this.endpoint = endpoint;
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
