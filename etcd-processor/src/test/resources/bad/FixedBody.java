package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.Fixed;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.Member;
import io.etcdv2.api.PeerUrls;
import retrofit2.http.Body;
import retrofit2.http.POST;

@GenerateClient
public interface FixedBody {
  @POST("v2/members")
  @Convenience(name = "addMember",
      fixed = @Fixed(param = "body", value = "{\"peerURLs\": [\"http://10.0.0.1:2380\"]}"))
  EtcdCall<Member> postMember(@Body PeerUrls body);
}
