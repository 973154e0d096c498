package io.etcdv2.api;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.Fixed;
import io.etcdv2.annotation.Key;
import io.etcdv2.annotation.Positive;
import io.etcdv2.annotation.Ttl;
import io.etcdv2.annotation.Value;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The etcd v2 keys API: {@code /v2/keys} with every parameter, and the lua-resty-etcd conveniences
 * declared on its endpoints.
 *
 * <p>Every parameter is nullable, and null is not sent. Key paths are passed already encoded:
 * {@code "/dir/a%20b"}. Writes send a form body, which etcd requires as {@code
 * application/x-www-form-urlencoded}; deletes and reads send query parameters.
 */
public interface KeysApi {
  /**
   * {@code GET /v2/keys/...}: reads a key or directory, or waits for a change with {@code wait}.
   *
   * @param recursive a directory's whole tree, or with {@code wait} changes anywhere below
   * @param sorted children in key order
   * @param quorum read through Raft, so the answer is never stale
   * @param wait long-poll until the key (or with {@code recursive}, the tree) changes
   * @param waitIndex with {@code wait}, the first index to report, past events included
   */
  @GET("v2/keys{key}")
  @Convenience(name = "get", doc = "Gets the value of a key.")
  @Convenience(
      name = "readdir",
      args = "recursive",
      optional = 1,
      doc = "Reads a directory; with {@code recursive}, all the contents under it.")
  @Convenience(
      name = "wait",
      args = "waitIndex",
      optional = 2,
      timeout = true,
      fixed = @Fixed(param = "wait", value = "true"),
      doc =
          "Waits for the next change of a key, or for the first one at or after {@code"
              + " waitIndex}; a 408 entity when {@code timeoutSeconds} pass first.")
  @Convenience(
      name = "waitdir",
      args = "waitIndex",
      optional = 2,
      timeout = true,
      fixed = {@Fixed(param = "wait", value = "true"), @Fixed(param = "recursive", value = "true")},
      doc =
          "Waits for the next change anywhere under a directory, or for the first one at or"
              + " after {@code waitIndex}; a 408 entity when {@code timeoutSeconds} pass first.")
  @Convenience(
      name = "read",
      args = {"recursive", "sorted", "quorum"},
      doc =
          "Reads a key or directory with every read option: {@code recursive} for the whole"
              + " tree, {@code sorted} for children in key order, {@code quorum} for an answer that is"
              + " never stale.")
  EtcdCall<KeysResult> getKey(
      @Key @Path(value = "key", encoded = true) String key,
      @Query("recursive") Boolean recursive,
      @Query("sorted") Boolean sorted,
      @Query("quorum") Boolean quorum,
      @Query("wait") Boolean wait,
      @Query("waitIndex") Long waitIndex);

  /**
   * {@code PUT /v2/keys/...}: creates or updates a key or directory, optionally conditional.
   *
   * @param value the text to store
   * @param ttl seconds to live; empty text clears an existing TTL
   * @param dir create a directory
   * @param prevExist true: only if the key exists; false: only if it does not
   * @param prevIndex only if the key's modifiedIndex is this
   * @param prevValue only if the key's value is this
   * @param refresh with {@code prevExist=true} and {@code ttl}: reset the TTL without notifying
   *     watchers
   * @param noValueOnSuccess answer a success with the action alone, no node
   */
  @FormUrlEncoded
  @PUT("v2/keys{key}")
  @Convenience(
      name = "set",
      args = {"value", "ttl"},
      optional = 1,
      rootKey = false,
      doc = "Sets a key to a JSON value.")
  @Convenience(
      name = "setnx",
      args = {"value", "ttl"},
      optional = 1,
      rootKey = false,
      fixed = @Fixed(param = "prevExist", value = "false"),
      doc = "Sets a key to a JSON value if the key does not exist.")
  @Convenience(
      name = "setx",
      args = {"value", "ttl", "prevIndex"},
      optional = 2,
      rootKey = false,
      fixed = @Fixed(param = "prevExist", value = "true"),
      doc =
          "Sets a key to a JSON value if the key exists and, when {@code prevIndex} is given,"
              + " was last modified at that index.")
  @Convenience(
      name = "mkdir",
      args = "ttl",
      optional = 1,
      rootKey = false,
      fixed = @Fixed(param = "dir", value = "true"),
      doc = "Creates a directory.")
  @Convenience(
      name = "mkdirnx",
      args = "ttl",
      optional = 1,
      rootKey = false,
      fixed = {@Fixed(param = "dir", value = "true"), @Fixed(param = "prevExist", value = "false")},
      doc = "Creates a directory if it does not exist.")
  @Convenience(
      name = "compareAndSwap",
      args = {"value", "prevValue", "ttl"},
      optional = 1,
      rootKey = false,
      doc = "Sets a key to a JSON value only if its current value is {@code prevValue}.")
  @Convenience(
      name = "compareAndSwapIndex",
      args = {"value", "prevIndex", "ttl"},
      optional = 1,
      rootKey = false,
      doc = "Sets a key to a JSON value only if it was last modified at {@code prevIndex}.")
  EtcdCall<KeysResult> putKey(
      @Key @Path(value = "key", encoded = true) String key,
      @Value @Field("value") String value,
      @Ttl @Field("ttl") String ttl,
      @Field("dir") Boolean dir,
      @Field("prevExist") Boolean prevExist,
      @Positive @Field("prevIndex") Long prevIndex,
      @Value @Field("prevValue") String prevValue,
      @Field("refresh") Boolean refresh,
      @Field("noValueOnSuccess") Boolean noValueOnSuccess);

