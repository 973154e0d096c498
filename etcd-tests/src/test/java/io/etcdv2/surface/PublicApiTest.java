package io.etcdv2.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public API of every published module (the artifacts etcd-bom lists), compared with the list
 * checked in as {@code MODULE/api/MODULE.api}: any change of the surface, growth included, is a
 * deliberate change that shows in review. Until there is a published jar for japicmp to compare
 * with, this list is the compatibility check.
 *
 * <p>It lists, from each module's {@code target/classes}, every public or protected type outside
 * packages named {@code internal} (documented as not API) with its supertypes, and every public or
 * protected constructor, method and field it declares or inherits from a class that is not API
 * itself, in generic form and sorted. Regenerate the files after a deliberate change with
 *
 * <pre>{@code
 * ./mvnw -B test -pl etcd-tests -am -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true
 * }</pre>
 */
// Public, so that the fixtures at the end, nested in it, can be API.
public class PublicApiTest {
  private static final String UPDATE = "api.update";
  private static final String REGENERATE =
      "./mvnw -B test -pl etcd-tests -am -Dtest=PublicApiTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -D"
          + UPDATE
          + "=true";
  private static final Pattern BOM_ARTIFACT =
      Pattern.compile("<groupId>io\\.etcdv2</groupId>\\s*<artifactId>([^<]+)</artifactId>");

  /** The published modules: the project's artifacts in etcd-bom. */
  static List<String> publishedModules() throws IOException {
    String pom = Files.readString(Path.of("..", "etcd-bom", "pom.xml"));
    String bom = pom.substring(pom.indexOf("<dependencyManagement>"));
    Set<String> modules = new TreeSet<>();
    Matcher matcher = BOM_ARTIFACT.matcher(bom);
    while (matcher.find()) modules.add(matcher.group(1));
    return new ArrayList<>(modules);
  }

  @Test
  void theBomNamesTheLibraryModules() throws IOException {
    List<String> modules = publishedModules();
    for (String module : List.of("etcd-api", "etcd-runtime", "etcd-client", "etcd-recipes")) {
      assertTrue(modules.contains(module), "etcd-bom lists " + modules + ", not " + module);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publishedModules")
  void publicApiIsTheCheckedInList(String module) throws IOException {
    String name = module + "/api/" + module + ".api";
    Path file = Path.of("..", name);
    String actual = describe(module);
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
      return;
    }
    if (!Files.exists(file)) {
      fail(
          module
              + " has no public API list at "
              + name
              + "; generate it with "
              + REGENERATE
              + " and commit it");
    }
    String expected = Files.readString(file);
    if (!expected.equals(actual)) {
      fail(
          "The public API of "
              + module
              + " is not the one in "
              + name
              + ". If the change is deliberate, regenerate the list with "
              + REGENERATE
              + " and commit it.\n"
              + difference(expected, actual));
    }
  }

  @Test
  void theListShowsTypesMembersAndWhatHiddenSupertypesLendThem() {
    List<String> lines =
        describe(
            List.of(
                Visible.class.getName(),
                Hidden.class.getName(),
                Visible.Nested.class.getName(),
                NotApi.class.getName()));
    String text = String.join("\n", lines);
    String visible = Visible.class.getTypeName();
    assertEquals(
        List.of(
            "public static class "
                + visible
                + "<T extends java.lang.CharSequence> extends "
                + Hidden.class.getTypeName()
                + " implements java.lang.Runnable",
            "  protected java.lang.String field",
            "  public " + visible + "()",
            "  public final java.util.List<T> all(java.util.List<T>,java.lang.String...)"
                + " throws java.io.IOException",
            "  public void run()",
            "  public void " + Hidden.class.getTypeName() + ".lent(int)",
            "",
            "public static final class " + visible + "$Nested",
            "  public static final int CONSTANT",
            ""),
        lines,
        text);
  }

  @Test
  void aDifferenceNamesEachChangedLineWithItsType() {
    String expected =
        """
        public final class a.A
          public void kept()
          public void gone()

        """;
    String actual =
        """
        public final class a.A
          public void kept()
          public int added()

        public final class a.B

        """;

    assertEquals(
        """
        - public void gone()   (in public final class a.A)
        + public int added()   (in public final class a.A)
        + public final class a.B
        """,
        difference(expected, actual));
  }

  /** The module's API list, as the checked-in file holds it. */
  private static String describe(String module) {
    Path classes = Path.of("..", module, "target", "classes");
    assertTrue(
        Files.isDirectory(classes),
        classes.normalize()
            + " is missing: build "
            + module
            + " first ("
            + REGENERATE
            + " builds it)");
    List<String> names;
    try (Stream<Path> files = Files.walk(classes)) {
      names =
          files
              .map(classes::relativize)
              .map(Path::toString)
              .filter(name -> name.endsWith(".class"))
              .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
              .filter(name -> !name.endsWith("package-info") && !name.endsWith("module-info"))
              .sorted()
              .collect(Collectors.toList());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + classes, e);
    }
    StringBuilder out =
        new StringBuilder()
            .append("# The public API of ")
            .append(module)
            .append(", checked by PublicApiTest in")
            .append(" etcd-tests.\n# Regenerate after a deliberate change: ")
            .append(REGENERATE)
            .append("\n\n");
    for (String line : describe(names)) out.append(line).append('\n');
    return out.toString();
  }

