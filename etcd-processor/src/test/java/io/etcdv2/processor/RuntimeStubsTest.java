package io.etcdv2.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime stubs that generated code is compiled against declare their members exactly as
 * etcd-runtime does, so that code which compiles against the stubs compiles against the runtime.
 */
class RuntimeStubsTest {
  /** A public or protected class, constructor or method declaration, up to its body. */
  private static final Pattern DECLARATION =
      Pattern.compile("(?m)^\\s*(?:public|protected)\\s[^;={]*\\{");

  @ParameterizedTest
  @ValueSource(strings = {"EtcdRuntime", "ClientBuilder", "WatchBuilder"})
  void declaresEveryMemberAsTheRuntimeDoes(String name) throws IOException {
    String stub = read(Path.of("src/test/resources/stubs/io/etcdv2/runtime", name + ".java"));
    String runtime = normalized(
        read(Path.of("../etcd-runtime/src/main/java/io/etcdv2/runtime", name + ".java")));

    List<String> declarations = new ArrayList<>();
    Matcher matcher = DECLARATION.matcher(stub);
    while (matcher.find()) declarations.add(normalized(matcher.group()).trim());
    assertWithMessage("declarations in the %s stub", name).that(declarations).isNotEmpty();
    for (String declaration : declarations) {
      assertWithMessage("the %s stub declares `%s`, which etcd-runtime does not; copy the"
          + " declaration from etcd-runtime", name, declaration)
          .that(runtime).contains(declaration);
    }
  }

  private static String read(Path path) throws IOException {
    return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
  }

  /** Source text with each run of white space, line breaks included, as one space. */
  private static String normalized(String source) {
    return source.replaceAll("\\s+", " ");
  }
}
