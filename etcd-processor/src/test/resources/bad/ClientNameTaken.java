package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.VersionInfo;
import retrofit2.http.GET;

@GenerateClient(name = "Taken")
public interface ClientNameTaken {
  @GET("version")
  @Convenience(name = "version")
  EtcdCall<VersionInfo> getVersion();
}

class Taken {}
