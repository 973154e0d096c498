package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.annotation.Ttl;
import io.etcdv2.annotation.Value;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.PUT;
import retrofit2.http.Path;

@GenerateClient
public interface RoleNotString {
  @GET("v2/keys{key}")
  @Convenience(name = "get")
  EtcdCall<KeysResult> getKey(@Key @Path(value = "key", encoded = true) Long key);

  @FormUrlEncoded
  @PUT("v2/keys/value{key}")
  @Convenience(name = "set", args = "value")
  EtcdCall<KeysResult> putValue(@Key @Path(value = "key", encoded = true) String key,
      @Value @Field("value") Integer value);

  @FormUrlEncoded
  @PUT("v2/keys/ttl{key}")
  @Convenience(name = "touch", args = "ttl")
  EtcdCall<KeysResult> putTtl(@Key @Path(value = "key", encoded = true) String key,
      @Ttl @Field("ttl") Long ttl);
}
