package io.etcdv2.api;

/**
 * The whole etcd v2 HTTP API as one Retrofit interface: {@link KeysApi}, {@link ClusterApi} and
 * {@link AuthApi}, with the conveniences declared on their endpoints.
 *
 * <p>The generated client calls these endpoints for its conveniences and request builders, and
 * hands the interface out through {@code api()} for raw access. Extend it to add endpoints of your
 * own; the processor generates your client the same way.
 */
public interface EtcdApi extends KeysApi, ClusterApi, AuthApi {}
