package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.LeaderStats;
import io.etcdv2.api.SelfStats;
import retrofit2.http.GET;

@GenerateClient
public interface ClashAcrossEndpoints {
  @GET("v2/stats/leader")
  @Convenience(name = "stats")
  EtcdCall<LeaderStats> getLeaderStats();

  @GET("v2/stats/self")
  @Convenience(name = "stats", doc = "Gets the self statistics.")
  EtcdCall<SelfStats> getSelfStats();
}
