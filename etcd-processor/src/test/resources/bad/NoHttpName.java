package test;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import java.util.Map;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;

@GenerateClient
public interface NoHttpName {
  @GET("v2/keys{key}")
  EtcdCall<KeysResult> getKey(@Key @Path(value = "key", encoded = true) String key,
      @QueryMap Map<String, String> options);
}
