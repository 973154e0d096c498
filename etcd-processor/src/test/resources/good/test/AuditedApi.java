package test;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.VersionInfo;
import retrofit2.http.GET;

@GenerateClient
@Audited
public interface AuditedApi {
  @GET("version")
  EtcdCall<VersionInfo> getVersion();
}
