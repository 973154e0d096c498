package io.etcdv2.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads annotations by name, so that they need not be on the processor's class path. */
final class Mirrors {
  private Mirrors() {}

  static AnnotationMirror find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (nameOf(mirror).equals(qualifiedName)) return mirror;
    }
    return null;
  }

  static String nameOf(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** The annotation's {@code name} member, its default filled in. */
  static AnnotationValue value(Elements elements, AnnotationMirror mirror, String name) {
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        elements.getElementValuesWithDefaults(mirror);
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        values.entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) return entry.getValue();
    }
    throw new IllegalArgumentException("@" + nameOf(mirror) + " has no member " + name);
  }

  static String string(Elements elements, AnnotationMirror mirror, String name) {
    return (String) value(elements, mirror, name).getValue();
  }

  static int integer(Elements elements, AnnotationMirror mirror, String name) {
    return (Integer) value(elements, mirror, name).getValue();
  }

  static boolean bool(Elements elements, AnnotationMirror mirror, String name) {
    return (Boolean) value(elements, mirror, name).getValue();
  }

  /** The members of an array-valued member; a single value written without braces counts too. */
  @SuppressWarnings("unchecked")
  static List<AnnotationValue> array(Elements elements, AnnotationMirror mirror, String name) {
    Object value = value(elements, mirror, name).getValue();
    if (value instanceof List) return new ArrayList<>((List<AnnotationValue>) value);
    List<AnnotationValue> single = new ArrayList<>();
    single.add(value(elements, mirror, name));
    return single;
  }

  /** Every {@code @Convenience} on {@code method}, whether written once or repeated. */
  static List<AnnotationMirror> conveniences(Elements elements, Element method) {
    List<AnnotationMirror> found = new ArrayList<>();
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      String name = nameOf(mirror);
      if (name.equals(ClassNames.CONVENIENCE)) {
        found.add(mirror);
      } else if (name.equals(ClassNames.CONVENIENCE_LIST)) {
        for (AnnotationValue each : array(elements, mirror, "value")) {
          found.add((AnnotationMirror) each.getValue());
        }
      }
    }
    return found;
  }
}
