package io.etcdv2.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The processor jar as published, after package has shaded it: javac runs it with nothing else on
 * the processor path, it carries its registrations, and its pom, sources and Javadoc are its own.
 */
class ProcessorJarIT {
  private static final String VERSION = System.getProperty("project.version");
  private static final Path JAR = Path.of(System.getProperty("processor.jar"));
  private static final String PROCESSOR = "io.etcdv2.processor.EtcdClientProcessor";

  /** The consumer project's interface and the code that calls its client, compiled by javac. */
  @Test
  void javacGeneratesTheClientWithTheJarAloneOnTheProcessorPath(@TempDir Path out)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-Xlint:all",
                "-Werror",
                "-processorpath",
                JAR.toString(),
                "-classpath",
                System.getProperty("user.classpath"),
                "-d",
                out.resolve("classes").toString(),
                "-s",
                out.resolve("generated").toString()));
    try (Stream<Path> files = Files.walk(Path.of("src/it/maven-consumer/src/main/java"))) {
      command.addAll(
          files
              .filter(f -> f.toString().endsWith(".java"))
              .map(Path::toString)
              .collect(Collectors.toList()));
    }
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(javac.waitFor(2, TimeUnit.MINUTES), "javac did not finish");

    assertEquals(0, javac.exitValue(), "javac failed:\n" + output);
    assertEquals("", output, "javac printed warnings or notes");
    String client = Files.readString(out.resolve("generated/com/example/jobs/JobsClient.java"));
    assertTrue(
        client.contains("public EtcdResponse<KeysResult> enqueue(String queue, Object value)"),
        client);
    assertTrue(Files.isRegularFile(out.resolve("classes/com/example/jobs/JobsClient.class")));
    assertTrue(Files.isRegularFile(out.resolve("classes/com/example/jobs/Jobs.class")));
  }

  @Test
  void theJarHoldsJavaPoetRelocatedAndTheProcessorsRegistrations() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> names = new ArrayList<>();
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        names.add(e.nextElement().getName());
      }
      assertTrue(names.contains("io/etcdv2/processor/shaded/javapoet/JavaFile.class"), "" + names);
      for (String name : names) {
        assertFalse(name.startsWith("com/"), name + ": JavaPoet must be relocated");
        if (name.endsWith(".class")) {
          assertFalse(
              text(jar, name).contains("com/squareup/javapoet"),
              name + " still refers to JavaPoet's own package");
        }
      }
      assertEquals(
          PROCESSOR, text(jar, "META-INF/services/javax.annotation.processing.Processor").strip());
      assertEquals(
          PROCESSOR + ",ISOLATING",
          text(jar, "META-INF/gradle/incremental.annotation.processors").strip());
      assertEquals(
          "io.etcdv2.processor",
          jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
    }
  }

  /** The pom invoker:install took from the build, as install and deploy would publish it. */
  @Test
  void thePublishedPomDependsOnNothingAtRunTime() throws Exception {
    File pom =
        Path.of(
                System.getProperty("it.repo"),
                "io/etcdv2/etcd-processor",
                VERSION,
                "etcd-processor-" + VERSION + ".pom")
            .toFile();
    NodeList dependencies =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(pom)
            .getElementsByTagName("dependency");

    assertTrue(dependencies.getLength() > 0, "no dependencies at all in " + pom);
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      // Only the project's own dependencies, not those of its plugins.
      if (!dependency.getParentNode().getParentNode().getNodeName().equals("project")) continue;
      String artifact = child(dependency, "artifactId", "");
      assertFalse(artifact.equals("javapoet"), pom + " still lists JavaPoet");
      String scope = child(dependency, "scope", "compile");
      assertTrue(
          scope.equals("provided") || scope.equals("test"),
          pom + ": " + artifact + " would reach users' processor paths (scope " + scope + ")");
    }
  }

  @Test
  void theSourcesAndJavadocJarsAreTheProcessorsOwn() throws IOException {
    Path target = JAR.getParent();
    try (JarFile sources =
        new JarFile(target.resolve("etcd-processor-" + VERSION + "-sources.jar").toFile())) {
      assertNotNull(sources.getEntry("io/etcdv2/processor/EtcdClientProcessor.java"));
      assertFalse(
          sources.stream().anyMatch(e -> e.getName().contains("javapoet")),
          "the sources jar holds JavaPoet");
    }
    try (JarFile javadoc =
        new JarFile(target.resolve("etcd-processor-" + VERSION + "-javadoc.jar").toFile())) {
      // Under the module directory javadoc names after the Automatic-Module-Name.
      assertTrue(
          javadoc.stream()
              .anyMatch(e -> e.getName().endsWith("io/etcdv2/processor/EtcdClientProcessor.html")),
          "the Javadoc jar does not document EtcdClientProcessor");
      assertFalse(
          javadoc.stream().anyMatch(e -> e.getName().contains("javapoet")),
          "the Javadoc jar documents JavaPoet");
    }
  }

  private static String text(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertNotNull(entry, name + " missing from " + JAR);
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /** The text of the direct child element {@code name}, or {@code absent}. */
  private static String child(Element element, String name, String absent) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node.getNodeName().equals(name)) return node.getTextContent().strip();
    }
    return absent;
  }
}
