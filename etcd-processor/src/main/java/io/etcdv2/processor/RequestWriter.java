package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.NameAllocator;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.etcdv2.processor.ParameterModel.Kind;
import io.etcdv2.processor.ParameterModel.Location;
import io.etcdv2.processor.ParameterModel.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the request builders of a client, reached through {@code
 * client.requests().endpoint(pathArguments)}: one inner class per endpoint with optional
 * parameters, extending the runtime's {@code EtcdRequest} with a setter for each, and the runtime's
 * {@code PlainRequest} for an endpoint without any.
 */
final class RequestWriter {
  private final ClientModel model;

  /** The class the builders are nested in: the client, or its generated base. */
  private final ClassName owner;

  private final ClassName requests;
  private final ParameterizedTypeName parent;
  private final boolean open;

  /** Each endpoint's builder class and entry method name, unique even for overloads. */
  private final Map<EndpointModel, String> names = new HashMap<>();

  /**
   * @param parent the owner's superclass, whose {@code Requests} this one extends
   * @param open whether the owner is a base that clients extend, so {@code Requests} stays open
   */
  RequestWriter(ClientModel model, ClassName owner, ParameterizedTypeName parent, boolean open) {
    this.model = model;
    this.owner = owner;
    this.requests = owner.nestedClass("Requests");
    this.parent = parent;
    this.open = open;
    // Over every endpoint, inherited ones included, so that a base and the clients that extend it
    // agree on the names.
    Set<String> taken = new HashSet<>();
    for (EndpointModel endpoint : model.endpoints) taken.add(endpoint.name);
    Set<String> used = new HashSet<>();
    for (EndpointModel endpoint : model.endpoints) {
      String name = endpoint.name;
      // An overload gets the first free numbered name that no endpoint has: read2, read3, ...
      for (int n = 2; used.contains(name); n++) {
        name = endpoint.name + n;
        if (taken.contains(name) && !name.equals(endpoint.name)) name = endpoint.name;
      }
      used.add(name);
      names.put(endpoint, name);
    }
  }

  ClassName requestsType() {
    return requests;
  }

