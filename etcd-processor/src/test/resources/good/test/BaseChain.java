package test;

import io.etcdv2.Etcd;
import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** Two levels of generated bases: Etcd's, then Tenants' own, which Billing's client extends. */
final class BaseChain {
  private BaseChain() {}

  @GenerateClient(base = true)
  interface TenantsApi extends Etcd {
    @GET("v2/keys/tenants{key}")
    @Convenience(name = "tenant")
    EtcdCall<KeysResult> getTenant(@Key @Path(value = "key", encoded = true) String key);
  }

  /** A base that adds nothing to Etcd's: its classes only pass the runtime on. */
  @GenerateClient(base = true)
  interface PlainApi extends Etcd {}

  @GenerateClient
  interface BillingApi extends TenantsApi {
    /** Overloads an endpoint of KeysApi: its nulls are cast, the inherited ones are not. */
    @GET("v2/keys/billing{key}")
    @Convenience(name = "invoice", args = "sorted", optional = 1)
    EtcdCall<KeysResult> getKey(
        @Key @Path(value = "key", encoded = true) String key, @Query("sorted") Boolean sorted);
  }
}
