package io.etcdv2.example.registry;

import io.etcdv2.Etcd;
import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.Fixed;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.annotation.Positive;
import io.etcdv2.annotation.Ttl;
import io.etcdv2.annotation.Value;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The worked example of extending the library: a service registry kept under {@code
 * /v2/keys/services}, plus etcd's Prometheus metrics endpoint. The etcd processor generates {@code
 * RegistryClient} from it: it extends {@code AbstractEtcdClient}, the generated base of {@link
 * Etcd}, which has every convenience of the library, and adds the conveniences declared here.
 */
@GenerateClient
public interface RegistryApi extends Etcd {
  /**
   * {@code PUT /v2/keys/services/...}: writes a service instance under the registry's own
   * directory.
   */
  @FormUrlEncoded
  @PUT("v2/keys/services{key}")
  @Convenience(
      name = "register",
      args = {"value", "ttl"},
      optional = 1,
      rootKey = false,
      fixed = @Fixed(param = "prevExist", value = "false"),
      doc =
          "Registers a service instance, failing with 412 if it is registered already; without"
              + " a ttl it lives as long as the client's default TTL.")
  EtcdCall<KeysResult> putService(
      @Key @Path(value = "key", encoded = true) String key,
      @Value @Field("value") String value,
      @Ttl @Field("ttl") String ttl,
      @Field("prevExist") Boolean prevExist);

  /**
   * {@code PUT /v2/keys/services/...?refresh=true}: renews an instance's TTL. Its own endpoint, so
   * that the TTL is a required number of at least 1 instead of the client's default.
   */
  @FormUrlEncoded
  @PUT("v2/keys/services{key}")
  @Convenience(
      name = "heartbeat",
      args = "ttl",
      rootKey = false,
      fixed = {
        @Fixed(param = "refresh", value = "true"),
        @Fixed(param = "prevExist", value = "true")
      },
      doc =
          "Keeps a registered instance alive for another {@code ttl} seconds, without"
              + " notifying watchers.")
  EtcdCall<KeysResult> refreshService(
      @Key @Path(value = "key", encoded = true) String key,
      @Positive @Field("ttl") Long ttl,
      @Field("refresh") Boolean refresh,
      @Field("prevExist") Boolean prevExist);

  /** {@code GET /v2/keys/services/...}: reads the registry, sorted by key. */
  @GET("v2/keys/services{key}")
  @Convenience(
      name = "instances",
      fixed = {
        @Fixed(param = "recursive", value = "true"),
        @Fixed(param = "sorted", value = "true")
      },
      doc = "Lists every instance registered under a service, sorted by key.")
  EtcdCall<KeysResult> getServices(
      @Key @Path(value = "key", encoded = true) String key,
      @Query("recursive") Boolean recursive,
      @Query("sorted") Boolean sorted);

  /** {@code DELETE /v2/keys/services/...}: removes an instance. */
  @DELETE("v2/keys/services{key}")
  @Convenience(name = "deregister", rootKey = false, doc = "Removes a registered service instance.")
  EtcdCall<KeysResult> deleteService(@Key @Path(value = "key", encoded = true) String key);

  /** {@code GET /metrics}: the member's Prometheus metrics, as text. */
  @GET("metrics")
  @Convenience(name = "metrics", doc = "Gets the member's Prometheus metrics as text.")
  EtcdCall<String> getMetrics();
}
