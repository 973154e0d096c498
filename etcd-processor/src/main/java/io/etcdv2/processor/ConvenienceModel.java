package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One validated {@code @Convenience}: the endpoint it calls and how each parameter is filled. */
final class ConvenienceModel {
  final String name;
  final String doc;
  final ClassName declaringType;
  final String endpoint;
  /** Such as {@code PUT v2/keys{key}}. */
  final String request;
  final TypeName bodyType;
  final List<ParameterModel> parameters;
  /** The endpoint's key parameter, or null. */
  final ParameterModel key;
  final List<ParameterModel> arguments;
  final int optional;
  final boolean timeout;
  final boolean rootKey;
  /** HTTP name to the fixed value's text, in declaration order. */
  final Map<String, String> fixed;
  /** Another endpoint has the same name, so nulls must be cast to pick this one. */
  final boolean endpointOverloaded;

  ConvenienceModel(String name, String doc, ClassName declaringType, String endpoint,
      String request, TypeName bodyType, List<ParameterModel> parameters, ParameterModel key,
      List<ParameterModel> arguments, int optional, boolean timeout, boolean rootKey,
      Map<String, String> fixed, boolean endpointOverloaded) {
    this.name = name;
    this.doc = doc;
    this.declaringType = declaringType;
    this.endpoint = endpoint;
    this.request = request;
    this.bodyType = bodyType;
    this.parameters = List.copyOf(parameters);
    this.key = key;
    this.arguments = List.copyOf(arguments);
    this.optional = optional;
    this.timeout = timeout;
    this.rootKey = rootKey;
    this.endpointOverloaded = endpointOverloaded;
    this.fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
  }

  /** Arguments after the key, counting the timeout. */
  int trailingCount() {
    return arguments.size() + (timeout ? 1 : 0);
  }
}
