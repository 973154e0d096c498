package io.etcdv2.processor;

import com.squareup.javapoet.NameAllocator;
import io.etcdv2.processor.ParameterModel.Kind;
import io.etcdv2.processor.ParameterModel.Location;
import io.etcdv2.processor.ParameterModel.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/**
 * Validates one {@code @Convenience} against its endpoint: its name, arguments, fixed values,
 * optional count and signatures, and builds its model.
 */
final class ConvenienceDeclaration {
  private final Elements elements;
  private final Reporter reporter;

  ConvenienceDeclaration(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  ConvenienceModel create(
      ExecutableElement method, AnnotationMirror mirror, EndpointModel endpoint) {
    String name = Mirrors.string(elements, mirror, "name");
    String where = Reporter.where(method) + " @Convenience(name = \"" + name + "\")";
    AnnotationValue nameValue = Mirrors.value(elements, mirror, "name");
    if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      reporter.error(
          method,
          mirror,
          nameValue,
          where + ": the name is not a Java method name; use an" + " identifier such as \"setnx\"");
      return null;
    }
    Map<String, ParameterModel> byName = new LinkedHashMap<>();
    List<String> choices = new ArrayList<>();
    for (ParameterModel parameter : endpoint.parameters) {
      byName.put(parameter.httpName, parameter);
      if (parameter.role != Role.KEY) choices.add(parameter.httpName);
    }

    // The key argument takes the path parameter's name unless the method needs it itself; the
    // caller's arguments keep their HTTP names, so none may take a name already given.
    NameAllocator names = new NameAllocator();
    List<String> taken = new ArrayList<>();
    String keyArgument = null;
    if (endpoint.key != null) {
      for (String reserved : ReservedNames.CONVENIENCE_ARGUMENTS) {
        names.newName(reserved, reserved);
      }
      keyArgument = names.newName(ParameterModel.javaName(endpoint.key.httpName), endpoint.key);
      taken.add(keyArgument + " (the key)");
    }
    taken.addAll(ReservedNames.CONVENIENCE_ARGUMENTS);

    boolean ok = true;
    List<ParameterModel> arguments = new ArrayList<>();
    for (AnnotationValue value : Mirrors.array(elements, mirror, "args")) {
      String arg = (String) value.getValue();
      ParameterModel parameter = byName.get(arg);
      if (parameter == null) {
        reporter.error(
            method,
            mirror,
            value,
            where
                + ": args names \""
                + arg
                + "\", but the endpoint has"
                + " no parameter with that HTTP name; use one of "
                + choices);
        ok = false;
      } else if (parameter.role == Role.KEY) {
        reporter.error(
            method,
            mirror,
            value,
            where
                + ": args names the @Key parameter \""
                + arg
                + "\"; the key is always the first argument, so remove it from args");
        ok = false;
      } else if (arguments.contains(parameter)) {
        reporter.error(
            method,
            mirror,
            value,
            where + ": args names \"" + arg + "\" twice; name each" + " parameter once");
        ok = false;
      } else if (!SourceVersion.isIdentifier(arg)
          || SourceVersion.isKeyword(arg)
          || ReservedNames.CONVENIENCE_ARGUMENTS.contains(arg)
          || arg.equals(keyArgument)) {
        reporter.error(
            method,
            mirror,
            value,
            where
                + ": \""
                + arg
                + "\" cannot be a Java parameter name"
                + " of the generated method; conveniences take only parameters whose HTTP names are"
                + " identifiers other than "
                + String.join(", ", taken));
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
        reporter.error(
            method,
            mirror,
            value,
            where
                + ": fixes \""
                + param
                + "\", but the endpoint has no"
                + " parameter with that HTTP name; use one of "
                + choices
                + ", or declare the parameter on the endpoint");
        ok = false;
      } else if (parameter.role == Role.KEY) {
        reporter.error(
            method,
            mirror,
            value,
            where
                + ": fixes the @Key parameter \""
                + param
                + "\"; the caller always passes the key, so remove this @Fixed");
        ok = false;
      } else if (arguments.contains(parameter)) {
        reporter.error(
            method,
            mirror,
            value,
            where
                + ": \""
                + param
                + "\" is both fixed and in args;"
                + " a parameter is either fixed or passed by the caller, so remove one");
        ok = false;
      } else if (fixed.containsKey(param)) {
        reporter.error(
            method, mirror, value, where + ": fixes \"" + param + "\" twice; keep one @Fixed");
        ok = false;
      } else if (parameter.location == Location.BODY) {
        reporter.error(
            method,
            mirror,
            value,
            where
                + ": fixes the @Body parameter, which text cannot"
                + " stand for; put \"body\" in args instead");
        ok = false;
      } else if (!fits(parameter, text)) {
        reporter.error(
            method,
            mirror,
            value,
            where
                + ": fixes \""
                + param
                + "\" to \""
                + text
                + "\", which"
                + " is not a "
                + parameter.type
                + "; "
                + expected(parameter));
        ok = false;
      } else {
        fixed.put(param, text);
      }
    }

    int optional = Mirrors.integer(elements, mirror, "optional");
    boolean timeout = Mirrors.bool(elements, mirror, "timeout");
    int trailing = arguments.size() + (timeout ? 1 : 0);
    if (ok && (optional < 0 || optional > trailing)) {
      reporter.error(
          method,
          mirror,
          Mirrors.value(elements, mirror, "optional"),
          where
              + ": optional is "
              + optional
              + ", but there are "
              + trailing
              + " arguments after the key"
              + (timeout ? ", counting the timeout" : "")
              + "; use a count from 0 to "
              + trailing);
      ok = false;
    }
    for (int i = 0; ok && i < arguments.size(); i++) {
      ParameterModel argument = arguments.get(i);
      if (argument.location.isRequired() && i >= trailing - optional) {
        reporter.error(
            method,
            mirror,
            Mirrors.value(elements, mirror, "optional"),
            where
                + ": \""
                + argument.httpName
                + "\" is a "
                + argument.location.word()
                + " parameter, which every request needs, but optional = "
                + optional
                + " lets"
                + " callers leave it out; move it before the optional arguments or lower optional");
        ok = false;
      }
    }
    boolean rootKey = Mirrors.bool(elements, mirror, "rootKey");
    if (ok && !rootKey && endpoint.key == null) {
      reporter.error(
          method,
          mirror,
          Mirrors.value(elements, mirror, "rootKey"),
          where
              + ": rootKey ="
              + " false needs a @Key parameter, and the endpoint has none; remove rootKey");
      ok = false;
    }
    for (ParameterModel parameter : endpoint.parameters) {
      if (ok
          && parameter.location.isRequired()
          && parameter.role != Role.KEY
          && !arguments.contains(parameter)
          && !fixed.containsKey(parameter.httpName)) {
        reporter.error(
            method,
            mirror,
            Mirrors.value(elements, mirror, "args"),
            where
                + ": the "
                + parameter.location.word()
                + " parameter \""
                + parameter.httpName
                + "\" is neither in args nor fixed, and Retrofit cannot send a"
                + " null "
                + (parameter.location == Location.BODY ? "body" : "path segment")
                + "; add it to args");
        ok = false;
      }
    }
    if (!ok) return null;
    return new ConvenienceModel(
        name,
        Mirrors.string(elements, mirror, "doc"),
        endpoint,
        keyArgument,
        arguments,
        optional,
        timeout,
        rootKey,
        fixed);
  }

