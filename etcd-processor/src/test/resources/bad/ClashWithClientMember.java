package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.VersionInfo;
import io.etcdv2.annotation.GenerateClient;
import retrofit2.http.GET;

@GenerateClient
public interface ClashWithClientMember {
  @GET("v2/members/close")
  @Convenience(name = "close")
  EtcdCall<VersionInfo> closeMember();

  @GET("version")
  @Convenience(name = "api")
  EtcdCall<VersionInfo> getVersion();
}
