package io.etcdv2.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.etcdv2.processor.Compilations.compile;
import static io.etcdv2.processor.Compilations.generated;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/** The one naming rule for generated clients, and its override. */
class ClientNameTest {
  @Test
  void replacesTrailingApiWithClient() {
    assertThat(ClientDeclaration.clientName("FooApi")).isEqualTo("FooClient");
    assertThat(ClientDeclaration.clientName("MyEtcdApi")).isEqualTo("MyEtcdClient");
  }

  @Test
  void appendsClientToAnyOtherName() {
    assertThat(ClientDeclaration.clientName("Etcd")).isEqualTo("EtcdClient");
    assertThat(ClientDeclaration.clientName("Rapid")).isEqualTo("RapidClient");
    assertThat(ClientDeclaration.clientName("FooAPI")).isEqualTo("FooAPIClient");
  }

  /** A name that is only the suffix keeps it, rather than becoming plain "Client". */
  @Test
  void keepsApiWhenItIsTheWholeName() {
    assertThat(ClientDeclaration.clientName("Api")).isEqualTo("ApiClient");
  }

  @Test
  void explicitNameReplacesDerivedName() {
    Compilation compilation = compile(JavaFileObjects.forResource("good/test/CustomNamed.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles()).hasSize(1);
    String client = generated(compilation, "test.Custom");
    assertThat(client).contains("public final class Custom extends GeneratedClient<CustomNamed> {");
    assertThat(client).contains("super(runtime, CustomNamed.class);");
    assertThat(client).contains("public Custom build() {");
  }

  /** A member interface gets a top-level client in its package, named by the same rule. */
  @Test
  void nestedInterfaceGetsTopLevelClientInItsPackage() {
    Compilation compilation = compile(JavaFileObjects.forResource("good/test/Outer.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles()).hasSize(1);
    String client = generated(compilation, "test.NestedClient");
    assertThat(client)
        .contains("public final class NestedClient extends GeneratedClient<Outer.NestedApi> {");
    assertThat(client).contains("super(runtime, Outer.NestedApi.class);");
  }
}
