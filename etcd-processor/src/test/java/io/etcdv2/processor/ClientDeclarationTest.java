package io.etcdv2.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.etcdv2.processor.Compilations.compile;
import static io.etcdv2.processor.Compilations.generated;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic of {@link ClientDeclaration}, each on an input under {@code
 * src/test/resources/bad} and pinned to the line at fault. Each mistake is reported once, and
 * nothing else is.
 */
class ClientDeclarationTest {
  // The @GenerateClient target.

  @Test
  void rejectsClass() {
    assertError(
        "NotInterface",
        "@GenerateClient must annotate an interface, but NotInterface is a class",
        "@GenerateClient");
  }

  @Test
  void rejectsGenericInterface() {
    assertError(
        "GenericInterface",
        "@GenerateClient interface GenericInterface must not be generic",
        "@GenerateClient");
  }

  @Test
  void rejectsClientNameThatIsNotAnIdentifier() {
    assertError(
        "BadClientName",
        "@GenerateClient name \"My-Client\" is not a Java class name",
        "@GenerateClient(name = \"My-Client\")");
  }

  @Test
  void rejectsClientNameThatIsAKeyword() {
    assertError(
        "KeywordClientName",
        "@GenerateClient name \"class\" is not a Java class name",
        "@GenerateClient(name = \"class\")");
  }

  // The endpoint a @Convenience is declared on.

  @Test
  void rejectsGenericEndpoint() {
    assertError(
        "GenericMethod",
        "GenericMethod.getVersion declares @Convenience but is generic",
        "<T> EtcdCall<T> getVersion();");
  }

  @Test
  void rejectsDefaultMethod() {
    assertError(
        "DefaultMethod",
        "DefaultMethod.defaultVersion declares @Convenience but is not abstract",
        "default EtcdCall<VersionInfo> defaultVersion()");
  }

  @Test
  void rejectsStaticMethod() {
    assertError(
        "StaticMethod",
        "StaticMethod.staticVersion declares @Convenience but is not abstract",
        "static EtcdCall<VersionInfo> staticVersion()");
  }

  @Test
  void rejectsEndpointWithoutHttpMethod() {
    assertError(
        "NoHttpMethod",
        "NoHttpMethod.getVersion declares @Convenience but has no Retrofit HTTP method annotation",
        "EtcdCall<VersionInfo> getVersion();");
  }

  @Test
  void rejectsReturnTypeOtherThanEtcdCallOfAType() {
    JavaFileObject source = bad("WrongReturnType");
    Compilation compilation = assertRejected(source, 2);
    assertThat(compilation)
        .hadErrorContaining(
            "WrongReturnType.getVersion returns retrofit2.Call"
                + "<io.etcdv2.api.VersionInfo>, which the etcd runtime cannot adapt")
        .inFile(source)
        .onLineContaining("Call<VersionInfo> getVersion();");
    assertThat(compilation)
        .hadErrorContaining(
            "WrongReturnType.getAnyVersion returns io.etcdv2.api.EtcdCall<?>,"
                + " which the etcd runtime cannot adapt")
        .inFile(source)
        .onLineContaining("EtcdCall<?> getAnyVersion();");
  }

  @Test
  void rejectsTwoKeys() {
    assertError(
        "TwoKeys",
        "TwoKeys.getKey marks both key and other as @Key",
        "@Key @Path(value = \"other\", encoded = true) String other");
  }

  @Test
  void rejectsTwoTtls() {
    assertError(
        "TwoTtls",
        "TwoTtls.putKey marks both ttl and otherTtl as @Ttl",
        "@Ttl @Field(\"otherTtl\") String otherTtl");
  }

  @Test
  void rejectsDuplicateHttpNames() {
    assertError(
        "DuplicateHttpName",
        "DuplicateHttpName.getKey has two parameters named \"sorted\"",
        "@Header(\"sorted\") String sortedHeader");
  }

  // The endpoint's parameters.

  /** {@code @Body} has the HTTP name "body"; a map of query parameters has none. */
  @Test
  void rejectsParameterWithoutHttpName() {
    assertError(
        "NoHttpName",
        "NoHttpName.getKey parameter options has no HTTP name",
        "@QueryMap Map<String, String> options");
  }

