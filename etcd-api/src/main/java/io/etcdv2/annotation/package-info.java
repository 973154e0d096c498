/**
 * Annotations that declare an etcd client: {@link io.etcdv2.annotation.GenerateClient} on a
 * Retrofit interface, {@link io.etcdv2.annotation.Convenience} on its endpoints, and the argument
 * roles {@link io.etcdv2.annotation.Key}, {@link io.etcdv2.annotation.Value} and {@link
 * io.etcdv2.annotation.Ttl}. The etcd processor reads them at compile time.
 */
package io.etcdv2.annotation;
