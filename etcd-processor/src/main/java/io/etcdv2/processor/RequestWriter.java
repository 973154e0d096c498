package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.NameAllocator;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.etcdv2.processor.ParameterModel.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import javax.lang.model.element.Modifier;

/**
 * Writes the request builders of a client: one inner class per endpoint, with a setter for each
 * optional parameter, reached through {@code client.requests().endpoint(pathArguments)}.
 */
final class RequestWriter {
  /** Names every request builder uses itself, which its parameters must not take. */
  private static final List<String> RESERVED =
      List.of("call", "send", "timeout", "enqueue", "future", "runtime", "api");

  private final ClientModel model;
  private final ClassName requests;
  /** Each endpoint's builder class and entry method name, unique even for overloads. */
  private final Map<EndpointModel, String> names = new HashMap<>();

  RequestWriter(ClientModel model) {
    this.model = model;
    this.requests = model.clientType.nestedClass("Requests");
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

  /** The {@code Requests} class with one entry method per endpoint. */
  TypeSpec requestsClass() {
    TypeSpec.Builder type = TypeSpec.classBuilder(requests)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Request builders for every endpoint of {@link $T}: each parameter by name,"
            + " then\n{@code send()} or {@code call()}.\n", model.apiType)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (EndpointModel endpoint : model.endpoints) type.addMethod(entry(endpoint));
    return type.build();
  }

  /** The builder classes, one per endpoint. */
  List<TypeSpec> requestClasses() {
    List<TypeSpec> classes = new ArrayList<>();
    for (EndpointModel endpoint : model.endpoints) classes.add(requestClass(endpoint));
    return classes;
  }

