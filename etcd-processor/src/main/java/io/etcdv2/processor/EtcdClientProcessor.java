package io.etcdv2.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.JavaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Generates an etcd client for every interface annotated {@code @GenerateClient}: collects the
 * interfaces, validates each in {@link ClientDeclaration}, and writes the valid ones with {@link
 * ClientWriter}.
 */
@AutoService(Processor.class)
public final class EtcdClientProcessor extends AbstractProcessor {
  /**
   * What the processor claims, so that javac's {@code -Xlint:processing} ("No processor claimed any
   * of these annotations") does not fail a user's {@code -Werror} build on annotations that are
   * handled: the etcd annotations, which this processor reads; Retrofit's, which it reads too and
   * which otherwise only Retrofit reads, at run time; and the {@code @Generated} it puts on what it
   * writes. Any other annotation is left to other processors, or to javac's warning.
   */
  private static final Set<String> CLAIMED =
      Set.of(
          ClassNames.ANNOTATION_PACKAGE + ".*",
          ClassNames.RETROFIT_HTTP + "*",
          "javax.annotation.processing.Generated",
          "javax.annotation.Generated");

  /** Clients written so far in this compilation, by qualified name. */
  private final Set<String> written = new HashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return CLAIMED;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  @SuppressWarnings("DoNotClaimAnnotations") // claimed on purpose: see ClaimedAnnotationsTest
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Elements elements = processingEnv.getElementUtils();
    TypeElement annotation = elements.getTypeElement(ClassNames.GENERATE_CLIENT);
    if (annotation == null) return true;
    for (Element element : round.getElementsAnnotatedWith(annotation)) {
      try {
        Optional<ClientModel> model =
            ClientDeclaration.createIfValid(
                element, elements, processingEnv.getTypeUtils(), processingEnv.getMessager());
        if (model.isPresent() && isFreeName(model.get(), elements)) {
          for (JavaFile file : new ClientWriter(generatedAnnotation(elements)).write(model.get())) {
            SourceFiles.write(file, processingEnv.getFiler());
            written.add(file.packageName + "." + file.typeSpec.name);
          }
        }
      } catch (IOException | RuntimeException e) {
        // Never crash javac: one clear error with the cause, then go on with the next interface.
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        processingEnv
            .getMessager()
            .printMessage(
                Diagnostic.Kind.ERROR,
                "@GenerateClient: the etcd processor failed on "
                    + element
                    + " with an unexpected "
                    + e
                    + "; please report it with this trace:\n"
                    + trace,
                element);
      }
    }
    return true;
  }

  /** Reports a client, or its generated base, whose name another type already has. */
  private boolean isFreeName(ClientModel model, Elements elements) {
    String name = model.clientType.canonicalName();
    if (isFree(name, elements)) {
      if (model.abstractType == null || isFree(model.abstractType.canonicalName(), elements)) {
        return true;
      }
      name = model.abstractType.canonicalName();
    }
    processingEnv
        .getMessager()
        .printMessage(
            Diagnostic.Kind.ERROR,
            "@GenerateClient cannot"
                + " generate "
                + name
                + " for "
                + model.apiType.simpleName()
                + ": a type with that name"
                + " already exists; choose another with @GenerateClient(name = \"...\")",
            model.origin,
            Mirrors.find(model.origin, ClassNames.GENERATE_CLIENT));
    return false;
  }

  private boolean isFree(String name, Elements elements) {
    return !written.contains(name) && elements.getTypeElement(name) == null;
  }

  /** {@code @Generated} as the target source level spells it, or null where it has none. */
  private ClassName generatedAnnotation(Elements elements) {
    if (elements.getTypeElement("javax.annotation.processing.Generated") != null
        && processingEnv.getSourceVersion().compareTo(SourceVersion.RELEASE_8) > 0) {
      return ClassName.get("javax.annotation.processing", "Generated");
    }
    if (elements.getTypeElement("javax.annotation.Generated") != null) {
      return ClassName.get("javax.annotation", "Generated");
    }
    return null;
  }
}
