package io.etcdv2.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the endpoint parameter that carries an etcd key. Conveniences normalise the caller's key
 * the way lua-resty-etcd does (leading {@code /}, no empty, {@code .} or trailing segments, {@code
 * ..} pops one segment), put the client's prefix in front and percent-encode each segment.
 *
 * <pre>{@code
 * @GET("v2/keys{key}")
 * EtcdCall<KeysResult> getKey(@Key @Path(value = "key", encoded = true) String key);
 * }</pre>
 *
 * <p>The processor requires a {@code String} parameter that is also {@code @Path(encoded = true)}
 * and placed right after a path segment, as in {@code v2/keys{key}}, and at most one per endpoint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Key {}
