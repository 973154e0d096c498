package test;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.VersionInfo;
import retrofit2.http.GET;

@GenerateClient
public interface AbstractWithoutHttpMethod {
  @GET("version")
  EtcdCall<VersionInfo> getVersion();

  EtcdCall<VersionInfo> getVersionAgain();
}
