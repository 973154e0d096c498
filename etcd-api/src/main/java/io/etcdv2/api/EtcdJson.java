package io.etcdv2.api;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * The Moshi adapters etcd's bodies need beyond Moshi's reflective ones, for reading etcd's JSON
 * outside a client, as the client itself reads it: a saved answer, or a body in a test.
 *
 * <pre>{@code
 * Moshi moshi = EtcdJson.moshi(new Moshi.Builder().build(), ValueSerializer.JSON);
 * KeysResult result = moshi.adapter(KeysResult.class).fromJson(json);
 * }</pre>
 */
public final class EtcdJson {
  private EtcdJson() {}

  /**
   * A Moshi with the adapters for etcd's bodies added to {@code base}: nodes whose values {@code
   * serializer} decodes, and roles that etcd writes either as objects or as bare names.
   */
  public static Moshi moshi(Moshi base, ValueSerializer serializer) {
    return base.newBuilder().add(NodeJsonAdapter.factory(serializer)).add(ROLES).build();
  }

  private static final JsonAdapter.Factory ROLES =
      new JsonAdapter.Factory() {
        @Override
        public JsonAdapter<?> create(
            Type type, Set<? extends Annotation> annotations, Moshi moshi) {
          if (type != Role.class || !annotations.isEmpty()) return null;
          final JsonAdapter<Role> objects = moshi.nextAdapter(this, Role.class, annotations);
          return new JsonAdapter<Role>() {
            @Override
            public Role fromJson(JsonReader reader) throws IOException {
              if (reader.peek() == JsonReader.Token.STRING)
                return new Role(reader.nextString(), null);
              return objects.fromJson(reader);
            }

            @Override
            public void toJson(JsonWriter writer, Role role) throws IOException {
              objects.toJson(writer, role);
            }

            @Override
            public String toString() {
              return "JsonAdapter(Role)";
            }
          }.nullSafe();
        }
      };
}
