package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.Body;
import retrofit2.http.PUT;
import retrofit2.http.Path;

@GenerateClient
public interface NoHttpName {
  @PUT("v2/keys{key}")
  @Convenience(name = "put")
  EtcdCall<KeysResult> putKey(@Key @Path(value = "key", encoded = true) String key,
      @Body String body);
}
