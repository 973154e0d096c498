package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.api.EtcdApi;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.GET;
import retrofit2.http.Path;

@GenerateClient
public interface ClashWithInherited extends EtcdApi {
  @GET("v2/keys/app{key}")
  @Convenience(name = "get")
  EtcdCall<KeysResult> getAppKey(@Key @Path(value = "key", encoded = true) String key);
}
