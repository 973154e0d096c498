/**
 * What generated etcd clients call: {@link io.etcdv2.runtime.ClientBuilder} for configuration,
 * {@link io.etcdv2.runtime.EtcdRuntime} for argument handling, and the transport that turns every
 * Retrofit call into an {@link io.etcdv2.api.EtcdResponse}.
 */
package io.etcdv2.runtime;
