package test;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.VersionInfo;
import retrofit2.Call;
import retrofit2.http.GET;

@GenerateClient
public interface WrongReturnTypeWithoutConvenience {
  @GET("version")
  Call<VersionInfo> getVersion();
}