  @Test
  void rejectsPrimitiveParameter() {
    assertError(
        "PrimitiveParameter",
        "PrimitiveParameter.getKey parameter recursive is a primitive boolean, which conveniences"
            + " and request builders cannot leave out; declare it as java.lang.Boolean",
        "@Query(\"recursive\") boolean recursive");
  }

  @Test
  void rejectsTwoRolesOnOneParameter() {
    assertError(
        "TwoRoles",
        "TwoRoles.putKey parameter value has more than one of @Key, @Value and @Ttl",
        "@Value @Ttl @Field(\"value\") String value");
  }

  @Test
  void rejectsKeyValueAndTtlThatAreNotString() {
    JavaFileObject source = bad("RoleNotString");
    Compilation compilation = assertRejected(source, 3);
    assertThat(compilation)
        .hadErrorContaining(
            "RoleNotString.getKey parameter key is @Key but has type" + " java.lang.Long")
        .inFile(source)
        .onLineContaining("encoded = true) Long key");
    assertThat(compilation)
        .hadErrorContaining(
            "RoleNotString.putValue parameter value is @Value but has type" + " java.lang.Integer")
        .inFile(source)
        .onLineContaining("@Value @Field(\"value\") Integer value");
    assertThat(compilation)
        .hadErrorContaining(
            "RoleNotString.putTtl parameter ttl is @Ttl but has type" + " java.lang.Long")
        .inFile(source)
        .onLineContaining("@Ttl @Field(\"ttl\") Long ttl");
  }

  @Test
  void rejectsUnsupportedPlainType() {
    assertError(
        "UnsupportedType",
        "UnsupportedType.getKey parameter weight has type java.lang.Double, which the generated"
            + " conveniences and request builders cannot fill; use String, Boolean, Long or"
            + " Integer",
        "@Query(\"weight\") Double weight");
  }

  @Test
  void rejectsKeyThatIsNotAnEncodedPath() {
    JavaFileObject source = bad("KeyNotEncodedPath");
    Compilation compilation = assertRejected(source, 2);
    assertThat(compilation)
        .hadErrorContaining(
            "KeyNotEncodedPath.getKey parameter key is @Key but not" + " @Path(encoded = true)")
        .inFile(source)
        .onLineContaining("@Key @Path(\"key\") String key");
    assertThat(compilation)
        .hadErrorContaining(
            "KeyNotEncodedPath.findKey parameter key is @Key but not" + " @Path(encoded = true)")
        .inFile(source)
        .onLineContaining("@Key @Query(\"key\") String key");
  }

  @Test
  void rejectsSlashBeforeKeyInPath() {
    assertError(
        "SlashBeforeKey",
        "the path \"v2/keys/{key}\" puts a \"/\" before {key}; etcd answers the resulting \"//\""
            + " with a redirect, so write \"v2/keys{key}\"",
        "@Key @Path(value = \"key\", encoded = true) String key");
  }

  // The @Convenience itself.

  @Test
  void rejectsConvenienceNameThatIsNotAnIdentifier() {
    assertError(
        "BadConvenienceName",
        "BadConvenienceName.putKey @Convenience(name = \"set-nx\"): the name is not a Java method"
            + " name",
        "@Convenience(name = \"set-nx\"");
  }

  @Test
  void rejectsConvenienceNameThatIsAKeyword() {
    assertError(
        "KeywordConvenienceName",
        "@Convenience(name = \"new\"): the name is not a Java method name",
        "@Convenience(name = \"new\"");
  }

  @Test
  void rejectsUnknownArg() {
    assertError(
        "ArgsUnknown",
        "ArgsUnknown.putKey @Convenience(name = \"set\"): args names \"tll\", but the endpoint has"
            + " no parameter with that HTTP name",
        "args = {\"value\", \"tll\"}");
  }

  @Test
  void rejectsKeyInArgs() {
    assertError(
        "ArgsKey",
        "args names the @Key parameter \"key\"; the key is always the first" + " argument",
        "args = {\"key\", \"value\"}");
  }

