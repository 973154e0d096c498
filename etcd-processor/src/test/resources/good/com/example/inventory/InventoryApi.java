package com.example.inventory;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.Fixed;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.annotation.Ttl;
import io.etcdv2.annotation.Value;
import io.etcdv2.api.EtcdApi;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.Header;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** An application's etcd interface: all of EtcdApi plus an endpoint of its own. */
@GenerateClient
public interface InventoryApi extends EtcdApi {
  /**
   * Writes an inventory item, which the generated
   * request builder's Javadoc carries over.
   *
   * @param note a free-text note
   */
  @FormUrlEncoded
  @PUT("v2/keys/inventory{key}")
  @Convenience(name = "restock", args = {"value", "ttl"}, optional = 2, timeout = true,
      rootKey = false,
      fixed = {
          @Fixed(param = "prevExist", value = "true"),
          @Fixed(param = "prevIndex", value = "42"),
          @Fixed(param = "batch", value = "3"),
          @Fixed(param = "X-Source", value = "warehouse \"A\"")},
      doc = "Restocks an existing item.")
  @Convenience(name = "annotate", args = {"note", "batch"}, optional = 1)
  EtcdCall<KeysResult> putItem(
      @Key @Path(value = "key", encoded = true) String key,
      @Value @Field("value") String value,
      @Ttl @Field("ttl") String ttl,
      @Field("prevExist") Boolean prevExist,
      @Field("prevIndex") Long prevIndex,
      @Field("batch") Integer batch,
      @Query("note") String note,
      @Header("X-Source") String source);
}
