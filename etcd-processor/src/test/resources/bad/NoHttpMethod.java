package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.VersionInfo;

@GenerateClient
public interface NoHttpMethod {
  @Convenience(name = "version")
  EtcdCall<VersionInfo> getVersion();
}
