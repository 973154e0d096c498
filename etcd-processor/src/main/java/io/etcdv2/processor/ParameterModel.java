package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/** One parameter of an endpoint, as conveniences see it: its HTTP name, role and type. */
final class ParameterModel {
  enum Role {
    /** {@code @Key}: the caller's key, normalised and encoded by the runtime. */
    KEY,
    /** {@code @Value}: an object encoded by the value serializer. */
    VALUE,
    /** {@code @Ttl}: a {@code long} TTL with the client's default. */
    TTL,
    /** Anything else: passed as its own type. */
    PLAIN
  }

  static final TypeName STRING = ClassName.get(String.class);
  static final TypeName BOOLEAN = ClassName.get(Boolean.class);
  static final TypeName LONG = ClassName.get(Long.class);
  static final TypeName INTEGER = ClassName.get(Integer.class);

  final String httpName;
  /** The Retrofit annotation's simple name, such as {@code Query}. */
  final String location;
  final Role role;
  final TypeName type;
  /** {@code @Positive}: a number the generated code requires to be at least 1. */
  final boolean positive;

  ParameterModel(String httpName, String location, Role role, TypeName type, boolean positive) {
    this.httpName = httpName;
    this.location = location;
    this.role = role;
    this.type = type;
    this.positive = positive;
  }

  /**
   * An HTTP name as a Java identifier, for the generated code's parameters and setters: {@code
   * no-value} becomes {@code noValue}, a keyword gets an underscore.
   */
  static String javaName(String httpName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : httpName.toCharArray()) {
      if (Character.isJavaIdentifierPart(c) && c != '$') {
        out.append(upper && out.length() > 0 ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) out.insert(0, 'p');
    out.setCharAt(0, Character.toLowerCase(out.charAt(0)));
    String name = out.toString();
    return SourceVersion.isKeyword(name) ? name + "_" : name;
  }

  /** The runtime method that checks a number argument: {@code index} or {@code positive}. */
  String numberCheck() {
    String kind = type.equals(INTEGER) ? "Count" : "Index";
    return positive ? "positive" + kind : kind.toLowerCase(Locale.ROOT);
  }

  /** The type a convenience argument for this parameter has. */
  TypeName argumentType() {
    switch (role) {
      case KEY: return STRING;
      case VALUE: return ClassName.OBJECT;
      case TTL: return TypeName.LONG;
      default:
        return type.equals(BOOLEAN) || type.equals(LONG) || type.equals(INTEGER)
            ? type.unbox() : type;
    }
  }
}
