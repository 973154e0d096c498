package io.etcdv2.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.etcdv2.processor.Compilations.assertGolden;
import static io.etcdv2.processor.Compilations.compile;
import static io.etcdv2.processor.Compilations.generated;
import static io.etcdv2.processor.Compilations.generatedBytes;
import static io.etcdv2.processor.Compilations.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Golden-file tests: the generated client, Javadoc included, must equal the reviewed file under
 * {@code src/test/resources/expected} character for character.
 */
class EtcdClientProcessorTest {
  /**
   * The library's own declaration. EtcdApi comes from the etcd-api jar, so its conveniences are
   * read from class files, as in an application's build.
   */
  @Test
  void generatesEtcdClientFromConveniencesInheritedFromJar() {
    Compilation compilation = compile(JavaFileObjects.forResource("good/io/etcdv2/Etcd.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles()).hasSize(2);
    assertGolden(compilation, "io.etcdv2.AbstractEtcdClient", "expected/AbstractEtcdClient.java");
    assertGolden(compilation, "io.etcdv2.EtcdClient", "expected/EtcdClient.java");
  }

  /**
   * An application's interface: EtcdApi's conveniences plus an endpoint declared in source, whose
   * conveniences fix Boolean, Long, Integer and String parameters, leave out a TTL (the client's
   * default) and a timeout, and take String and Integer arguments.
   */
  @Test
  void generatesClientForEndpointDeclaredInSource() {
    Compilation compilation =
        compile(JavaFileObjects.forResource("good/com/example/inventory/InventoryApi.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles()).hasSize(1);
    assertGolden(
        compilation, "com.example.inventory.InventoryClient", "expected/InventoryClient.java");
  }

  /**
   * The worked example users copy, read from etcd-tests where the normal build compiles it, so that
   * the golden file and the README's example cannot drift apart.
   */
  @Test
  void generatesTheWorkedExample() throws Exception {
    java.nio.file.Path source =
        java.nio.file.Path.of(
            "../etcd-tests/src/main/java/io/etcdv2/example/registry/RegistryApi.java");
    Compilation compilation =
        compile(
            JavaFileObjects.forResource("good/io/etcdv2/Etcd.java"),
            JavaFileObjects.forSourceString(
                "io.etcdv2.example.registry.RegistryApi", java.nio.file.Files.readString(source)));

    assertThat(compilation).succeededWithoutWarnings();
    // Only what RegistryApi adds: the rest is AbstractEtcdClient's, which it extends.
    String client = generated(compilation, "io.etcdv2.example.registry.RegistryClient");
    assertThat(client)
        .contains(
            "public final class RegistryClient extends" + " AbstractEtcdClient<RegistryApi> {");
    assertThat(client).doesNotContain("EtcdResponse<KeysResult> get(String key)");
    assertThat(client)
        .contains("public EtcdResponse<KeysResult> register(String key," + " Object value) {");
    assertGolden(
        compilation, "io.etcdv2.example.registry.RegistryClient", "expected/RegistryClient.java");
  }

  /**
   * A convenience calls its key argument what the endpoint's path calls it ({queue}, {job-id} as
   * jobId), as the request builders do, and a name the client's methods use themselves gets an
   * underscore. EtcdApi's {key} stays key, as the EtcdClient golden file shows.
   */
  @Test
  void namesTheKeyArgumentAfterItsPathParameter() {
    Compilation compilation = compile(JavaFileObjects.forResource("good/test/QueueApi.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertGolden(compilation, "test.QueueClient", "expected/QueueClient.java");
    String client = generated(compilation, "test.QueueClient");
    assertThat(client)
        .contains("public EtcdResponse<KeysResult> enqueue(String queue, Object value)" + " {");
    assertThat(client).contains("@param queue the key under the client's prefix, normalised");
    // Code lines are wrapped at 100 columns, so compare the code with its whitespace collapsed.
    String code = client.replaceAll("\\s+", " ");
    assertThat(code)
        .contains("api().postJob(runtime.key(queue, false, \"queue\"), runtime.value(value,");
    assertThat(client)
        .contains("public EtcdResponse<KeysResult> cancel(String jobId, String key) {");
    assertThat(code)
        .contains(
            "api().deleteJob(runtime.key(jobId, true, \"jobId\"),"
                + " runtime.required(key, \"key\"))");
    assertThat(client)
        .contains(
            "public EtcdResponse<KeysResult> worker(String runtime_," + " long timeoutSeconds) {");
    assertThat(code)
        .contains(
            "runtime.prepare(api().getWorker(runtime.key(runtime_, true,"
                + " \"runtime_\")), \"worker\", timeoutSeconds)");
  }

  /**
   * A client extends the generated base of the nearest interface above it declared {@code base =
   * true}, and writes only what that base lacks: here Etcd's base, then TenantsApi's, then
   * BillingClient with BillingApi's own endpoint. Everything compiles with -Xlint:all.
   */
  @Test
  void extendsTheNearestGeneratedBaseAndAddsOnlyItsOwn() {
    Compilation compilation =
        compile(
            JavaFileObjects.forResource("good/io/etcdv2/Etcd.java"),
            JavaFileObjects.forResource("good/test/BaseChain.java"));

    assertThat(compilation).succeededWithoutWarnings();
    String tenantsBase = generated(compilation, "test.AbstractTenantsClient");
    assertThat(tenantsBase)
        .contains(
            "public abstract class AbstractTenantsClient<A extends"
                + " BaseChain.TenantsApi> extends AbstractEtcdClient<A> {");
    assertThat(tenantsBase).contains("public EtcdResponse<KeysResult> tenant(String key) {");
    assertThat(tenantsBase).doesNotContain("get(String key)");
    assertThat(tenantsBase).doesNotContain("WatchBuilder watch(");
    assertThat(generated(compilation, "test.TenantsClient"))
        .contains(
            "public final class"
                + " TenantsClient extends AbstractTenantsClient<BaseChain.TenantsApi> {");

    String billing = generated(compilation, "test.BillingClient");
    assertThat(billing)
        .contains(
            "public final class BillingClient extends"
                + " AbstractTenantsClient<BaseChain.BillingApi> {");
    assertThat(billing).contains("public EtcdResponse<KeysResult> invoice(String key) {");
    assertThat(billing.replaceAll("\\s+", " "))
        .contains("api().getKey(runtime.key(key, true, \"key\"), (Boolean) null)");
    assertThat(billing).doesNotContain("tenant(String key)");
    assertThat(billing).doesNotContain("WatchBuilder watch(");
    // Its request builder takes the name after KeysApi's getKey, as the base numbers them.
    assertThat(billing).contains("public GetKey2Request getKey2(String key) {");
    assertThat(billing).doesNotContain("class GetKeyRequest ");
  }

  /** A base's name is checked like the client's: an existing type keeps it. */
  @Test
  void refusesABaseWhoseNameIsTaken() {
    Compilation compilation =
        compile(
            JavaFileObjects.forSourceString(
                "test.AbstractTakenClient", "package test; public class AbstractTakenClient {}"),
            JavaFileObjects.forSourceString(
                "test.TakenApi",
                "package test;"
                    + " @io.etcdv2.annotation.GenerateClient(base = true)"
                    + " public interface TakenApi {}"));

    assertThat(compilation)
        .hadErrorContaining(
            "@GenerateClient cannot generate"
                + " test.AbstractTakenClient for TakenApi: a type with that name already exists");
  }

  @Test
  void generatesTheSameBytesOnEveryCompilation() {
    for (String[] input :
        new String[][] {
          {"good/io/etcdv2/Etcd.java", "io.etcdv2.EtcdClient"},
          {"good/com/example/inventory/InventoryApi.java", "com.example.inventory.InventoryClient"},
          {"good/test/RequestBuildersApi.java", "test.RequestBuildersClient"},
          {"good/test/QueueApi.java", "test.QueueClient"}
        }) {
      JavaFileObject source = JavaFileObjects.forResource(input[0]);
      Compilation first = compile(source);
      Compilation second = compile(source);

      assertThat(first).succeeded();
      assertThat(second).succeeded();
      assertArrayEquals(
          generatedBytes(first, input[1]),
          generatedBytes(second, input[1]),
          input[1] + " differs between two compilations of " + input[0]);
    }
  }

  /** Java 8 targets, such as etcd-runtime itself, have {@code @Generated} in javax.annotation. */
  @Test
  void usesTheGeneratedAnnotationOfTheTargetRelease() {
    Compilation java8 =
        compile(
            List.of("-Xlint:all,-options", "--release", "8"),
            JavaFileObjects.forResource("good/io/etcdv2/Etcd.java"));

    assertThat(java8).succeededWithoutWarnings();
    for (String name : List.of("EtcdClient", "AbstractEtcdClient")) {
      String expected =
          resource("expected/" + name + ".java")
              .replace(
                  "import javax.annotation.processing.Generated;",
                  "import javax.annotation.Generated;");
      assertThat(generated(java8, "io.etcdv2." + name)).isEqualTo(expected);
    }
  }
}
