/**
 * The part of the etcd client that is not generated: {@link io.etcdv2.runtime.ClientBuilder} for
 * configuration, {@link io.etcdv2.runtime.GeneratedClient} and {@link
 * io.etcdv2.runtime.EtcdRequest}, which generated clients and their request builders extend,
 * watches, and the transport that turns every Retrofit call into an {@link
 * io.etcdv2.api.EtcdResponse}. {@code io.etcdv2.runtime.internal} is not API.
 */
package io.etcdv2.runtime;
