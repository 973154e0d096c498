package io.etcdv2.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the endpoint parameter that carries a time-to-live in seconds. A convenience takes it as a
 * {@code long}: -1 sends no TTL, 1 or more sends it, anything else is rejected before sending. A
 * convenience overload that leaves it out uses the client's default TTL.
 *
 * <pre>{@code
 * EtcdCall<KeysResult> putKey(@Key @Path(value = "key", encoded = true) String key,
 *     @Ttl @Field("ttl") String ttl);
 * }</pre>
 *
 * <p>The processor requires a {@code String} parameter (text, so that raw callers can send an empty
 * TTL, which clears one) and at most one per endpoint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Ttl {}
