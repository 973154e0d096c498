package test;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdApi;

@GenerateClient(name = "My-Client")
public interface BadClientName extends EtcdApi {}
