package test;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdApi;

@GenerateClient(name = "Custom")
public interface CustomNamed extends EtcdApi {}
