package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import io.etcdv2.api.Member;
import io.etcdv2.api.PeerUrls;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Request builders whose names the processor must make up: an HTTP name that is no Java name,
 * parameters named like the builder's own members, an overloaded endpoint, and a path segment
 * named like the client's runtime field.
 */
@GenerateClient
public interface RequestBuildersApi {
  @GET("v2/keys{key}")
  @Convenience(name = "get")
  EtcdCall<KeysResult> read(
      @Key @Path(value = "key", encoded = true) String key,
      @Query("no-value") Boolean noValue,
      @Query("timeout") Long timeout,
      @Query("call") String call,
      @Query("runtime") Integer runtime);

  @GET("v2/keys{key}")
  EtcdCall<KeysResult> read(
      @Key @Path(value = "key", encoded = true) String key, @Query("sorted") Boolean sorted);

  @PUT("v2/members/{runtime}")
  EtcdCall<Member> putMember(@Path("runtime") String runtime, @Body PeerUrls body);
}
