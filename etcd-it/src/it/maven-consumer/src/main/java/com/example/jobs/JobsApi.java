package com.example.jobs;

import io.etcdv2.Etcd;
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
import retrofit2.http.POST;
import retrofit2.http.Path;

/** A user's interface, as a new user writes it after the README: Etcd (the library's client interface) plus two
 * endpoints. */
@GenerateClient
public interface JobsApi extends Etcd {
  @FormUrlEncoded
  @POST("v2/keys/queues{queue}")
  @Convenience(name = "enqueue", args = {"value", "ttl"}, optional = 1, rootKey = false,
      doc = "Adds a job to the end of a queue.")
  EtcdCall<KeysResult> postJob(
      @Key @Path(value = "queue", encoded = true) String queue,
      @Value @Field("value") String value,
      @Ttl @Field("ttl") String ttl);

  @DELETE("v2/keys/jobs{job}")
  @Convenience(name = "cancel", rootKey = false, doc = "Cancels a job.")
  EtcdCall<KeysResult> deleteJob(@Key @Path(value = "job", encoded = true) String job);
}
