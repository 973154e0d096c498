package test;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import retrofit2.http.GET;

@GenerateClient
public interface GenericWithoutConvenience {
  @GET("version")
  <T> EtcdCall<T> getVersion();
}