  @Test
  void rejectsArgNamedTwice() {
    assertError(
        "ArgsTwice", "args names \"value\" twice", "args = {\"value\", \"ttl\", \"value\"}");
  }

  @Test
  void rejectsArgWhoseHttpNameIsNotAJavaName() {
    assertError(
        "ArgsNotIdentifier",
        "\"no-value\" cannot be a Java parameter name of the generated method",
        "args = \"no-value\"");
  }

  @Test
  void rejectsArgNamedLikeTheTimeoutParameter() {
    assertError(
        "ArgsReservedName",
        "\"timeoutSeconds\" cannot be a Java parameter name of the generated method",
        "args = \"timeoutSeconds\"");
  }

  @Test
  void rejectsFixedUnknownParameter() {
    assertError(
        "FixedUnknown",
        "FixedUnknown.putKey @Convenience(name = \"setnx\"): fixes \"prevExists\", but the endpoint"
            + " has no parameter with that HTTP name",
        "@Fixed(param = \"prevExists\"");
  }

  @Test
  void rejectsFixedKey() {
    assertError(
        "FixedKey",
        "fixes the @Key parameter \"key\"; the caller always passes the key",
        "@Fixed(param = \"key\"");
  }

  @Test
  void rejectsParameterBothFixedAndInArgs() {
    assertError(
        "FixedAndArg", "\"prevExist\" is both fixed and in args", "@Fixed(param = \"prevExist\"");
  }

  @Test
  void rejectsParameterFixedTwice() {
    assertError(
        "FixedTwice",
        "fixes \"prevExist\" twice; keep one @Fixed",
        "fixed = {@Fixed(param = \"prevExist\"");
  }

  @Test
  void rejectsFixedValueThatIsNotABoolean() {
    assertError(
        "FixedBooleanMismatch",
        "fixes \"prevExist\" to \"yes\", which is not a java.lang.Boolean; write \"true\" or"
            + " \"false\"",
        "value = \"yes\"");
  }

  @Test
  void rejectsFixedValueThatIsNotALong() {
    assertError(
        "FixedLongMismatch",
        "fixes \"prevIndex\" to \"x\", which is not a java.lang.Long; write a decimal number",
        "value = \"x\"");
  }

  @Test
  void rejectsFixedValueThatIsNotAnInteger() {
    assertError(
        "FixedIntegerMismatch",
        "fixes \"limit\" to \"1.5\", which is not a java.lang.Integer; write a decimal number",
        "value = \"1.5\"");
  }

  @Test
  void rejectsOptionalAboveTheArgumentCount() {
    assertError(
        "OptionalTooLarge",
        "@Convenience(name = \"set\"): optional is 3, but there are 2 arguments after the key",
        "optional = 3");
  }

  @Test
  void rejectsNegativeOptional() {
    assertError(
        "OptionalNegative",
        "@Convenience(name = \"set\"): optional is -1, but there are 2 arguments after the key",
        "optional = -1");
  }

  @Test
  void rejectsRootKeyFalseWithoutKey() {
    assertError(
        "RootKeyWithoutKey",
        "RootKeyWithoutKey.getVersion @Convenience(name = \"version\"): rootKey = false needs a @Key"
            + " parameter",
        "rootKey = false");
  }

  // Signatures of the generated methods.

  /**
   * Both {@code set} conveniences have a {@code set(String, Object)} overload. The two are written
   * on one method, so javac holds them in an implicit {@code @Convenience.List} and cannot place
   * the error on either: it lands on the method.
   */
  @Test
  void rejectsConveniencesWithTheSameSignatureOnOneEndpoint() {
    assertError(
        "ConvenienceClash",
        "ConvenienceClash.putKey @Convenience(name = \"set\") would generate"
            + " set(java.lang.String,java.lang.Object), already taken by convenience \"set\" of"
            + " ConvenienceClash.putKey",
        "EtcdCall<KeysResult> putKey(");
  }

