package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/** A validated client declaration: what {@link ClientWriter} turns into source. */
final class ClientModel {
  final TypeElement origin;
  final ClassName apiType;
  final ClassName clientType;

  /**
   * The generic base to generate for {@code @GenerateClient(base = true)}, which the client and the
   * clients of interfaces extending this one extend; null without.
   */
  final ClassName abstractType;

  /** The generated base of an interface above this one, which the client extends; or null. */
  final ClassName inheritedBase;

  /** The inherited base has {@code watch(key)} already. */
  final boolean inheritedBaseWatchable;

  /** Every endpoint of the interface, inherited ones included, in declaration order. */
  final List<EndpointModel> endpoints;

  /** Every convenience, inherited ones included. */
  final List<ConvenienceModel> conveniences;

  /** The interface extends KeysApi, so the client offers {@code watch(key)}. */
  final boolean watchable;

  ClientModel(
      TypeElement origin,
      ClassName apiType,
      ClassName clientType,
      ClassName abstractType,
      ClassName inheritedBase,
      boolean inheritedBaseWatchable,
      List<EndpointModel> endpoints,
      List<ConvenienceModel> conveniences,
      boolean watchable) {
    this.origin = origin;
    this.apiType = apiType;
    this.clientType = clientType;
    this.abstractType = abstractType;
    this.inheritedBase = inheritedBase;
    this.inheritedBaseWatchable = inheritedBaseWatchable;
    this.endpoints = List.copyOf(endpoints);
    this.conveniences = List.copyOf(conveniences);
    this.watchable = watchable;
  }

  /** The endpoints whose request builders the inherited base does not have. */
  List<EndpointModel> ownEndpoints() {
    List<EndpointModel> own = new ArrayList<>();
    for (EndpointModel endpoint : endpoints) {
      if (!endpoint.inherited) own.add(endpoint);
    }
    return own;
  }

  /** The conveniences the inherited base does not have. */
  List<ConvenienceModel> ownConveniences() {
    List<ConvenienceModel> own = new ArrayList<>();
    for (ConvenienceModel convenience : conveniences) {
      if (!convenience.endpoint.inherited) own.add(convenience);
    }
    return own;
  }
}