  private ClassName classOf(EndpointModel endpoint) {
    String name = names.get(endpoint);
    return model.clientType.nestedClass(
        Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Request");
  }

  private MethodSpec entry(EndpointModel endpoint) {
    ClassName request = classOf(endpoint);
    MethodSpec.Builder method = MethodSpec.methodBuilder(names.get(endpoint))
        .addModifiers(Modifier.PUBLIC)
        .returns(request)
        .addJavadoc("A {@link $T#$L $L} request.\n", endpoint.declaringType, endpoint.name,
            ClientWriter.javadocText(endpoint.request));
    if (!endpoint.doc.isEmpty()) {
      method.addJavadoc("\n<p>$L\n", ClientWriter.javadocText(endpoint.doc));
    }
    List<String> arguments = new ArrayList<>();
    NameAllocator names = new NameAllocator();
    for (String reserved : RESERVED) names.newName(reserved, reserved);
    for (ParameterModel parameter : endpoint.parameters) {
      if (!endpoint.isEntryParameter(parameter)) continue;
      String name = names.newName(ParameterModel.javaName(parameter.httpName), parameter);
      method.addParameter(parameter.role == Role.KEY ? ClassName.get(String.class)
          : parameter.type, name);
      if (parameter.role == Role.KEY) {
        method.addJavadoc("\n@param $L the key, normalised, put under the client's prefix and"
            + " percent-encoded", name);
        arguments.add(CodeBlock.of("runtime.key($L, true)", name).toString());
      } else {
        method.addJavadoc("\n@param $L $L", name, parameter.location.equals("Body")
            ? "the request body, sent as JSON" : "the {@code {" + parameter.httpName
            + "}} path segment");
        arguments.add(CodeBlock.of("runtime.$L($L, $S)",
            parameter.location.equals("Path") ? "segment" : "required", name, name).toString());
      }
    }
    method.addStatement("return new $T($L)", request, String.join(", ", arguments));
    return method.build();
  }

  private TypeSpec requestClass(EndpointModel endpoint) {
    ClassName request = classOf(endpoint);
    TypeName callType = ParameterizedTypeName.get(ClassNames.ETCD_CALL, endpoint.bodyType);
    TypeName responseType = ParameterizedTypeName.get(ClassNames.ETCD_RESPONSE, endpoint.bodyType);
    NameAllocator names = new NameAllocator();
    for (String reserved : RESERVED) names.newName(reserved, reserved);
    String timeoutField = names.newName("callTimeoutSeconds", "timeout field");

    TypeSpec.Builder type = TypeSpec.classBuilder(request)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T#$L $L} request; unset parameters are not sent.\n",
            endpoint.declaringType, endpoint.name, ClientWriter.javadocText(endpoint.request));
    if (!endpoint.doc.isEmpty()) {
      type.addJavadoc("\n<p>$L\n", ClientWriter.javadocText(endpoint.doc));
    }
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
    List<String> callArguments = new ArrayList<>();
    for (ParameterModel parameter : endpoint.parameters) {
      String suggested = ParameterModel.javaName(parameter.httpName);
      if (overridesObjectMethod(suggested, setterType(parameter))) suggested += "_";
      String name = names.newName(suggested, parameter);
      callArguments.add(name);
      if (endpoint.isEntryParameter(parameter)) {
        TypeName fieldType = parameter.role == Role.KEY ? ClassName.get(String.class)
            : parameter.type;
        type.addField(fieldType, name, Modifier.PRIVATE, Modifier.FINAL);
        constructor.addParameter(fieldType, name).addStatement("this.$N = $N", name, name);
        continue;
      }
      FieldSpec.Builder field = FieldSpec.builder(parameter.type, name, Modifier.PRIVATE);
      if (parameter.role == Role.TTL) {
        constructor.addStatement("this.$N = runtime.defaultTtlParameter()", name);
      }
      type.addField(field.build());
      type.addMethods(setters(request, parameter, name));
    }
    type.addField(FieldSpec.builder(TypeName.LONG, timeoutField, Modifier.PRIVATE)
        .initializer("-1L").build());
    type.addMethod(constructor.build());
    type.addMethod(MethodSpec.methodBuilder("timeout")
        .addJavadoc("Limits this call to {@code seconds}; 0 waits without limit. Without it the"
            + " client's timeout\napplies.\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(TypeName.LONG, "seconds")
        .returns(request)
        .addStatement("this.$N = runtime.timeout(seconds, $S)", timeoutField, "timeout")
        .addStatement("return this")
        .build());
    type.addMethod(MethodSpec.methodBuilder("call")
        .addJavadoc("The call, not yet sent: execute it, enqueue it, or cancel it.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(callType)
        .addStatement("$T call = api.$L($L)", callType, endpoint.name,
            String.join(", ", callArguments))
        .addStatement("call.operation($S)", endpoint.name)
        .addStatement("return $N == -1L ? call : call.timeout($N)", timeoutField, timeoutField)
        .build());
    type.addMethod(MethodSpec.methodBuilder("send")
        .addJavadoc("Sends the request and waits for the answer.\n\n@return the response entity;"
            + " status 408 when the request timed out\n@throws $T when etcd cannot be reached\n",
            ClassName.get("io.etcdv2.api", "EtcdException"))
        .addModifiers(Modifier.PUBLIC)
        .returns(responseType)
        .addStatement("return call().execute()")
        .build());
    return type.build();
  }

  private static List<MethodSpec> setters(ClassName request, ParameterModel parameter,
      String field) {
    List<MethodSpec> setters = new ArrayList<>();
    String http = parameter.httpName;
    MethodSpec.Builder setter = MethodSpec.methodBuilder(field)
        .addModifiers(Modifier.PUBLIC)
        .returns(request);
    if (parameter.role == Role.VALUE) {
      setter.addParameter(Object.class, field)
          .addJavadoc("Sends {@code $L}, encoded by the client's value serializer; null sends"
              + " none.\n", http)
          .addStatement("this.$N = runtime.optionalValue($N, $S)", field, field, http);
    } else if (parameter.role == Role.TTL) {
      setter.addParameter(TypeName.LONG, field)
          .addJavadoc("Sends {@code $L} in seconds, or none for -1; without it the client's"
              + " default TTL is sent.\n", http)
          .addStatement("this.$N = runtime.ttl($N, $S)", field, field, http);
      String clear = "clear" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
      setters.add(MethodSpec.methodBuilder(clear)
          .addModifiers(Modifier.PUBLIC)
          .returns(request)
          .addJavadoc("Sends an empty {@code $L}, which clears an existing TTL.\n", http)
          .addStatement("this.$N = $S", field, "")
          .addStatement("return this")
          .build());
    } else if (parameter.type.equals(ParameterModel.BOOLEAN)) {
      setter.addParameter(TypeName.BOOLEAN, field)
          .addJavadoc("Sends {@code $L=true} or {@code $L=false}.\n", http, http)
          .addStatement("this.$N = $N", field, field);
    } else if (parameter.type.equals(ParameterModel.LONG)
        || parameter.type.equals(ParameterModel.INTEGER)) {
      setter.addParameter(parameter.type.unbox(), field)
          .addJavadoc("Sends {@code $L}; $L or more.\n", http, parameter.positive ? "1" : "0")
          .addStatement("this.$N = runtime.$L($N, $S)", field, parameter.numberCheck(), field,
              http);
    } else {
      setter.addParameter(parameter.type, field)
          .addJavadoc("Sends {@code $L}; null sends none.\n", http)
          .addStatement("this.$N = $N", field, field);
    }
    setter.addStatement("return this");
    setters.add(0, setter.build());
    return setters;
  }

  /** The type a parameter's setter takes. */
  private static TypeName setterType(ParameterModel parameter) {
    if (parameter.role == Role.VALUE) return ClassName.OBJECT;
    if (parameter.role == Role.TTL) return TypeName.LONG;
    return parameter.argumentType();
  }

  /** Whether a one-argument method would clash with Object's final wait(long) or equals. */
  private static boolean overridesObjectMethod(String name, TypeName parameterType) {
    return (name.equals("wait") && parameterType.equals(TypeName.LONG))
        || (name.equals("equals") && parameterType.equals(ClassName.OBJECT));
  }
}
