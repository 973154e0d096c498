package io.etcdv2.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One validated {@code @Convenience}: the endpoint it calls and how each parameter is filled. */
final class ConvenienceModel {
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

  ConvenienceModel(
      String name,
      String doc,
      EndpointModel endpoint,
      String keyArgument,
      List<ParameterModel> arguments,
      int optional,
      boolean timeout,
      boolean rootKey,
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

  /** The counts of trailing arguments the overloads take, fewest first. */
  List<Integer> overloadCounts() {
    List<Integer> counts = new ArrayList<>();
    for (int count = trailingCount() - optional; count <= trailingCount(); count++) {
      counts.add(count);
    }
    return counts;
  }

  /** The arguments after the key of the overload that takes {@code count} of them. */
  List<ParameterModel> given(int count) {
    return arguments.subList(0, Math.min(count, arguments.size()));
  }

  /** Whether the overload that takes {@code count} trailing arguments takes the timeout. */
  boolean timeoutGiven(int count) {
    return timeout && count > arguments.size();
  }

  /** Whether {@code argument} must be given: it comes before the optional ones. */
  boolean isRequired(ParameterModel argument) {
    return arguments.indexOf(argument) < trailingCount() - optional;
  }

  /** The erased Java signature of one overload, such as {@code set(java.lang.String,long)}. */
  String signature(int count) {
    List<String> types = new ArrayList<>();
    if (endpoint.key != null) types.add("java.lang.String");
    for (ParameterModel argument : given(count)) types.add(argument.argumentType().toString());
    if (timeoutGiven(count)) types.add("long");
    return name + "(" + String.join(",", types) + ")";
  }
}