  @Test
  void rejectsConveniencesWithTheSameSignatureOnTwoEndpoints() {
    assertError(
        "ClashAcrossEndpoints",
        "ClashAcrossEndpoints.getSelfStats @Convenience(name = \"stats\") would generate stats(),"
            + " already taken by convenience \"stats\" of ClashAcrossEndpoints.getLeaderStats",
        "@Convenience(name = \"stats\", doc = \"Gets the self statistics.\")");
  }

  @Test
  void rejectsSignatureOfAMemberEveryClientHas() {
    JavaFileObject source = bad("ClashWithClientMember");
    Compilation compilation = assertRejected(source, 2);
    assertThat(compilation)
        .hadErrorContaining(
            "ClashWithClientMember.closeMember @Convenience(name = \"close\") would"
                + " generate close(), already taken by a member of every client")
        .inFile(source)
        .onLineContaining("@Convenience(name = \"close\")");
    assertThat(compilation)
        .hadErrorContaining(
            "ClashWithClientMember.getVersion @Convenience(name = \"api\") would"
                + " generate api(), already taken by a member of every client")
        .inFile(source)
        .onLineContaining("@Convenience(name = \"api\")");
  }

  /**
   * The error belongs to the interface being compiled, not to KeysApi in the etcd-api jar, whose
   * getKey EtcdApi inherits.
   */
  @Test
  void rejectsSignatureOfAnInheritedConvenience() {
    assertError(
        "ClashWithInherited",
        "ClashWithInherited.getAppKey @Convenience(name = \"get\") would generate"
            + " get(java.lang.String), already taken by convenience \"get\" of KeysApi.getKey",
        "@Convenience(name = \"get\")");
  }

  // The processor itself.

