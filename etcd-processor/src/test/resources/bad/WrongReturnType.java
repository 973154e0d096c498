package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.VersionInfo;
import retrofit2.Call;
import retrofit2.http.GET;

@GenerateClient
public interface WrongReturnType {
  @GET("version")
  @Convenience(name = "version")
  Call<VersionInfo> getVersion();

  @GET("version")
  @Convenience(name = "anyVersion")
  EtcdCall<?> getAnyVersion();
}
