package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.annotation.Key;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.KeysResult;
import retrofit2.http.DELETE;
import retrofit2.http.Path;
import retrofit2.http.Query;

@GenerateClient
public interface ArgNamedLikeKey {
  @DELETE("v2/keys/jobs{job-id}")
  @Convenience(name = "cancel", args = "jobId")
  EtcdCall<KeysResult> deleteJob(
      @Key @Path(value = "job-id", encoded = true) String job, @Query("jobId") String jobId);
}
