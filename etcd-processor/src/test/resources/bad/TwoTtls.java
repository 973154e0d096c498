package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.annotation.Ttl;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.PUT;
import retrofit2.http.Path;

@GenerateClient
public interface TwoTtls {
  @FormUrlEncoded
  @PUT("v2/keys{key}")
  @Convenience(name = "touch")
  EtcdCall<KeysResult> putKey(@Key @Path(value = "key", encoded = true) String key,
      @Ttl @Field("ttl") String ttl,
      @Ttl @Field("otherTtl") String otherTtl);
}
