package io.etcdv2.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.etcdv2.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * javac, under {@code -Xlint:processing} (part of {@code -Xlint:all}), warns "No processor claimed
 * any of these annotations" for every annotation in the sources that no processor claims, and
 * {@code -Werror} turns that into a failed build. A user's interface carries the etcd annotations,
 * Retrofit's, and the generated client {@code @Generated}: the processor claims those, and only
 * those.
 */
class ClaimedAnnotationsTest {
  private static final List<String> STRICT = List.of("-Xlint:all", "-Werror");

  /**
   * InventoryApi has @GenerateClient, @Convenience (twice), @Key, @Value, @Ttl, and Retrofit's
   * {@code @FormUrlEncoded}, @PUT, @Path, @Field, @Query and @Header; QueueApi adds @POST, @DELETE,
   * {@code @GET}.
   */
  @Test
  void aUserInterfaceCompilesUnderXlintAllAndWerror() {
    Compilation compilation =
        compile(
            STRICT,
            JavaFileObjects.forResource("good/com/example/inventory/InventoryApi.java"),
            JavaFileObjects.forResource("good/test/QueueApi.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles()).hasSize(2);
  }

  /** A Java 8 target's client carries javax.annotation.Generated, which is claimed too. */
  @Test
  void aJava8TargetCompilesUnderXlintAllAndWerror() {
    Compilation compilation =
        compile(
            List.of("-Xlint:all,-options", "-Werror", "--release", "8"),
            JavaFileObjects.forResource("good/io/etcdv2/Etcd.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Compilations.generated(compilation, "io.etcdv2.EtcdClient"))
        .contains("@Generated(\"io.etcdv2.processor.EtcdClientProcessor\")");
  }

  /** Claiming is not hiding: an annotation of the user's that nothing reads is still reported. */
  @Test
  void otherAnnotationsAreStillReportedAsUnclaimed() {
    JavaFileObject api = JavaFileObjects.forResource("good/test/AuditedApi.java");
    Compilation compilation =
        compile(List.of("-Xlint:all"), api, JavaFileObjects.forResource("good/test/Audited.java"));

    assertThat(compilation).succeeded();
    List<String> unclaimed = new java.util.ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> warning : compilation.warnings()) {
      String message = warning.getMessage(Locale.ROOT);
      if (message.startsWith("No processor claimed any of these annotations")) {
        unclaimed.add(message);
      }
    }
    assertThat(unclaimed).hasSize(1);
    assertThat(unclaimed.get(0)).contains("test.Audited");
    assertThat(unclaimed.get(0)).doesNotContain("io.etcdv2");
    assertThat(unclaimed.get(0)).doesNotContain("retrofit2");
    assertThat(unclaimed.get(0)).doesNotContain("Generated");
    assertThat(Compilations.generated(compilation, "test.AuditedClient"))
        .contains("public final class AuditedClient");
  }
}
