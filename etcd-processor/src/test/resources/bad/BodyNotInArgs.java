package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.PeerUrls;
import retrofit2.http.Body;
import retrofit2.http.PUT;
import retrofit2.http.Path;

@GenerateClient
public interface BodyNotInArgs {
  @PUT("v2/members/{id}")
  @Convenience(name = "updateMember", args = "id")
  EtcdCall<Void> putMember(@Path("id") String id, @Body PeerUrls body);
}
