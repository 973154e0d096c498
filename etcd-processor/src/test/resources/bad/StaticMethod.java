package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.VersionInfo;
import retrofit2.http.GET;

@GenerateClient
public interface StaticMethod {
  @GET("version")
  @Convenience(name = "version")
  static EtcdCall<VersionInfo> staticVersion() {
    return null;
  }
}