  /** The {@code Requests} class with one entry method per endpoint given. */
  TypeSpec requestsClass(List<EndpointModel> endpoints) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(requests)
            .addModifiers(
                open
                    ? new Modifier[] {Modifier.PUBLIC}
                    : new Modifier[] {Modifier.PUBLIC, Modifier.FINAL})
            .superclass(parent.nestedClass("Requests"))
            .addJavadoc(
                "Request builders for the endpoints of {@link $T}: each parameter by name,"
                    + " then\n{@code send()} or {@code call()}.\n",
                model.apiType)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(open ? Modifier.PROTECTED : Modifier.PRIVATE)
                    .build());
    for (EndpointModel endpoint : endpoints) type.addMethod(entry(endpoint));
    return type.build();
  }

  /** The builder classes, one per endpoint given. */
  List<TypeSpec> requestClasses(List<EndpointModel> endpoints) {
    List<TypeSpec> classes = new ArrayList<>();
    for (EndpointModel endpoint : endpoints) {
      if (hasOptionalParameters(endpoint)) classes.add(requestClass(endpoint));
    }
    return classes;
  }

  private ClassName classOf(EndpointModel endpoint) {
    String name = names.get(endpoint);
    return owner.nestedClass(Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Request");
  }

  private MethodSpec entry(EndpointModel endpoint) {
    // An endpoint without optional parameters has nothing to set: the runtime's PlainRequest
    // serves all of them instead of an empty class each.
    boolean plain = !hasOptionalParameters(endpoint);
    TypeName request =
        plain
            ? ParameterizedTypeName.get(ClassNames.PLAIN_REQUEST, endpoint.bodyType)
            : classOf(endpoint);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(names.get(endpoint))
            .addModifiers(Modifier.PUBLIC)
            .returns(request)
            .addJavadoc(
                "A {@link $T#$L $L} request.\n",
                endpoint.declaringType,
                endpoint.name,
                ClientWriter.javadocText(endpoint.request));
    if (!endpoint.doc.isEmpty()) {
      method.addJavadoc("\n<p>$L\n", ClientWriter.wrap(ClientWriter.javadocText(endpoint.doc)));
    }
    List<CodeBlock> arguments = new ArrayList<>();
    NameAllocator names = new NameAllocator();
    for (String reserved : ReservedNames.REQUEST_MEMBERS) names.newName(reserved, reserved);
    for (ParameterModel parameter : endpoint.parameters) {
      if (!parameter.location.isRequired()) continue;
      String name = names.newName(ParameterModel.javaName(parameter.httpName), parameter);
      method.addParameter(
          parameter.role == Role.KEY ? ClassName.get(String.class) : parameter.type, name);
      if (parameter.role == Role.KEY) {
        method.addJavadoc(
            "\n@param $L the key under the client's prefix, normalised and percent-encoded", name);
      } else {
        method.addJavadoc(
            "\n@param $L $L",
            name,
            parameter.location == Location.BODY
                ? "the request body, sent as JSON"
                : "the {@code {" + parameter.httpName + "}} path segment");
      }
      arguments.add(ClientWriter.check(parameter, name, true));
    }
    if (plain) {
      method.addStatement(
          "return runtime.request(api().$L($L),$W$S)",
          endpoint.name,
          CodeBlock.join(arguments, ",$W"),
          endpoint.name);
    } else {
      method.addStatement("return new $T($L)", request, CodeBlock.join(arguments, ",$W"));
    }
    return method.build();
  }

  private TypeSpec requestClass(EndpointModel endpoint) {
    ClassName request = classOf(endpoint);
    NameAllocator names = new NameAllocator();
    for (String reserved : ReservedNames.REQUEST_MEMBERS) names.newName(reserved, reserved);

    TypeSpec.Builder type =
        TypeSpec.classBuilder(request)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(
                ParameterizedTypeName.get(ClassNames.ETCD_REQUEST, endpoint.bodyType, request))
            .addJavadoc(
                "Builds a {@link $T#$L $L} request;\nunset parameters are not sent.\n",
                endpoint.declaringType,
                endpoint.name,
                ClientWriter.javadocText(endpoint.request));
    if (!endpoint.doc.isEmpty()) {
      type.addJavadoc("\n<p>$L\n", ClientWriter.wrap(ClientWriter.javadocText(endpoint.doc)));
    }
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addStatement("super($S)", endpoint.name);
    List<CodeBlock> callArguments = new ArrayList<>();
    for (ParameterModel parameter : endpoint.parameters) {
      String suggested = ParameterModel.javaName(parameter.httpName);
      if (overridesObjectMethod(suggested, parameter.argumentType())) suggested += "_";
      String name = names.newName(suggested, parameter);
      callArguments.add(CodeBlock.of("$N", name));
      if (parameter.location.isRequired()) {
        TypeName fieldType =
            parameter.role == Role.KEY ? ClassName.get(String.class) : parameter.type;
        type.addField(fieldType, name, Modifier.PRIVATE, Modifier.FINAL);
        constructor.addParameter(fieldType, name).addStatement("this.$N = $N", name, name);
        continue;
      }
      FieldSpec.Builder field = FieldSpec.builder(parameter.type, name, Modifier.PRIVATE);
      if (parameter.role == Role.TTL) {
        constructor.addStatement("this.$N = runtime.defaultTtl()", name);
      }
      type.addField(field.build());
      type.addMethods(setters(request, parameter, name));
    }
    type.addMethod(constructor.build());
    type.addMethod(
        MethodSpec.methodBuilder("newCall")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(ParameterizedTypeName.get(ClassNames.ETCD_CALL, endpoint.bodyType))
            .addStatement(
                "return api().$L($L)", endpoint.name, CodeBlock.join(callArguments, ",$W"))
            .build());
    return type.build();
  }

  private static List<MethodSpec> setters(
      ClassName request, ParameterModel parameter, String field) {
    List<MethodSpec> setters = new ArrayList<>();
    String http = parameter.httpName;
    MethodSpec.Builder setter =
        MethodSpec.methodBuilder(field).addModifiers(Modifier.PUBLIC).returns(request);
    if (parameter.role == Role.VALUE) {
      setter
          .addParameter(Object.class, field)
          .addJavadoc(
              "Sends {@code $L}, encoded by the client's value serializer; null sends" + " none.\n",
              http)
          .addStatement("this.$N = $L", field, ClientWriter.check(parameter, field, false));
    } else if (parameter.role == Role.TTL) {
      setter
          .addParameter(TypeName.LONG, field)
          .addJavadoc(
              "Sends {@code $L} in seconds, or none for -1; without it the client's"
                  + " default TTL is sent.\n",
              http)
          .addStatement("this.$N = $L", field, ClientWriter.check(parameter, field, true));
      String clear = "clear" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
      setters.add(
          MethodSpec.methodBuilder(clear)
              .addModifiers(Modifier.PUBLIC)
              .returns(request)
              .addJavadoc("Sends an empty {@code $L}, which clears an existing TTL.\n", http)
              .addStatement("this.$N = $S", field, "")
              .addStatement("return this")
              .build());
    } else if (parameter.kind == Kind.BOOLEAN) {
      setter
          .addParameter(TypeName.BOOLEAN, field)
          .addJavadoc("Sends {@code $L=true} or {@code $L=false}.\n", http, http)
          .addStatement("this.$N = $N", field, field);
    } else if (parameter.kind.isNumber()) {
      setter
          .addParameter(parameter.type.unbox(), field)
          .addJavadoc("Sends {@code $L}; $L or more.\n", http, parameter.positive ? "1" : "0")
          .addStatement("this.$N = $L", field, ClientWriter.check(parameter, field, true));
    } else {
      setter
          .addParameter(parameter.type, field)
          .addJavadoc("Sends {@code $L}; null sends none.\n", http)
          .addStatement("this.$N = $N", field, field);
    }
    setter.addStatement("return this");
    setters.add(0, setter.build());
    return setters;
  }

  private static boolean hasOptionalParameters(EndpointModel endpoint) {
    for (ParameterModel parameter : endpoint.parameters) {
      if (!parameter.location.isRequired()) return true;
    }
    return false;
  }

  /** Whether a one-argument method would clash with Object's final wait(long) or equals. */
  private static boolean overridesObjectMethod(String name, TypeName parameterType) {
    return (name.equals("wait") && parameterType.equals(TypeName.LONG))
        || (name.equals("equals") && parameterType.equals(ClassName.OBJECT));
  }
}
