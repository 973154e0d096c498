package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.annotation.Ttl;
import io.etcdv2.annotation.Value;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Keys whose path parameters are not named key: the conveniences call their key argument by the
 * user's name, made a Java name where it is not one, and renamed where it would hide the client's
 * own runtime field.
 */
@GenerateClient
public interface QueueApi {
  @FormUrlEncoded
  @POST("v2/keys/queues{queue}")
  @Convenience(name = "enqueue", args = {"value", "ttl"}, optional = 1, rootKey = false)
  EtcdCall<KeysResult> postJob(
      @Key @Path(value = "queue", encoded = true) String queue,
      @Value @Field("value") String value,
      @Ttl @Field("ttl") String ttl);

  /** A query parameter may be called key once the key argument has another name. */
  @DELETE("v2/keys/jobs{job-id}")
  @Convenience(name = "cancel", args = "key")
  EtcdCall<KeysResult> deleteJob(
      @Key @Path(value = "job-id", encoded = true) String jobId, @Query("key") String key);

  @GET("v2/keys/workers{runtime}")
  @Convenience(name = "worker", timeout = true, optional = 1)
  EtcdCall<KeysResult> getWorker(@Key @Path(value = "runtime", encoded = true) String runtime);
}
