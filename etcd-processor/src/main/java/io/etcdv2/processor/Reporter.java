package io.etcdv2.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/** Prints errors on the element, annotation and value at fault, and remembers that it did. */
final class Reporter {
  private final Messager messager;
  private boolean failed;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void error(Element element, AnnotationMirror mirror, AnnotationValue value, String message) {
    failed = true;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
  }

  boolean failed() {
    return failed;
  }

  /** Such as {@code KeysApi.putKey}, naming a method in messages. */
  static String where(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
  }
}
