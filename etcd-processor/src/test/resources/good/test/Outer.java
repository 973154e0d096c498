package test;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdApi;

public class Outer {
  @GenerateClient
  public interface NestedApi extends EtcdApi {}
}
