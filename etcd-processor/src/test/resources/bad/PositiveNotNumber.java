package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.annotation.Positive;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

@GenerateClient
public interface PositiveNotNumber {
  @GET("v2/keys{key}")
  @Convenience(name = "get")
  EtcdCall<KeysResult> getKey(
      @Key @Path(value = "key", encoded = true) String key,
      @Positive @Query("sorted") Boolean sorted);
}
