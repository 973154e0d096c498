package test;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdApi;

@GenerateClient(name = "class")
public interface KeywordClientName extends EtcdApi {}
