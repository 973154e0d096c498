package io.etcdv2.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint parameter that carries a stored value, such as {@code value} or {@code
 * prevValue}. A convenience takes it as an {@code Object} and encodes it with the client's value
 * serializer (JSON by default), so a compare against {@code prevValue} matches what {@code set}
 * stored.
 *
 * <pre>{@code
 * EtcdCall<KeysResult> putKey(@Key @Path(value = "key", encoded = true) String key,
 *     @Value @Field("value") String value);
 * }</pre>
 *
 * <p>The processor requires a {@code String} parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Value {}
