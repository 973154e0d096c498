package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import io.etcdv2.processor.ParameterModel.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Validates one {@code @GenerateClient} interface and its conveniences, reporting each misuse on
 * the element, annotation and value at fault, and builds the model when all is well.
 */
final class ClientDeclaration {
  /** Retrofit's parameter annotations that give a parameter an HTTP name. */
  private static final Set<String> NAMED_LOCATIONS = Set.of("Path", "Query", "Field", "Header", "Part");
  private static final Set<String> HTTP_METHODS =
      Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "HTTP");
  /** Names the generated methods use themselves, which arguments must not hide. */
  private static final List<String> RESERVED_ARGUMENT_NAMES =
      List.of("key", "timeoutSeconds", "runtime", "api");
  /** Signatures every generated client already has, its own and Object's final ones. */
  private static final List<String> TAKEN_SIGNATURES = List.of("builder()", "create()", "api()",
      "runtime()", "requests()", "async()", "watch(java.lang.String)", "close()", "toString()", "hashCode()", "equals(java.lang.Object)",
      "getClass()", "notify()", "notifyAll()", "wait()", "wait(long)", "wait(long,int)",
      "clone()", "finalize()");

  private final Elements elements;
  private final Messager messager;
  private boolean failed;

  private ClientDeclaration(Elements elements, Messager messager) {
    this.elements = elements;
    this.messager = messager;
  }

  /** The model of {@code element}, or empty after reporting why it cannot be generated. */
  static Optional<ClientModel> createIfValid(Element element, Elements elements,
      Messager messager) {
    return new ClientDeclaration(elements, messager).validate(element);
  }

  private Optional<ClientModel> validate(Element element) {
    AnnotationMirror generate = Mirrors.find(element, ClassNames.GENERATE_CLIENT);
    if (element.getKind() != ElementKind.INTERFACE) {
      error(element, generate, null, "@GenerateClient must annotate an interface, but "
          + element.getSimpleName() + " is " + kindName(element)
          + "; declare a Retrofit interface, e.g. interface MyApi extends EtcdApi");
      return Optional.empty();
    }
    TypeElement type = (TypeElement) element;
    if (!type.getTypeParameters().isEmpty()) {
      error(type, generate, null, "@GenerateClient interface " + type.getSimpleName()
          + " must not be generic, because Retrofit cannot implement generic interfaces;"
          + " remove its type parameters");
      return Optional.empty();
    }
    ClassName apiType = ClassName.get(type);
    String name = Mirrors.string(elements, generate, "name");
    if (name.isEmpty()) {
      name = clientName(type.getSimpleName().toString());
    } else if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      error(type, generate, Mirrors.value(elements, generate, "name"), "@GenerateClient name \""
          + name + "\" is not a Java class name; use a simple identifier such as \"MyClient\"");
      return Optional.empty();
    }
    ClassName clientType = ClassName.get(apiType.packageName(), name);

    List<EndpointModel> endpoints = new ArrayList<>();
    List<ConvenienceModel> conveniences = new ArrayList<>();
    Map<String, String> signatures = new HashMap<>();
    for (String taken : TAKEN_SIGNATURES) signatures.put(taken, "a member of every client");
    List<ExecutableElement> methods = declarationOrder(type);
    for (ExecutableElement method : methods) {
      List<AnnotationMirror> declared = Mirrors.conveniences(elements, method);
      boolean abstractMethod = !method.getModifiers().contains(Modifier.STATIC)
          && !method.getModifiers().contains(Modifier.DEFAULT);
      if (declared.isEmpty() && !abstractMethod) continue;
      EndpointModel endpoint = endpoint(method, isOverloaded(method, methods), !declared.isEmpty());
      if (endpoint == null) continue;
      endpoints.add(endpoint);
      for (AnnotationMirror convenience : declared) {
        ConvenienceModel model = convenience(method, convenience, endpoint);
        if (model != null && isUnique(method, convenience, model, signatures)) {
          conveniences.add(model);
        }
      }
    }
    if (failed) return Optional.empty();
    return Optional.of(new ClientModel(type, apiType, clientType, endpoints, conveniences,
        extendsKeysApi(type)));
  }

  private boolean extendsKeysApi(TypeElement type) {
    TypeElement keys = elements.getTypeElement(ClassNames.KEYS_API);
    if (keys == null) return false;
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getEnclosingElement().equals(keys)) return true;
    }
    return false;
  }

  /** The naming rule: {@code FooApi} gives {@code FooClient}, any other {@code Foo} gives {@code FooClient}. */
  static String clientName(String interfaceName) {
    String base = interfaceName.endsWith("Api") && interfaceName.length() > 3
        ? interfaceName.substring(0, interfaceName.length() - 3) : interfaceName;
    return base + "Client";
  }

  /**
   * The interface's methods, inherited ones included, in a stable reading order: superinterfaces
   * first, depth first as declared, then the interface's own, each in declaration order.
   */
  private List<ExecutableElement> declarationOrder(TypeElement type) {
    Set<ExecutableElement> members = new HashSet<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      // getAllMembers also lists Object's methods, which Retrofit never calls.
      if (method.getEnclosingElement().getKind() == ElementKind.INTERFACE) members.add(method);
    }
    List<ExecutableElement> ordered = new ArrayList<>();
    collect(type, members, ordered);
    return ordered;
  }

  private static void collect(TypeElement type, Set<ExecutableElement> members,
      List<ExecutableElement> ordered) {
    for (TypeMirror parent : type.getInterfaces()) {
      collect((TypeElement) ((DeclaredType) parent).asElement(), members, ordered);
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (members.contains(method) && !ordered.contains(method)) ordered.add(method);
    }
  }

  /** The text of a doc comment before its first blank line or block tag; empty without one. */
  static String firstParagraph(String docComment) {
    if (docComment == null) return "";
    StringBuilder out = new StringBuilder();
    for (String line : docComment.split("\n")) {
      String text = line.trim();
      if (text.isEmpty() || text.startsWith("@")) {
        if (out.length() > 0) break;
        continue;
      }
      if (out.length() > 0) out.append(' ');
      out.append(text);
    }
    return out.toString();
  }

  private static boolean isOverloaded(ExecutableElement method, List<ExecutableElement> all) {
    for (ExecutableElement other : all) {
      if (other != method && other.getSimpleName().equals(method.getSimpleName())) return true;
    }
    return false;
  }

  /** The endpoint {@code method} declares, or null after reporting why it is not one. */
  private EndpointModel endpoint(ExecutableElement method, boolean overloaded,
      boolean hasConveniences) {
    String where = where(method);
    boolean ok = true;
    if (!method.getTypeParameters().isEmpty()) {
      error(method, null, null, where + (hasConveniences ? " declares @Convenience but" : "")
          + " is generic; Retrofit cannot call generic methods, so remove its type parameters");
      return null;
    }
    if (method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.DEFAULT)) {
      error(method, null, null, where + " declares @Convenience but is not abstract; only"
          + " Retrofit endpoints (abstract methods with an HTTP annotation) can have conveniences");
      return null;
    }
    String request = null;
    String pathTemplate = null;
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      String annotation = Mirrors.nameOf(mirror);
      if (!annotation.startsWith(ClassNames.RETROFIT_HTTP)) continue;
      String simple = annotation.substring(ClassNames.RETROFIT_HTTP.length());
      if (!HTTP_METHODS.contains(simple)) continue;
      String path = simple.equals("HTTP") ? Mirrors.string(elements, mirror, "path")
          : Mirrors.string(elements, mirror, "value");
      String verb = simple.equals("HTTP") ? Mirrors.string(elements, mirror, "method") : simple;
      request = verb + " " + path;
      pathTemplate = path;
    }
    if (request == null) {
      error(method, null, null, where + (hasConveniences ? " declares @Convenience but"
          : " is abstract but") + " has no Retrofit HTTP method annotation; every abstract"
          + " method of a client interface is an endpoint, so add one such as"
          + " @GET(\"v2/keys{key}\")");
      return null;
    }
    TypeName bodyType = bodyType(method.getReturnType());
    if (bodyType == null) {
      error(method, null, null, where + " returns " + method.getReturnType() + ", which the"
          + " etcd runtime cannot adapt; an endpoint must return EtcdCall<T>, e.g."
          + " EtcdCall<KeysResult>");
      ok = false;
    }
    List<ParameterModel> parameters = new ArrayList<>();
    ParameterModel key = null;
    ParameterModel ttl = null;
    for (VariableElement parameter : method.getParameters()) {
      ParameterModel model = parameter(method, parameter, pathTemplate);
      if (model == null) {
        ok = false;
        continue;
      }
      if (model.role == Role.KEY) {
        if (key != null) {
          error(parameter, Mirrors.find(parameter, ClassNames.KEY), null, where
              + " marks both " + key.httpName + " and " + model.httpName + " as @Key; an"
              + " endpoint has one key, so keep @Key on one of them");
          ok = false;
        }
        key = model;
      }
      if (model.role == Role.TTL) {
        if (ttl != null) {
          error(parameter, Mirrors.find(parameter, ClassNames.TTL), null, where
              + " marks both " + ttl.httpName + " and " + model.httpName + " as @Ttl; the default"
              + " TTL applies to one parameter, so keep @Ttl on one of them");
          ok = false;
        }
        ttl = model;
      }
      for (ParameterModel earlier : parameters) {
        if (earlier.httpName.equals(model.httpName)) {
          error(parameter, null, null, where + " has two parameters named \"" + model.httpName
              + "\"; conveniences refer to parameters by HTTP name, so the names must differ");
          ok = false;
        }
      }
      parameters.add(model);
    }
    if (!ok) return null;
    return new EndpointModel(method.getSimpleName().toString(),
        ClassName.get((TypeElement) method.getEnclosingElement()), request, bodyType, parameters,
        key, overloaded, firstParagraph(elements.getDocComment(method)));
  }

  private TypeName bodyType(TypeMirror returnType) {
    if (returnType.getKind() != TypeKind.DECLARED) return null;
    DeclaredType declared = (DeclaredType) returnType;
    TypeElement raw = (TypeElement) declared.asElement();
    if (!ClassName.get(raw).equals(ClassNames.ETCD_CALL)) return null;
    if (declared.getTypeArguments().size() != 1) return null;
    TypeMirror body = declared.getTypeArguments().get(0);
    if (body.getKind() != TypeKind.DECLARED) return null;
    return TypeName.get(body);
  }

  private ParameterModel parameter(ExecutableElement method, VariableElement parameter,
      String pathTemplate) {
    String where = where(method) + " parameter " + parameter.getSimpleName();
    String httpName = null;
    String location = null;
    AnnotationMirror pathMirror = null;
    for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
      String annotation = Mirrors.nameOf(mirror);
      if (!annotation.startsWith(ClassNames.RETROFIT_HTTP)) continue;
      String simple = annotation.substring(ClassNames.RETROFIT_HTTP.length());
      if (simple.equals("Body")) {
        httpName = "body";
        location = simple;
        continue;
      }
      if (!NAMED_LOCATIONS.contains(simple)) continue;
      httpName = Mirrors.string(elements, mirror, "value");
      location = simple;
      if (annotation.equals(ClassNames.PATH)) pathMirror = mirror;
    }
    if (httpName == null) {
      error(parameter, null, null, where + " has no HTTP name; the generated conveniences and"
          + " request builders fill only @Path, @Query, @Field, @Header, @Part and @Body"
          + " parameters, so use one of those");
      return null;
    }
    TypeMirror type = parameter.asType();
    TypeName typeName = TypeName.get(type);
    if (type.getKind().isPrimitive()) {
      error(parameter, null, null, where + " is a primitive " + type + ", which conveniences"
          + " and request builders cannot leave out; declare it as " + typeName.box());
      return null;
    }
    AnnotationMirror keyMirror = Mirrors.find(parameter, ClassNames.KEY);
    AnnotationMirror valueMirror = Mirrors.find(parameter, ClassNames.VALUE);
    AnnotationMirror ttlMirror = Mirrors.find(parameter, ClassNames.TTL);
    int roles = (keyMirror != null ? 1 : 0) + (valueMirror != null ? 1 : 0)
        + (ttlMirror != null ? 1 : 0);
    if (roles > 1) {
      error(parameter, null, null, where + " has more than one of @Key, @Value and @Ttl; a"
          + " parameter plays one role, so keep one");
      return null;
    }
    Role role = keyMirror != null ? Role.KEY : valueMirror != null ? Role.VALUE
        : ttlMirror != null ? Role.TTL : Role.PLAIN;
    AnnotationMirror roleMirror = keyMirror != null ? keyMirror
        : valueMirror != null ? valueMirror : ttlMirror;
    if (role != Role.PLAIN && !typeName.equals(ParameterModel.STRING)) {
      error(parameter, roleMirror, null, where + " is @" + roleName(role) + " but has type "
          + type + "; the runtime sends keys, values and TTLs as text, so declare it String");
      return null;
    }
    if (role == Role.PLAIN && !location.equals("Body") && !typeName.equals(ParameterModel.STRING)
        && !typeName.equals(ParameterModel.BOOLEAN) && !typeName.equals(ParameterModel.LONG)
        && !typeName.equals(ParameterModel.INTEGER)) {
      error(parameter, null, null, where + " has type " + type + ", which the generated"
          + " conveniences and request builders cannot fill; use String, Boolean, Long or"
          + " Integer");
      return null;
    }
    if (role == Role.PLAIN && location.equals("Path") && !typeName.equals(ParameterModel.STRING)) {
      error(parameter, null, null, where + " is a @Path of type " + type + "; path segments are"
          + " text that a request always needs, so declare it String");
      return null;
    }
    if (role == Role.KEY) {
      if (pathMirror == null || !Mirrors.bool(elements, pathMirror, "encoded")) {
        error(parameter, keyMirror, null, where + " is @Key but not @Path(encoded = true); the"
            + " runtime percent-encodes each key segment itself, so declare it"
            + " @Key @Path(value = \"" + httpName + "\", encoded = true) String");
        return null;
      }
      String placeholder = "{" + httpName + "}";
      int at = pathTemplate.indexOf(placeholder);
      if (at < 0) {
        error(parameter, keyMirror, null, where + " is @Key, but the path \"" + pathTemplate
            + "\" has no " + placeholder + "; put it right after a segment, as in"
            + " \"v2/keys" + placeholder + "\"");
        return null;
      }
      if (at > 0 && pathTemplate.charAt(at - 1) == '/') {
        error(parameter, keyMirror, null, where + " is @Key, whose value starts with \"/\", but"
            + " the path \"" + pathTemplate + "\" puts a \"/\" before " + placeholder + "; etcd"
            + " answers the resulting \"//\" with a redirect, so write \""
            + pathTemplate.substring(0, at - 1) + placeholder
            + pathTemplate.substring(at + placeholder.length()) + "\"");
        return null;
      }
    }
    AnnotationMirror positive = Mirrors.find(parameter, ClassNames.POSITIVE);
    if (positive != null && !typeName.equals(ParameterModel.LONG)
        && !typeName.equals(ParameterModel.INTEGER)) {
      error(parameter, positive, null, where + " is @Positive but has type " + type + "; only"
          + " Long and Integer numbers can be required to be at least 1");
      return null;
    }
    return new ParameterModel(httpName, location, role, typeName, positive != null);
  }

  private ConvenienceModel convenience(ExecutableElement method, AnnotationMirror mirror,
      EndpointModel endpoint) {
    String name = Mirrors.string(elements, mirror, "name");
    String where = where(method) + " @Convenience(name = \"" + name + "\")";
    AnnotationValue nameValue = Mirrors.value(elements, mirror, "name");
    if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      error(method, mirror, nameValue, where + ": the name is not a Java method name; use an"
          + " identifier such as \"setnx\"");
      return null;
    }
    Map<String, ParameterModel> byName = new LinkedHashMap<>();
    List<String> choices = new ArrayList<>();
    for (ParameterModel parameter : endpoint.parameters) {
      byName.put(parameter.httpName, parameter);
      if (parameter.role != Role.KEY) choices.add(parameter.httpName);
    }

    boolean ok = true;
    List<ParameterModel> arguments = new ArrayList<>();
    for (AnnotationValue value : Mirrors.array(elements, mirror, "args")) {
      String arg = (String) value.getValue();
      ParameterModel parameter = byName.get(arg);
      if (parameter == null) {
        error(method, mirror, value, where + ": args names \"" + arg + "\", but the endpoint has"
            + " no parameter with that HTTP name; use one of " + choices);
        ok = false;
      } else if (parameter.role == Role.KEY) {
        error(method, mirror, value, where + ": args names the @Key parameter \"" + arg
            + "\"; the key is always the first argument, so remove it from args");
        ok = false;
      } else if (arguments.contains(parameter)) {
        error(method, mirror, value, where + ": args names \"" + arg + "\" twice; name each"
            + " parameter once");
        ok = false;
      } else if (!SourceVersion.isIdentifier(arg) || SourceVersion.isKeyword(arg)
          || RESERVED_ARGUMENT_NAMES.contains(arg)) {
        error(method, mirror, value, where + ": \"" + arg + "\" cannot be a Java parameter name"
            + " of the generated method; conveniences take only parameters whose HTTP names are"
            + " identifiers other than " + String.join(", ", RESERVED_ARGUMENT_NAMES));
        ok = false;
      } else {
        arguments.add(parameter);
      }
    }

    Map<String, String> fixed = new LinkedHashMap<>();
    for (AnnotationValue value : Mirrors.array(elements, mirror, "fixed")) {
      AnnotationMirror fixedMirror = (AnnotationMirror) value.getValue();
      String param = Mirrors.string(elements, fixedMirror, "param");
      String text = Mirrors.string(elements, fixedMirror, "value");
      ParameterModel parameter = byName.get(param);
      if (parameter == null) {
        error(method, mirror, value, where + ": fixes \"" + param + "\", but the endpoint has no"
            + " parameter with that HTTP name; use one of " + choices
            + ", or declare the parameter on the endpoint");
        ok = false;
      } else if (parameter.role == Role.KEY) {
        error(method, mirror, value, where + ": fixes the @Key parameter \"" + param
            + "\"; the caller always passes the key, so remove this @Fixed");
        ok = false;
      } else if (arguments.contains(parameter)) {
        error(method, mirror, value, where + ": \"" + param + "\" is both fixed and in args;"
            + " a parameter is either fixed or passed by the caller, so remove one");
        ok = false;
      } else if (fixed.containsKey(param)) {
        error(method, mirror, value, where + ": fixes \"" + param + "\" twice; keep one @Fixed");
        ok = false;
      } else if (parameter.location.equals("Body")) {
        error(method, mirror, value, where + ": fixes the @Body parameter, which text cannot"
            + " stand for; put \"body\" in args instead");
        ok = false;
      } else if (!fits(parameter, text)) {
        error(method, mirror, value, where + ": fixes \"" + param + "\" to \"" + text + "\", which"
            + " is not a " + parameter.type + "; " + expected(parameter));
        ok = false;
      } else {
        fixed.put(param, text);
      }
    }

    int optional = Mirrors.integer(elements, mirror, "optional");
    boolean timeout = Mirrors.bool(elements, mirror, "timeout");
    int trailing = arguments.size() + (timeout ? 1 : 0);
    if (ok && (optional < 0 || optional > trailing)) {
      error(method, mirror, Mirrors.value(elements, mirror, "optional"), where + ": optional is "
          + optional + ", but there are " + trailing + " arguments after the key"
          + (timeout ? ", counting the timeout" : "") + "; use a count from 0 to " + trailing);
      ok = false;
    }
    for (int i = 0; ok && i < arguments.size(); i++) {
      ParameterModel argument = arguments.get(i);
      if (endpoint.isEntryParameter(argument) && i >= trailing - optional) {
        error(method, mirror, Mirrors.value(elements, mirror, "optional"), where + ": \""
            + argument.httpName + "\" is a " + argument.location.toLowerCase(Locale.ROOT)
            + " parameter, which every request needs, but optional = " + optional + " lets"
            + " callers leave it out; move it before the optional arguments or lower optional");
        ok = false;
      }
    }
    boolean rootKey = Mirrors.bool(elements, mirror, "rootKey");
    if (ok && !rootKey && endpoint.key == null) {
      error(method, mirror, Mirrors.value(elements, mirror, "rootKey"), where + ": rootKey ="
          + " false needs a @Key parameter, and the endpoint has none; remove rootKey");
      ok = false;
    }
    for (ParameterModel parameter : endpoint.parameters) {
      if (ok && endpoint.isEntryParameter(parameter) && parameter.role != Role.KEY
          && !arguments.contains(parameter) && !fixed.containsKey(parameter.httpName)) {
        error(method, mirror, Mirrors.value(elements, mirror, "args"), where + ": the "
            + parameter.location.toLowerCase(Locale.ROOT) + " parameter \""
            + parameter.httpName + "\" is neither in args nor fixed, and Retrofit cannot send a"
            + " null " + (parameter.location.equals("Body") ? "body" : "path segment")
            + "; add it to args");
        ok = false;
      }
    }
    if (!ok) return null;
    return new ConvenienceModel(name, Mirrors.string(elements, mirror, "doc"), endpoint,
        arguments, optional, timeout, rootKey, fixed);
  }

  /** Reports an overload whose erased signature an earlier convenience or the client has. */
  private boolean isUnique(ExecutableElement method, AnnotationMirror mirror,
      ConvenienceModel convenience, Map<String, String> signatures) {
    String owner = "convenience \"" + convenience.name + "\" of " + where(method);
    for (int count = convenience.trailingCount() - convenience.optional;
        count <= convenience.trailingCount(); count++) {
      String signature = ClientWriter.signature(convenience, count);
      String earlier = signatures.putIfAbsent(signature, owner);
      if (earlier != null) {
        error(method, mirror, Mirrors.value(elements, mirror, "name"), where(method)
            + " @Convenience(name = \"" + convenience.name + "\") would generate " + signature
            + ", already taken by " + earlier + "; rename one of them");
        return false;
      }
    }
    return true;
  }

  private static boolean fits(ParameterModel parameter, String text) {
    if (parameter.type.equals(ParameterModel.BOOLEAN)) {
      return text.equals("true") || text.equals("false");
    }
    if (parameter.type.equals(ParameterModel.LONG)) {
      try {
        return Long.parseLong(text) >= (parameter.positive ? 1 : 0);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (parameter.type.equals(ParameterModel.INTEGER)) {
      try {
        return Integer.parseInt(text) >= (parameter.positive ? 1 : 0);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  private static String expected(ParameterModel parameter) {
    return parameter.type.equals(ParameterModel.BOOLEAN) ? "write \"true\" or \"false\""
        : "write a decimal number of 0 or more such as \"1\"";
  }

  private static String roleName(Role role) {
    String name = role.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** Such as "a class" or "an enum". */
  private static String kindName(Element element) {
    String kind = element.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
  }

  private static String where(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
  }

  private void error(Element element, AnnotationMirror mirror, AnnotationValue value,
      String message) {
    failed = true;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
  }
}
