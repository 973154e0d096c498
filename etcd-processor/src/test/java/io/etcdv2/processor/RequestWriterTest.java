package io.etcdv2.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.etcdv2.processor.Compilations.assertGolden;
import static io.etcdv2.processor.Compilations.compile;
import static io.etcdv2.processor.Compilations.generated;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/**
 * The request builders {@link RequestWriter} names itself: each is compiled together with code that
 * calls it by those names, under every lint, and compared with a reviewed golden file.
 */
class RequestWriterTest {
  private static Compilation compileRequestBuilders() {
    return compile(
        JavaFileObjects.forResource("good/test/RequestBuildersApi.java"),
        JavaFileObjects.forResource("good/test/RequestBuildersUsage.java"));
  }

  @Test
  void generatesRequestBuildersThatCompileWhereTheyAreCalled() {
    Compilation compilation = compileRequestBuilders();

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles()).hasSize(1);
    assertGolden(compilation, "test.RequestBuildersClient", "expected/RequestBuildersClient.java");
  }

  @Test
  void turnsAnHttpNameThatIsNoJavaNameIntoCamelCase() {
    String client = generated(compileRequestBuilders(), "test.RequestBuildersClient");

    assertThat(client).contains("public ReadRequest noValue(boolean noValue) {");
    assertThat(client).contains("Sends {@code no-value=true} or {@code no-value=false}.");
    assertThat(ParameterModel.javaName("no-value")).isEqualTo("noValue");
    assertThat(ParameterModel.javaName("prevExist")).isEqualTo("prevExist");
    assertThat(ParameterModel.javaName("9lives")).isEqualTo("p9lives");
    assertThat(ParameterModel.javaName("class")).isEqualTo("class_");
  }

  /**
   * A parameter named timeout, call or runtime gets a setter of another name, so that the builder's
   * own timeout(long), call() and the client's runtime field keep theirs; a path parameter named
   * runtime gets another name too, since the entry method reads the runtime field.
   */
  @Test
  void renamesParametersNamedLikeTheBuildersOwnMembers() {
    String client = generated(compileRequestBuilders(), "test.RequestBuildersClient");

    assertThat(client).contains("public ReadRequest timeout_(long timeout_) {");
    assertThat(client).contains("this.timeout_ = runtime.index(timeout_, \"timeout_\");");
    assertThat(client).contains("public ReadRequest call_(String call_) {");
    assertThat(client).contains("public ReadRequest runtime_(int runtime_) {");
    assertThat(client).contains("this.runtime_ = runtime.count(runtime_, \"runtime_\");");
    assertThat(client)
        .contains("public final class ReadRequest extends EtcdRequest<KeysResult, ReadRequest> {");
    assertThat(client).contains("return api().read(key, noValue, timeout_, call_, runtime_);");
    assertThat(client)
        .contains("public PlainRequest<Member> putMember(String runtime_, PeerUrls body) {");
    assertThat(client)
        .contains(
            "return runtime.request(api().putMember(runtime.segment(runtime_, \"runtime_\"),");
    assertThat(client).doesNotContain(" timeout(long timeout)");
    assertThat(client).doesNotContain(" call(String call)");
    assertThat(client).doesNotContain("(int runtime)");
  }

  /**
   * An endpoint without optional parameters has nothing to set: its entry returns the runtime's
   * PlainRequest, and no class of its own is generated (RequestBuildersUsage sends one).
   */
  @Test
  void sharesPlainRequestForEndpointsWithoutOptionalParameters() {
    String client = generated(compileRequestBuilders(), "test.RequestBuildersClient");

    assertThat(client).contains("public PlainRequest<Member> putMember(");
    assertThat(client).doesNotContain("class PutMemberRequest");
    assertThat(client).contains("public final class ReadRequest extends EtcdRequest<");
  }

  @Test
  void numbersTheBuildersOfAnOverloadedEndpoint() {
    String client = generated(compileRequestBuilders(), "test.RequestBuildersClient");

    assertThat(client).contains("public ReadRequest read(String key) {");
    assertThat(client).contains("public Read2Request read2(String key) {");
    assertThat(client)
        .contains("public final class ReadRequest extends EtcdRequest<KeysResult, ReadRequest> {");
    assertThat(client)
        .contains(
            "public final class Read2Request extends EtcdRequest<KeysResult, Read2Request> {");
    assertThat(client).contains("public Read2Request sorted(boolean sorted) {");
    assertThat(client).contains("return api().read(key, sorted);");
  }
}
