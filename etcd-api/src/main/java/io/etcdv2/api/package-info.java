/**
 * The etcd v2 API: the Retrofit interface {@link io.etcdv2.api.EtcdApi}, the calls and response
 * entity it returns, and the JSON model of etcd's bodies.
 */
package io.etcdv2.api;