  /** Type blocks, sorted by type name, each followed by a blank line. */
  static List<String> describe(List<String> classNames) {
    Set<Class<?>> ours = new HashSet<>();
    for (String name : classNames) ours.add(load(name));
    TreeMap<String, List<String>> blocks = new TreeMap<>();
    for (Class<?> type : ours) {
      if (!isApi(type)) continue;
      List<String> block = new ArrayList<>();
      block.add(header(type));
      block.addAll(members(type, ours));
      block.add("");
      blocks.put(type.getName(), block);
    }
    List<String> lines = new ArrayList<>();
    blocks.values().forEach(lines::addAll);
    return lines;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PublicApiTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new AssertionError(
          name
              + " is not on etcd-tests' test class path: add its module"
              + " as a test dependency of etcd-tests",
          e);
    }
  }

  /** Public or protected, in a package other than *.internal, inside types that are API too. */
  static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) return false;
    String pkg = type.getPackageName();
    if (pkg.endsWith(".internal") || pkg.contains(".internal.") || pkg.contains(".shaded.")) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!isVisible(t.getModifiers())) return false;
    }
    return true;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String header(Class<?> type) {
    StringBuilder header = new StringBuilder(type.toGenericString());
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class) {
      header.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      header
          .append(type.isInterface() ? " extends " : " implements ")
          .append(
              Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    return header.toString();
  }

  /**
   * What {@code type} declares, then what it inherits from supertypes of this project that are not
   * API themselves (a public method of a package-private or internal base class is callable on
   * {@code type}, so it is part of its surface).
   */
  private static List<String> members(Class<?> type, Set<Class<?>> ours) {
    List<String> lines = new ArrayList<>(declared(type));
    Set<String> own = new HashSet<>();
    for (Method method : type.getDeclaredMethods()) {
      // Not javac's bridges: it re-declares a package-private superclass's public methods so.
      if (!method.isSynthetic()) own.add(signature(method));
    }
    for (Class<?> hidden : hiddenSupertypes(type, ours)) {
      TreeMap<String, String> lent = new TreeMap<>();
      for (Field field : hidden.getDeclaredFields()) {
        if (include(field)) lent.put(" " + field.getName(), text(field));
      }
      for (Method method : hidden.getDeclaredMethods()) {
        if (include(method)
            && !method.isBridge()
            && !Modifier.isStatic(method.getModifiers())
            && own.add(signature(method))) {
          lent.put(method.getName() + " " + text(method), text(method));
        }
      }
      for (String line : lent.values()) lines.add("  " + line);
    }
    return lines;
  }

  /** Fields, then constructors, then methods, each sorted by name; the type's name left out. */
  private static List<String> declared(Class<?> type) {
    TreeMap<String, String> fields = new TreeMap<>();
    for (Field field : type.getDeclaredFields()) {
      if (include(field)) {
        fields.put(field.getName(), strip(text(field), type, field.getName()));
      }
    }
    TreeMap<String, String> creators = new TreeMap<>();
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (include(constructor)) {
        creators.put(text(constructor), text(constructor));
      }
    }
    TreeMap<String, String> methods = new TreeMap<>();
    for (Method method : type.getDeclaredMethods()) {
      if (include(method) && !method.isBridge()) {
        String text = strip(text(method), type, method.getName() + "(");
        methods.put(method.getName() + " " + text, text);
      }
    }
    List<String> lines = new ArrayList<>();
    for (TreeMap<String, String> group : List.of(fields, creators, methods)) {
      for (String line : group.values()) lines.add("  " + line);
    }
    return lines;
  }

  /** toGenericString without the modifiers that are no part of the contract. */
  private static String text(Member member) {
    String text =
        member instanceof Method method
            ? method.toGenericString()
            : member instanceof Field field
                ? field.toGenericString()
                : ((Constructor<?>) member).toGenericString();
    return text.replace("synchronized ", "").replace("native ", "").replace("strictfp ", "");
  }

  private static boolean include(Member member) {
    return !member.isSynthetic() && isVisible(member.getModifiers());
  }

  /** "... io.etcdv2.X.name(..." becomes "... name(...": the block already names the type. */
  private static String strip(String text, Class<?> type, String name) {
    return text.replace(" " + type.getTypeName() + "." + name, " " + name);
  }

  private static String signature(Method method) {
    return method.getName() + Arrays.toString(method.getParameterTypes());
  }

  /** Supertypes of {@code type}, nearest first, that belong to the project but are not API. */
  private static Set<Class<?>> hiddenSupertypes(Class<?> type, Set<Class<?>> ours) {
    Set<Class<?>> hidden = new LinkedHashSet<>();
    Deque<Class<?>> queue = new ArrayDeque<>();
    queue.add(type);
    Set<Class<?>> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      Class<?> current = queue.poll();
      List<Class<?>> supertypes = new ArrayList<>(Arrays.asList(current.getInterfaces()));
      if (current.getSuperclass() != null) supertypes.add(0, current.getSuperclass());
      for (Class<?> supertype : supertypes) {
        if (!seen.add(supertype)) continue;
        if (isProjectType(supertype, ours) && !isApi(supertype)) hidden.add(supertype);
        queue.add(supertype);
      }
    }
    return hidden;
  }

  private static boolean isProjectType(Class<?> type, Set<Class<?>> ours) {
    return ours.contains(type) || type.getName().startsWith("io.etcdv2.");
  }

  /** The lines only in the checked-in list (-) and only in the code (+), under their type. */
  static String difference(String expected, String actual) {
    List<String> removed = linesNotIn(expected, actual);
    List<String> added = linesNotIn(actual, expected);
    StringBuilder out = new StringBuilder();
    for (String line : removed) out.append("- ").append(line).append('\n');
    for (String line : added) out.append("+ ").append(line).append('\n');
    return out.toString();
  }

  /** Lines of {@code text} missing from {@code other}; a member line names its type after "in". */
  private static List<String> linesNotIn(String text, String other) {
    Set<String> otherLines = new HashSet<>(Arrays.asList(other.split("\n", -1)));
    List<String> missing = new ArrayList<>();
    String type = "";
    for (String line : text.split("\n", -1)) {
      if (!line.startsWith(" ")) type = line;
      if (line.isEmpty() || line.startsWith("#") || otherLines.contains(line)) continue;
      missing.add(line.startsWith(" ") ? line.trim() + "   (in " + type + ")" : line);
    }
    return missing;
  }

  // Fixtures for the self-test of the listing.

  static class Hidden {
    public void lent(int count) {}

    void packagePrivate() {}
  }

  public static class Visible<T extends CharSequence> extends Hidden implements Runnable {
    protected String field;
    String packagePrivateField;

    public Visible() {}

    Visible(int notApi) {}

    public final List<T> all(List<T> values, String... names) throws IOException {
      return values;
    }

    @Override
    public synchronized void run() {}

    @SuppressWarnings("UnusedMethod") // there to be left out
    private void secret() {}

    public static final class Nested {
      public static final int CONSTANT = 1;

      private Nested() {}
    }
  }

  static final class NotApi {
    public void invisible() {}
  }
}
