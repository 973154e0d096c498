package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.GET;
import retrofit2.http.Query;

@GenerateClient
public interface ArgsReservedName {
  @GET("v2/keys/wait")
  @Convenience(name = "wait", args = "timeoutSeconds", timeout = true)
  EtcdCall<KeysResult> waitFor(@Query("timeoutSeconds") Long timeoutSeconds);
}
