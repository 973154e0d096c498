package io.etcdv2.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.codehaus.mojo.animal_sniffer.SignatureChecker;
import org.codehaus.mojo.animal_sniffer.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Android API 21 check the build runs on etcd-api, etcd-runtime, etcd-client and etcd-recipes:
 * it is configured on each, and the signature it uses rejects what API 21 lacks (the classes the
 * library must avoid) while accepting what it has.
 */
class AndroidApiCheckTest {
  @TempDir Path dir;

  @Test
  void everyLibraryModuleRunsTheCheckInTheNormalBuild() throws IOException {
    String parent = Files.readString(Path.of("../pom.xml"));
    assertTrue(parent.contains("<artifactId>android-api-level-21</artifactId>"), "signature");
    assertTrue(
        Pattern.compile("<phase>process-classes</phase>\\s*<goals>\\s*<goal>check</goal>")
            .matcher(parent)
            .find(),
        "the check goal is bound to the build");
    for (String module : List.of("etcd-api", "etcd-runtime", "etcd-client", "etcd-recipes")) {
      String pom = Files.readString(Path.of("..", module, "pom.xml"));
      assertTrue(
          pom.contains("<artifactId>animal-sniffer-maven-plugin</artifactId>"),
          module + " runs animal-sniffer");
    }
  }

  @Test
  void rejectsWhatApi21Lacks() throws IOException {
    List<String> errors =
        check(
            "UsesNewApis",
            """
        class UsesNewApis {
          java.util.Optional<String> optional() { return java.util.Optional.empty(); }
          Object path() { return java.nio.file.Paths.get("/"); }
          Object now() { return java.time.Instant.now(); }
          Object future() { return new java.util.concurrent.CompletableFuture<String>(); }
        }
        """);
    String all = String.join("\n", errors);
    for (String missing :
        List.of(
            "java.util.Optional",
            "java.nio.file.Paths",
            "java.time.Instant",
            "java.util.concurrent.CompletableFuture")) {
      assertTrue(all.contains(missing), missing + " not reported in:\n" + all);
    }
  }

  @Test
  void acceptsWhatApi21Has() throws IOException {
    List<String> errors =
        check(
            "UsesOldApis",
            """
        class UsesOldApis {
          Object set() { return java.util.Collections.synchronizedSet(new java.util.HashSet<>()); }
          byte[] utf8() { return "x".getBytes(java.nio.charset.StandardCharsets.UTF_8); }
          Object logger() { return java.util.logging.Logger.getLogger("x"); }
        }
        """);
    assertEquals(Collections.emptyList(), errors);
  }

  /** Compiles {@code source} for Java 8 and returns animal-sniffer's complaints about it. */
  private List<String> check(String name, String source) throws IOException {
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(null, null, null, "--release", "8", "-d", dir.toString(), file.toString());
    assertEquals(0, status, "javac failed on " + name);

    List<String> errors = new ArrayList<>();
    String signature = System.getProperty("android.signature");
    assertFalse(
        signature == null || !new File(signature).isFile(),
        "android.signature should name the API 21 signature file but is " + signature);
    try (InputStream in = Files.newInputStream(Path.of(signature))) {
      SignatureChecker checker =
          new SignatureChecker(in, Collections.<String>emptySet(), new CollectingLogger(errors));
      checker.setSourcePath(Collections.<File>emptyList());
      checker.setAnnotationTypes(Collections.singletonList(SignatureChecker.ANNOTATION_FQN));
      checker.process(dir.resolve(name + ".class").toFile());
      assertEquals(!errors.isEmpty(), checker.isSignatureBroken());
    }
    return errors;
  }

  /** Keeps the checker's errors; everything else it says is noise here. */
  private static final class CollectingLogger implements Logger {
    private static final Pattern UNDEFINED = Pattern.compile("Undefined reference: (.*)");
    private final List<String> errors;

    CollectingLogger(List<String> errors) {
      this.errors = errors;
    }

    @Override
    public void error(String message) {
      Matcher matcher = UNDEFINED.matcher(message);
      errors.add(matcher.find() ? matcher.group(1) : message);
    }

    @Override
    public void error(String message, Throwable t) {
      error(message);
    }

    @Override
    public void info(String message) {}

    @Override
    public void info(String message, Throwable t) {}

    @Override
    public void debug(String message) {}

    @Override
    public void debug(String message, Throwable t) {}

    @Override
    public void warn(String message) {}

    @Override
    public void warn(String message, Throwable t) {}
  }
}
