package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/** One parameter of an endpoint, as conveniences see it: its HTTP name, place, role and type. */
final class ParameterModel {
  /** Where Retrofit puts the parameter: the annotation it carries. */
  enum Location {
    PATH,
    QUERY,
    FIELD,
    HEADER,
    PART,
    BODY;

    /** The Retrofit annotation's simple name, such as {@code Query}. */
    String annotation() {
      String name = name().toLowerCase(Locale.ROOT);
      return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** For messages: {@code path}, {@code query}, .... */
    String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Path segments and the body go into every request, so the caller must give them. */
    boolean isRequired() {
      return this == PATH || this == BODY;
    }

    /** The location of a Retrofit parameter annotation's simple name, or null for another one. */
    static Location of(String annotation) {
      for (Location location : values()) {
        if (location.annotation().equals(annotation)) return location;
      }
      return null;
    }
  }

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

  /** The declared type, as far as the generated code treats types differently. */
  enum Kind {
    STRING,
    BOOLEAN,
    LONG,
    INTEGER,
    /** A request body of any type, sent as JSON. */
    OBJECT;

    static Kind of(TypeName type) {
      if (type.equals(STRING_TYPE)) return STRING;
      if (type.equals(BOOLEAN_TYPE)) return BOOLEAN;
      if (type.equals(LONG_TYPE)) return LONG;
      if (type.equals(INTEGER_TYPE)) return INTEGER;
      return OBJECT;
    }

    boolean isNumber() {
      return this == LONG || this == INTEGER;
    }
  }

  static final TypeName STRING_TYPE = ClassName.get(String.class);
  static final TypeName BOOLEAN_TYPE = ClassName.get(Boolean.class);
  static final TypeName LONG_TYPE = ClassName.get(Long.class);
  static final TypeName INTEGER_TYPE = ClassName.get(Integer.class);

  final String httpName;
  final Location location;
  final Role role;

  /** The declared type, always a reference type. */
  final TypeName type;

  final Kind kind;

  /** {@code @Positive}: a number the generated code requires to be at least 1. */
  final boolean positive;

  ParameterModel(String httpName, Location location, Role role, TypeName type, boolean positive) {
    this.httpName = httpName;
    this.location = location;
    this.role = role;
    this.type = type;
    this.kind = Kind.of(type);
    this.positive = positive;
  }

  /**
   * An HTTP name as a Java identifier, for the generated code's parameters and setters: {@code
   * no-value} becomes {@code noValue}, a keyword gets an underscore.
   */
  static String javaName(String httpName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (int i = 0; i < httpName.length(); i++) {
      char c = httpName.charAt(i);
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

  /** The type a convenience argument or a setter for this parameter takes. */
  TypeName argumentType() {
    switch (role) {
      case KEY:
        return STRING_TYPE;
      case VALUE:
        return ClassName.OBJECT;
      case TTL:
        return TypeName.LONG;
      default:
        return kind == Kind.BOOLEAN || kind.isNumber() ? type.unbox() : type;
    }
  }
}