  /**
   * A GenerateClient without its name member (a stand-in declared in source) makes reading the
   * annotation throw: the processor reports it as one error on the interface instead of crashing
   * javac.
   */
  @Test
  void reportsUnexpectedExceptionAsOneError() {
    JavaFileObject source = JavaFileObjects.forResource("bad/crash/Broken.java");
    Compilation compilation =
        compile(
            source,
            JavaFileObjects.forResource("bad/crash/io/etcdv2/annotation/GenerateClient.java"));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "@GenerateClient: the etcd processor failed on test.Broken with an"
                + " unexpected java.lang.IllegalArgumentException: @io.etcdv2.annotation.GenerateClient"
                + " has no member name; please report it with this trace:")
        .inFile(source)
        .onLineContaining("public interface Broken");
  }

  // Added with the second round of checks.

  @Test
  void rejectsKeyMissingFromPath() {
    assertError(
        "KeyMissingFromPath",
        "is @Key, but the path \"v2/keys\" has no {key}",
        "@Key @Path(value = \"key\", encoded = true) String key");
  }

  @Test
  void rejectsPathParameterThatIsNeitherArgumentNorFixed() {
    assertError(
        "PathNotFilled",
        "the path parameter \"id\" is neither in args nor fixed",
        "@Convenience(name = \"removeMember\")");
  }

  @Test
  void rejectsNegativeFixedNumber() {
    assertError(
        "FixedNegative",
        "fixes \"waitIndex\" to \"-1\", which is not a java.lang.Long",
        "@Fixed(param = \"waitIndex\", value = \"-1\")");
  }

  /** The key argument is named after its path parameter, {job-id} as jobId: no arg may take it. */
  @Test
  void rejectsArgNamedLikeTheKeyArgument() {
    assertError(
        "ArgNamedLikeKey",
        "\"jobId\" cannot be a Java parameter name of the generated"
            + " method; conveniences take only parameters whose HTTP names are identifiers other than"
            + " jobId (the key), timeoutSeconds, runtime, api",
        "args = \"jobId\"");
  }

  @Test
  void rejectsArgumentThatWouldHideAField() {
    assertError(
        "ArgNamedRuntime", "\"runtime\" cannot be a Java parameter name", "args = \"runtime\"");
  }

  @Test
  void rejectsClientNameThatAnotherTypeHas() {
    assertError(
        "ClientNameTaken",
        "cannot generate test.Taken for ClientNameTaken: a type with" + " that name already exists",
        "@GenerateClient(name = \"Taken\")");
  }

  @Test
  void castsNullsWhenTheEndpointIsOverloaded() {
    Compilation compilation =
        compile(JavaFileObjects.forResource("good/test/OverloadedEndpoint.java"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "test.OverloadedEndpointClient"))
        .contains("api().read(runtime.key(key, true, \"key\"), (Boolean) null)");
  }

  // Every abstract method is an endpoint, with or without conveniences, and may take a @Body.

  @Test
  void rejectsAbstractMethodWithoutHttpMethodOrConvenience() {
    assertError(
        "AbstractWithoutHttpMethod",
        "AbstractWithoutHttpMethod.getVersionAgain is abstract but has no Retrofit HTTP method"
            + " annotation; every abstract method of a client interface is an endpoint",
        "EtcdCall<VersionInfo> getVersionAgain();");
  }

  @Test
  void rejectsReturnTypeOtherThanEtcdCallWithoutConvenience() {
    assertError(
        "WrongReturnTypeWithoutConvenience",
        "WrongReturnTypeWithoutConvenience.getVersion returns retrofit2.Call"
            + "<io.etcdv2.api.VersionInfo>, which the etcd runtime cannot adapt",
        "Call<VersionInfo> getVersion();");
  }

  @Test
  void rejectsGenericEndpointWithoutConvenience() {
    assertError(
        "GenericWithoutConvenience",
        "GenericWithoutConvenience.getVersion is generic; Retrofit cannot call generic methods",
        "<T> EtcdCall<T> getVersion();");
  }

  /** The request builder checks every parameter too, so an endpoint needs no convenience. */
  @Test
  void rejectsUnsupportedPlainTypeWithoutConvenience() {
    JavaFileObject source = bad("UnsupportedTypeWithoutConvenience");
    Compilation compilation = assertRejected(source, 1);
    assertThat(compilation)
        .hadErrorContaining(
            "UnsupportedTypeWithoutConvenience.getKey parameter weight has type"
                + " java.lang.Double, which the generated conveniences and request builders cannot"
                + " fill; use String, Boolean, Long or Integer")
        .inFile(source)
        .onLineContaining("@Query(\"weight\") Double weight");
  }

  @Test
  void rejectsBodyThatIsNeitherArgumentNorFixed() {
    assertError(
        "BodyNotInArgs",
        "BodyNotInArgs.putMember @Convenience(name = \"updateMember\"): the body parameter"
            + " \"body\" is neither in args nor fixed, and Retrofit cannot send a null body; add it"
            + " to args",
        "@Convenience(name = \"updateMember\", args = \"id\")");
  }

  @Test
  void rejectsFixedBody() {
    assertError(
        "FixedBody",
        "FixedBody.postMember @Convenience(name = \"addMember\"): fixes the @Body parameter, which"
            + " text cannot stand for; put \"body\" in args instead",
        "fixed = @Fixed(param = \"body\"");
  }

  @Test
  void rejectsPathArgumentThatCallersCouldLeaveOut() {
    assertError(
        "PathArgumentOptional",
        "\"user\" is a path parameter, which every request needs,"
            + " but optional = 1 lets callers leave it out",
        "@Convenience(name = \"user\"");
  }

  @Test
  void rejectsPathSegmentThatIsNotText() {
    assertError(
        "PathNotString",
        "PathNotString.getMember parameter id is a @Path of type"
            + " java.lang.Long; path segments are text",
        "@Path(\"id\") Long id");
  }

  @Test
  void rejectsPositiveOnANonNumber() {
    assertError(
        "PositiveNotNumber",
        "PositiveNotNumber.getKey parameter sorted is @Positive but"
            + " has type java.lang.Boolean",
        "@Positive @Query(\"sorted\") Boolean sorted");
  }

  private static JavaFileObject bad(String name) {
    return JavaFileObjects.forResource("bad/" + name + ".java");
  }

  /** Compiles {@code source}, which must fail with exactly {@code errors} errors and no warning. */
  private static Compilation assertRejected(JavaFileObject source, int errors) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(errors);
    assertThat(compilation).hadWarningCount(0);
    return compilation;
  }

  private static void assertError(String file, String message, String line) {
    JavaFileObject source = bad(file);
    Compilation compilation = assertRejected(source, 1);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }
}
