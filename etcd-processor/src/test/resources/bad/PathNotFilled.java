package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.VersionInfo;
import retrofit2.http.DELETE;
import retrofit2.http.Path;

@GenerateClient
public interface PathNotFilled {
  @DELETE("v2/members/{id}")
  @Convenience(name = "removeMember")
  EtcdCall<VersionInfo> deleteMember(@Path("id") String id);
}
