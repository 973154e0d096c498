package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import java.util.List;

/** One validated Retrofit endpoint: what its conveniences and its request builder call. */
final class EndpointModel {
  /** The method name, such as {@code putKey}. */
  final String name;

  final ClassName declaringType;

  /** Such as {@code PUT v2/keys{key}}. */
  final String request;

  /** The {@code T} of {@code EtcdCall<T>}. */
  final TypeName bodyType;

  final List<ParameterModel> parameters;

  /** The {@code @Key} parameter, or null. */
  final ParameterModel key;

  /** Another endpoint has the same name, so nulls must be cast to pick this one. */
  final boolean overloaded;

  /** The endpoint's Javadoc, first paragraph; empty when read from a class file. */
  final String doc;

  /**
   * Declared on the interface whose generated base the client extends, or above it: the base has
   * its request builder and conveniences already.
   */
  final boolean inherited;

  EndpointModel(
      String name,
      ClassName declaringType,
      String request,
      TypeName bodyType,
      List<ParameterModel> parameters,
      ParameterModel key,
      boolean overloaded,
      String doc,
      boolean inherited) {
    this.doc = doc;
    this.name = name;
    this.declaringType = declaringType;
    this.request = request;
    this.bodyType = bodyType;
    this.parameters = List.copyOf(parameters);
    this.key = key;
    this.overloaded = overloaded;
    this.inherited = inherited;
  }
}