  /**
   * {@code PUT /v2/keys/...?refresh=true}: resets the TTL of an existing key or directory without
   * changing its value and without notifying watchers. The same HTTP endpoint as {@link #putKey},
   * declared apart so that its TTL is a required number rather than the client's default.
   *
   * @param ttl seconds to live from now, at least 1
   * @param refresh must be true
   * @param prevExist must be true: etcd refreshes only existing keys
   */
  @FormUrlEncoded
  @PUT("v2/keys{key}")
  @Convenience(
      name = "refresh",
      args = "ttl",
      rootKey = false,
      fixed = {
        @Fixed(param = "refresh", value = "true"),
        @Fixed(param = "prevExist", value = "true")
      },
      doc =
          "Resets the TTL of an existing key or directory without changing its value and"
              + " without notifying watchers.")
  EtcdCall<KeysResult> refreshKey(
      @Key @Path(value = "key", encoded = true) String key,
      @Positive @Field("ttl") Long ttl,
      @Field("refresh") Boolean refresh,
      @Field("prevExist") Boolean prevExist);

  /**
   * {@code POST /v2/keys/...}: creates an in-order key under a directory, named by its creation
   * index.
   *
   * @param value the text to store
   * @param ttl seconds to live
   * @param dir create an in-order directory instead of a key
   * @param noValueOnSuccess answer a success with the action alone, no node
   */
  @FormUrlEncoded
  @POST("v2/keys{key}")
  @Convenience(
      name = "push",
      args = {"value", "ttl"},
      optional = 1,
      doc = "Pushes a JSON value into a directory under a new in-order key (create-in-order).")
  EtcdCall<KeysResult> postKey(
      @Key @Path(value = "key", encoded = true) String key,
      @Value @Field("value") String value,
      @Ttl @Field("ttl") String ttl,
      @Field("dir") Boolean dir,
      @Field("noValueOnSuccess") Boolean noValueOnSuccess);

  /**
   * {@code DELETE /v2/keys/...}: deletes a key or directory, optionally conditional.
   *
   * @param dir the target is a directory (it must be empty unless {@code recursive})
   * @param recursive delete a directory and everything under it
   * @param prevValue only if the key's value is this
   * @param prevIndex only if the key's modifiedIndex is this
   */
  @DELETE("v2/keys{key}")
  @Convenience(
      name = "delete",
      args = {"prevValue", "prevIndex"},
      optional = 2,
      rootKey = false,
      doc =
          "Deletes a key; when {@code prevValue} or {@code prevIndex} is given, only if they"
              + " match.")
  @Convenience(
      name = "rmdir",
      args = "recursive",
      optional = 1,
      rootKey = false,
      fixed = @Fixed(param = "dir", value = "true"),
      doc = "Removes a directory; with {@code recursive}, everything under it too.")
  @Convenience(
      name = "compareAndDelete",
      args = "prevValue",
      rootKey = false,
      doc = "Deletes a key only if its current value is {@code prevValue}.")
  @Convenience(
      name = "compareAndDeleteIndex",
      args = "prevIndex",
      rootKey = false,
      doc = "Deletes a key only if it was last modified at {@code prevIndex}.")
  EtcdCall<KeysResult> deleteKey(
      @Key @Path(value = "key", encoded = true) String key,
      @Query("dir") Boolean dir,
      @Query("recursive") Boolean recursive,
      @Value @Query("prevValue") String prevValue,
      @Positive @Query("prevIndex") Long prevIndex);
}
