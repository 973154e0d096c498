package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/** A validated client declaration: what {@link ClientWriter} turns into source. */
final class ClientModel {
  final TypeElement origin;
  final ClassName apiType;
  final ClassName clientType;
  /** Every endpoint of the interface, inherited ones included, each with a request builder. */
  final List<EndpointModel> endpoints;
  final List<ConvenienceModel> conveniences;
  /** The interface extends KeysApi, so the client offers {@code watch(key)}. */
  final boolean watchable;

  ClientModel(TypeElement origin, ClassName apiType, ClassName clientType,
      List<EndpointModel> endpoints, List<ConvenienceModel> conveniences, boolean watchable) {
    this.watchable = watchable;
    this.origin = origin;
    this.apiType = apiType;
    this.clientType = clientType;
    this.endpoints = List.copyOf(endpoints);
    this.conveniences = List.copyOf(conveniences);
  }
}
