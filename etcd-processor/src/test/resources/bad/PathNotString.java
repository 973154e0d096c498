package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.Member;
import retrofit2.http.GET;
import retrofit2.http.Path;

@GenerateClient
public interface PathNotString {
  @GET("v2/members/{id}")
  @Convenience(name = "member", args = "id")
  EtcdCall<Member> getMember(@Path("id") Long id);
}
