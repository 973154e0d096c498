package test;

import io.etcdv2.annotation.Convenience;
import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.User;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

@GenerateClient
public interface PathArgumentOptional {
  @GET("v2/auth/users/{user}")
  @Convenience(name = "user", args = {"detail", "user"}, optional = 1)
  EtcdCall<User> getUser(@Query("detail") Boolean detail, @Path("user") String user);
}
