package io.etcdv2.processor;

import com.squareup.javapoet.ClassName;

/**
 * Names of the annotations the processor reads and the runtime types generated code uses. Held as
 * names, so that the processor needs neither Retrofit nor the runtime on its own path.
 */
final class ClassNames {
  private ClassNames() {}

  static final String ANNOTATION_PACKAGE = "io.etcdv2.annotation";
  static final String GENERATE_CLIENT = ANNOTATION_PACKAGE + ".GenerateClient";
  static final String CONVENIENCE = ANNOTATION_PACKAGE + ".Convenience";
  static final String CONVENIENCE_LIST = ANNOTATION_PACKAGE + ".Convenience.List";
  static final String KEY = ANNOTATION_PACKAGE + ".Key";
  static final String VALUE = ANNOTATION_PACKAGE + ".Value";
  static final String TTL = ANNOTATION_PACKAGE + ".Ttl";
  static final String POSITIVE = ANNOTATION_PACKAGE + ".Positive";

  static final String RETROFIT_HTTP = "retrofit2.http.";
  static final String PATH = RETROFIT_HTTP + "Path";

  static final ClassName ETCD_CALL = ClassName.get("io.etcdv2.api", "EtcdCall");
  static final ClassName ETCD_RESPONSE = ClassName.get("io.etcdv2.api", "EtcdResponse");
  static final ClassName ETCD_EXCEPTION = ClassName.get("io.etcdv2.api", "EtcdException");
  static final ClassName CLIENT_RUNTIME =
      ClassName.get("io.etcdv2.runtime.internal", "ClientRuntime");
  static final ClassName GENERATED_CLIENT = ClassName.get("io.etcdv2.runtime", "GeneratedClient");
  static final ClassName ETCD_REQUEST = ClassName.get("io.etcdv2.runtime", "EtcdRequest");
  static final ClassName PLAIN_REQUEST = ClassName.get("io.etcdv2.runtime", "PlainRequest");
  static final ClassName CLIENT_BUILDER = ClassName.get("io.etcdv2.runtime", "ClientBuilder");
  static final ClassName WATCH_BUILDER = ClassName.get("io.etcdv2.runtime", "WatchBuilder");
  static final String KEYS_API = "io.etcdv2.api.KeysApi";
}
