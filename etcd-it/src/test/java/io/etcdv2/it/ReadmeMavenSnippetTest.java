package io.etcdv2.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Maven snippet is the one the consumer build in {@code src/it/maven-consumer} runs
 * under each tested Maven version, so what a new user copies is what the build proves.
 */
class ReadmeMavenSnippetTest {
  private static final String VERSION = System.getProperty("project.version");

  @Test
  void theConsumerBuildUsesTheReadmesSnippetWordForWord() throws IOException {
    String[] parts = readmeSnippet().split("\n\\.\\.\\.\n");
    assertEquals(2, parts.length, "the README's snippet: a dependency, a line \"...\", a plugin");
    String pom =
        Files.readString(Path.of("src/it/maven-consumer/pom.xml"))
            .replace("@project.version@", VERSION);

    assertEquals(
        lines(parts[0]),
        lines(marked(pom, "dependency")),
        "README's dependency vs. src/it/maven-consumer/pom.xml; change both");
    assertEquals(
        lines(parts[1]),
        lines(marked(pom, "plugin")),
        "README's compiler plugin vs. src/it/maven-consumer/pom.xml; change both");
  }

  /** Without a version, Maven 3.8 falls back to compiler plugin 3.1, which builds no client. */
  @Test
  void theSnippetGivesTheCompilerPluginAVersion() throws IOException {
    String plugin = readmeSnippet().split("\n\\.\\.\\.\n")[1];

    assertTrue(
        plugin.matches(
            "(?s).*<artifactId>maven-compiler-plugin</artifactId>\\s*"
                + "<version>\\d+\\.\\d+\\.\\d+</version>.*"),
        plugin);
  }

  /** The README names the Maven versions the consumer build runs with, and no others. */
  @Test
  void theReadmeNamesTheMavenVersionsTheSnippetIsTestedWith() throws IOException {
    String tested =
        "tested with Maven "
            + System.getProperty("it.maven38.version")
            + " and "
            + System.getProperty("it.maven39.version");

    assertTrue(readme().contains(tested), "README.md should say \"" + tested + "\"");
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of("../README.md"));
  }

  /** The xml block after "Maven" in the README's section on extending the interface. */
  private static String readmeSnippet() throws IOException {
    String readme = readme();
    int section = readme.indexOf("## Extending the interface for your own endpoints");
    assertTrue(section >= 0, "README.md has no section on extending the interface");
    int maven = readme.indexOf("\nMaven", section);
    int start = readme.indexOf("```xml\n", maven) + "```xml\n".length();
    int end = readme.indexOf("```", start);
    assertTrue(maven >= 0 && start > maven && end > start, "no Maven snippet in that section");
    return readme.substring(start, end);
  }

  /** The part of the consumer's pom between {@code <!-- README: name -->} and the next end. */
  private static String marked(String pom, String name) {
    String begin = "<!-- README: " + name + " -->";
    int start = pom.indexOf(begin);
    int end = pom.indexOf("<!-- README: end -->", start);
    assertTrue(start >= 0 && end > start, "no " + begin + " ... end in the consumer's pom");
    return pom.substring(start + begin.length(), end);
  }

  /** Non-blank lines without their indentation. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) lines.add(line.strip());
    }
    return lines;
  }
}
