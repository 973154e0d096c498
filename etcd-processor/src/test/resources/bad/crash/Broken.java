package test;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdApi;

@GenerateClient
public interface Broken extends EtcdApi {}