  /** Reports an overload whose erased signature an earlier convenience or the client has. */
  boolean isUnique(
      ExecutableElement method,
      AnnotationMirror mirror,
      ConvenienceModel convenience,
      Map<String, String> signatures) {
    String owner = "convenience \"" + convenience.name + "\" of " + Reporter.where(method);
    for (int count : convenience.overloadCounts()) {
      String signature = convenience.signature(count);
      String earlier = signatures.putIfAbsent(signature, owner);
      if (earlier != null) {
        reporter.error(
            method,
            mirror,
            Mirrors.value(elements, mirror, "name"),
            Reporter.where(method)
                + " @Convenience(name = \""
                + convenience.name
                + "\") would generate "
                + signature
                + ", already taken by "
                + earlier
                + "; rename one of them");
        return false;
      }
    }
    return true;
  }

  private static boolean fits(ParameterModel parameter, String text) {
    if (parameter.kind == Kind.BOOLEAN) {
      return text.equals("true") || text.equals("false");
    }
    if (parameter.kind == Kind.LONG) {
      try {
        return Long.parseLong(text) >= (parameter.positive ? 1 : 0);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (parameter.kind == Kind.INTEGER) {
      try {
        return Integer.parseInt(text) >= (parameter.positive ? 1 : 0);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  private static String expected(ParameterModel parameter) {
    return parameter.kind == Kind.BOOLEAN
        ? "write \"true\" or \"false\""
        : "write a decimal number of 0 or more such as \"1\"";
  }
}
