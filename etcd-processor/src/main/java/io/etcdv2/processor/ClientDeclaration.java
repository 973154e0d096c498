package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates one {@code @GenerateClient} interface, reporting each misuse on the element, annotation
 * and value at fault, and builds the client's model when all is well. Endpoints are checked by
 * {@link EndpointDeclaration}, conveniences by {@link ConvenienceDeclaration}.
 */
final class ClientDeclaration {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final EndpointDeclaration endpoints;
  private final ConvenienceDeclaration conveniences;

  private ClientDeclaration(Elements elements, Types types, Messager messager) {
    this.elements = elements;
    this.types = types;
    this.reporter = new Reporter(messager);
    this.endpoints = new EndpointDeclaration(elements, reporter);
    this.conveniences = new ConvenienceDeclaration(elements, reporter);
  }

  /** The model of {@code element}, or empty after reporting why it cannot be generated. */
  static Optional<ClientModel> createIfValid(
      Element element, Elements elements, Types types, Messager messager) {
    return new ClientDeclaration(elements, types, messager).validate(element);
  }

  private Optional<ClientModel> validate(Element element) {
    AnnotationMirror generate = Mirrors.find(element, ClassNames.GENERATE_CLIENT);
    if (element.getKind() != ElementKind.INTERFACE) {
      reporter.error(
          element,
          generate,
          null,
          "@GenerateClient must annotate an interface, but "
              + element.getSimpleName()
              + " is "
              + kindName(element)
              + "; declare a Retrofit interface, e.g. interface MyApi extends EtcdApi");
      return Optional.empty();
    }
    TypeElement type = (TypeElement) element;
    if (!type.getTypeParameters().isEmpty()) {
      reporter.error(
          type,
          generate,
          null,
          "@GenerateClient interface "
              + type.getSimpleName()
              + " must not be generic, because Retrofit cannot implement generic interfaces;"
              + " remove its type parameters");
      return Optional.empty();
    }
    ClassName apiType = ClassName.get(type);
    String name = Mirrors.string(elements, generate, "name");
    if (name.isEmpty()) {
      name = clientName(type.getSimpleName().toString());
    } else if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      reporter.error(
          type,
          generate,
          Mirrors.value(elements, generate, "name"),
          "@GenerateClient name \""
              + name
              + "\" is not a Java class name; use a simple identifier such as \"MyClient\"");
      return Optional.empty();
    }
    ClassName clientType = ClassName.get(apiType.packageName(), name);
    ClassName abstractType =
        Mirrors.bool(elements, generate, "base")
            ? ClassName.get(apiType.packageName(), abstractName(name))
            : null;
    TypeElement ancestor = baseAncestor(type);

    List<EndpointModel> endpointModels = new ArrayList<>();
    List<ConvenienceModel> models = new ArrayList<>();
    Map<String, String> signatures = new HashMap<>();
    for (String taken : ReservedNames.CLIENT_SIGNATURES) {
      signatures.put(taken, "a member of every client");
    }
    List<ExecutableElement> methods = declarationOrder(type);
    for (ExecutableElement method : methods) {
      List<AnnotationMirror> declared = Mirrors.conveniences(elements, method);
      boolean abstractMethod =
          !method.getModifiers().contains(Modifier.STATIC)
              && !method.getModifiers().contains(Modifier.DEFAULT);
      if (declared.isEmpty() && !abstractMethod) continue;
      EndpointModel endpoint =
          endpoints.create(
              method,
              isOverloaded(method, methods),
              !declared.isEmpty(),
              isInherited(method, ancestor));
      if (endpoint == null) continue;
      endpointModels.add(endpoint);
      for (AnnotationMirror convenience : declared) {
        ConvenienceModel model = conveniences.create(method, convenience, endpoint);
        if (model != null && conveniences.isUnique(method, convenience, model, signatures)) {
          models.add(model);
        }
      }
    }
    if (reporter.failed()) return Optional.empty();
    ClassName baseType =
        ancestor == null
            ? null
            : ClassName.get(
                ClassName.get(ancestor).packageName(), abstractName(clientNameOf(ancestor)));
    return Optional.of(
        new ClientModel(
            type,
            apiType,
            clientType,
            abstractType,
            baseType,
            ancestor != null && extendsKeysApi(ancestor),
            endpointModels,
            models,
            extendsKeysApi(type)));
  }

  /**
   * The nearest interface above {@code type} declared {@code @GenerateClient(base = true)}, whose
   * generated base the client extends; superinterfaces are searched depth first in declaration
   * order. Null when there is none.
   */
  private TypeElement baseAncestor(TypeElement type) {
    for (TypeMirror parent : type.getInterfaces()) {
      TypeElement element = (TypeElement) ((DeclaredType) parent).asElement();
      AnnotationMirror generate = Mirrors.find(element, ClassNames.GENERATE_CLIENT);
      if (generate != null && Mirrors.bool(elements, generate, "base")) return element;
      TypeElement above = baseAncestor(element);
      if (above != null) return above;
    }
    return null;
  }

  /** Whether {@code method} is declared on {@code ancestor} or above it, so its base has it. */
  private boolean isInherited(ExecutableElement method, TypeElement ancestor) {
    if (ancestor == null) return false;
    TypeMirror declaring = types.erasure(method.getEnclosingElement().asType());
    return types.isSubtype(types.erasure(ancestor.asType()), declaring);
  }

  /** The client name {@code @GenerateClient} gives {@code type}, which carries it. */
  private String clientNameOf(TypeElement type) {
    String name = Mirrors.string(elements, Mirrors.find(type, ClassNames.GENERATE_CLIENT), "name");
    return name.isEmpty() ? clientName(type.getSimpleName().toString()) : name;
  }

  /** The naming rule of generated bases: {@code EtcdClient}'s is {@code AbstractEtcdClient}. */
  static String abstractName(String clientName) {
    return "Abstract" + clientName;
  }

  private boolean extendsKeysApi(TypeElement type) {
    TypeElement keys = elements.getTypeElement(ClassNames.KEYS_API);
    if (keys == null) return false;
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getEnclosingElement().equals(keys)) return true;
    }
    return false;
  }

  /**
   * The naming rule: {@code FooApi} gives {@code FooClient}, any other {@code Foo} gives {@code
   * FooClient}.
   */
  static String clientName(String interfaceName) {
    String base =
        interfaceName.endsWith("Api") && interfaceName.length() > 3
            ? interfaceName.substring(0, interfaceName.length() - 3)
            : interfaceName;
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

  private static void collect(
      TypeElement type, Set<ExecutableElement> members, List<ExecutableElement> ordered) {
    for (TypeMirror parent : type.getInterfaces()) {
      collect((TypeElement) ((DeclaredType) parent).asElement(), members, ordered);
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (members.contains(method) && !ordered.contains(method)) ordered.add(method);
    }
  }

  private static boolean isOverloaded(ExecutableElement method, List<ExecutableElement> all) {
    for (ExecutableElement other : all) {
      if (other != method && other.getSimpleName().equals(method.getSimpleName())) return true;
    }
    return false;
  }

  /** Such as "a class" or "an enum". */
  private static String kindName(Element element) {
    String kind = element.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
  }
}
