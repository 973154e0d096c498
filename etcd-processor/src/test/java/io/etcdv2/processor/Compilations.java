package io.etcdv2.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Runs the processor the way a user's build does, on test inputs under {@code src/test/resources}.
 */
final class Compilations {
  private Compilations() {}

  /**
   * Every lint, {@code processing} included: it warns about annotations no processor claims, and
   * the processor claims those a user's interface and its generated client carry.
   */
  static final List<String> OPTIONS = List.of("-Xlint:all");

  static Compilation compile(JavaFileObject... sources) {
    return compile(OPTIONS, sources);
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    // The generated client compiles against the real etcd-runtime on this module's test path.
    return Compiler.javac()
        .withProcessors(new EtcdClientProcessor())
        .withOptions(options)
        .compile(sources);
  }

  /** The text of a generated source file, exactly as the processor wrote it. */
  static String generated(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no " + qualifiedName + " among " + compilation.generatedSourceFiles()));
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a generated source file. */
  static byte[] generatedBytes(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("no " + qualifiedName));
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that the generated {@code qualifiedName} equals the golden file {@code expected/...}.
   * With {@code -Dgolden.update=true} it rewrites the golden file instead, for review in the diff.
   */
  static void assertGolden(Compilation compilation, String qualifiedName, String goldenPath) {
    String actual = generated(compilation, qualifiedName);
    if (Boolean.getBoolean("golden.update")) {
      try {
        java.nio.file.Files.writeString(
            java.nio.file.Path.of("src/test/resources", goldenPath), actual);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    org.junit.jupiter.api.Assertions.assertEquals(
        resource(goldenPath),
        actual,
        qualifiedName
            + " differs from "
            + goldenPath
            + "; if the change is intended, rerun with -Dgolden.update=true and review the diff");
  }

  /** A test resource as UTF-8 text. */
  static String resource(String path) {
    try (InputStream in = Compilations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new AssertionError("missing test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
