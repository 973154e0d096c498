package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.Fixed;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.annotation.Ttl;
import io.etcdv2.annotation.Value;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.PUT;
import retrofit2.http.Path;

@GenerateClient
public interface ConvenienceClash {
  @FormUrlEncoded
  @PUT("v2/keys{key}")
  @Convenience(name = "set", args = {"value", "ttl"}, optional = 1)
  @Convenience(name = "set", args = {"value", "prevIndex"}, optional = 1)
  EtcdCall<KeysResult> putKey(
      @Key @Path(value = "key", encoded = true) String key,
      @Value @Field("value") String value,
      @Ttl @Field("ttl") String ttl,
      @Field("prevExist") Boolean prevExist,
      @Field("prevIndex") Long prevIndex,
      @Field("limit") Integer limit);
}
