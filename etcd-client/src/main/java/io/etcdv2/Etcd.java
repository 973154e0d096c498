package io.etcdv2;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdApi;

/**
 * The library's own client declaration: the etcd processor generates {@link EtcdClient} from it,
 * exactly as it generates a client for an application's interface that extends {@link EtcdApi}.
 */
@GenerateClient
public interface Etcd extends EtcdApi {}
