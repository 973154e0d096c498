package test;

import io.etcdv2.annotation.GenerateClient;

@GenerateClient
public abstract class NotInterface {}
