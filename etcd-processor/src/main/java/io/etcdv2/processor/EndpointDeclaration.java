package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import io.etcdv2.processor.ParameterModel.Kind;
import io.etcdv2.processor.ParameterModel.Location;
import io.etcdv2.processor.ParameterModel.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Validates one Retrofit endpoint of a client interface, its HTTP annotation, return type and
 * parameters, and builds its model.
 */
final class EndpointDeclaration {
  private static final Set<String> HTTP_METHODS =
      Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "HTTP");

  private final Elements elements;
  private final Reporter reporter;

  EndpointDeclaration(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /** The endpoint {@code method} declares, or null after reporting why it is not one. */
  EndpointModel create(
      ExecutableElement method, boolean overloaded, boolean hasConveniences, boolean inherited) {
    String where = Reporter.where(method);
    boolean ok = true;
    if (!method.getTypeParameters().isEmpty()) {
      reporter.error(
          method,
          null,
          null,
          where
              + (hasConveniences ? " declares @Convenience but" : "")
              + " is generic; Retrofit cannot call generic methods, so remove its type parameters");
      return null;
    }
    if (method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.DEFAULT)) {
      reporter.error(
          method,
          null,
          null,
          where
              + " declares @Convenience but is not abstract; only"
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
      String path =
          simple.equals("HTTP")
              ? Mirrors.string(elements, mirror, "path")
              : Mirrors.string(elements, mirror, "value");
      String verb = simple.equals("HTTP") ? Mirrors.string(elements, mirror, "method") : simple;
      request = verb + " " + path;
      pathTemplate = path;
    }
    if (request == null) {
      reporter.error(
          method,
          null,
          null,
          where
              + (hasConveniences ? " declares @Convenience but" : " is abstract but")
              + " has no Retrofit HTTP method annotation; every abstract"
              + " method of a client interface is an endpoint, so add one such as"
              + " @GET(\"v2/keys{key}\")");
      return null;
    }
    TypeName bodyType = bodyType(method.getReturnType());
    if (bodyType == null) {
      reporter.error(
          method,
          null,
          null,
          where
              + " returns "
              + method.getReturnType()
              + ", which the"
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
          reporter.error(
              parameter,
              Mirrors.find(parameter, ClassNames.KEY),
              null,
              where
                  + " marks both "
                  + key.httpName
                  + " and "
                  + model.httpName
                  + " as @Key; an"
                  + " endpoint has one key, so keep @Key on one of them");
          ok = false;
        }
        key = model;
      }
      if (model.role == Role.TTL) {
        if (ttl != null) {
          reporter.error(
              parameter,
              Mirrors.find(parameter, ClassNames.TTL),
              null,
              where
                  + " marks both "
                  + ttl.httpName
                  + " and "
                  + model.httpName
                  + " as @Ttl; the default"
                  + " TTL applies to one parameter, so keep @Ttl on one of them");
          ok = false;
        }
        ttl = model;
      }
      for (ParameterModel earlier : parameters) {
        if (earlier.httpName.equals(model.httpName)) {
          reporter.error(
              parameter,
              null,
              null,
              where
                  + " has two parameters named \""
                  + model.httpName
                  + "\"; conveniences refer to parameters by HTTP name, so the names must differ");
          ok = false;
        }
      }
      parameters.add(model);
    }
    if (!ok) return null;
    return new EndpointModel(
        method.getSimpleName().toString(),
        ClassName.get((TypeElement) method.getEnclosingElement()),
        request,
        bodyType,
        parameters,
        key,
        overloaded,
        firstParagraph(elements.getDocComment(method)),
        inherited);
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

  private ParameterModel parameter(
      ExecutableElement method, VariableElement parameter, String pathTemplate) {
    String where = Reporter.where(method) + " parameter " + parameter.getSimpleName();
    String httpName = null;
    Location location = null;
    AnnotationMirror pathMirror = null;
    for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
      String annotation = Mirrors.nameOf(mirror);
      if (!annotation.startsWith(ClassNames.RETROFIT_HTTP)) continue;
      String simple = annotation.substring(ClassNames.RETROFIT_HTTP.length());
      Location found = Location.of(simple);
      if (found == null) continue;
      location = found;
      if (found == Location.BODY) {
        httpName = "body";
        continue;
      }
      httpName = Mirrors.string(elements, mirror, "value");
      if (annotation.equals(ClassNames.PATH)) pathMirror = mirror;
    }
    if (httpName == null) {
      reporter.error(
          parameter,
          null,
          null,
          where
              + " has no HTTP name; the generated conveniences and"
              + " request builders fill only @Path, @Query, @Field, @Header, @Part and @Body"
              + " parameters, so use one of those");
      return null;
    }
    TypeMirror type = parameter.asType();
    TypeName typeName = TypeName.get(type);
    if (type.getKind().isPrimitive()) {
      reporter.error(
          parameter,
          null,
          null,
          where
              + " is a primitive "
              + type
              + ", which conveniences"
              + " and request builders cannot leave out; declare it as "
              + typeName.box());
      return null;
    }
    AnnotationMirror keyMirror = Mirrors.find(parameter, ClassNames.KEY);
    AnnotationMirror valueMirror = Mirrors.find(parameter, ClassNames.VALUE);
    AnnotationMirror ttlMirror = Mirrors.find(parameter, ClassNames.TTL);
    int roles =
        (keyMirror != null ? 1 : 0) + (valueMirror != null ? 1 : 0) + (ttlMirror != null ? 1 : 0);
    if (roles > 1) {
      reporter.error(
          parameter,
          null,
          null,
          where
              + " has more than one of @Key, @Value and @Ttl; a"
              + " parameter plays one role, so keep one");
      return null;
    }
    Role role =
        keyMirror != null
            ? Role.KEY
            : valueMirror != null ? Role.VALUE : ttlMirror != null ? Role.TTL : Role.PLAIN;
    AnnotationMirror roleMirror =
        keyMirror != null ? keyMirror : valueMirror != null ? valueMirror : ttlMirror;
    Kind kind = Kind.of(typeName);
    if (role != Role.PLAIN && kind != Kind.STRING) {
      reporter.error(
          parameter,
          roleMirror,
          null,
          where
              + " is @"
              + roleName(role)
              + " but has type "
              + type
              + "; the runtime sends keys, values and TTLs as text, so declare it String");
      return null;
    }
    if (role == Role.PLAIN && location != Location.BODY && kind == Kind.OBJECT) {
      reporter.error(
          parameter,
          null,
          null,
          where
              + " has type "
              + type
              + ", which the generated"
              + " conveniences and request builders cannot fill; use String, Boolean, Long or"
              + " Integer");
      return null;
    }
    if (role == Role.PLAIN && location == Location.PATH && kind != Kind.STRING) {
      reporter.error(
          parameter,
          null,
          null,
          where
              + " is a @Path of type "
              + type
              + "; path segments are"
              + " text that a request always needs, so declare it String");
      return null;
    }
    if (role == Role.KEY) {
      if (pathMirror == null || !Mirrors.bool(elements, pathMirror, "encoded")) {
        reporter.error(
            parameter,
            keyMirror,
            null,
            where
                + " is @Key but not @Path(encoded = true); the"
                + " runtime percent-encodes each key segment itself, so declare it"
                + " @Key @Path(value = \""
                + httpName
                + "\", encoded = true) String");
        return null;
      }
      String placeholder = "{" + httpName + "}";
      int at = pathTemplate.indexOf(placeholder);
      if (at < 0) {
        reporter.error(
            parameter,
            keyMirror,
            null,
            where
                + " is @Key, but the path \""
                + pathTemplate
                + "\" has no "
                + placeholder
                + "; put it right after a segment, as in"
                + " \"v2/keys"
                + placeholder
                + "\"");
        return null;
      }
      if (at > 0 && pathTemplate.charAt(at - 1) == '/') {
        reporter.error(
            parameter,
            keyMirror,
            null,
            where
                + " is @Key, whose value starts with \"/\", but"
                + " the path \""
                + pathTemplate
                + "\" puts a \"/\" before "
                + placeholder
                + "; etcd"
                + " answers the resulting \"//\" with a redirect, so write \""
                + pathTemplate.substring(0, at - 1)
                + placeholder
                + pathTemplate.substring(at + placeholder.length())
                + "\"");
        return null;
      }
    }
    AnnotationMirror positive = Mirrors.find(parameter, ClassNames.POSITIVE);
    if (positive != null && !kind.isNumber()) {
      reporter.error(
          parameter,
          positive,
          null,
          where
              + " is @Positive but has type "
              + type
              + "; only"
              + " Long and Integer numbers can be required to be at least 1");
      return null;
    }
    return new ParameterModel(httpName, location, role, typeName, positive != null);
  }

  private static String roleName(Role role) {
    String name = role.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
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
}
