package io.etcdv2;

import io.etcdv2.annotation.GenerateClient;
import io.etcdv2.api.EtcdApi;

/**
 * The library's own client declaration: the etcd processor generates {@link EtcdClient} and its
 * base {@link AbstractEtcdClient} from it, exactly as it generates a client for an application's
 * interface. Extend this interface (not {@link EtcdApi}) with your own endpoints, and your client
 * extends {@link AbstractEtcdClient} instead of repeating its code.
 */
@GenerateClient(base = true)
public interface Etcd extends EtcdApi {}
