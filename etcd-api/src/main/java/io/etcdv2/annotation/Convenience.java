package io.etcdv2.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a convenience method that the etcd processor generates on the client, as a call of the
 * annotated Retrofit endpoint with some of its parameters fixed and others taken from the caller.
 *
 * <pre>{@code
 * @FormUrlEncoded
 * @PUT("v2/keys{key}")
 * @Convenience(name = "setnx", args = {"value", "ttl"}, optional = 1,
 *     fixed = @Fixed(param = "prevExist", value = "false"), rootKey = false)
 * EtcdCall<KeysResult> putKey(@Key @Path(value = "key", encoded = true) String key,
 *     @Value @Field("value") String value, @Ttl @Field("ttl") String ttl,
 *     @Field("prevExist") Boolean prevExist);
 * // generates setnx(String key, Object value) and setnx(String key, Object value, long ttl)
 * }</pre>
 *
 * <p>The generated method's parameters are, in order: the endpoint's {@link Key} argument when it
 * has one, named after its path parameter ({@code {queue}} gives {@code String queue}, {@code
 * {job-id}} gives {@code String jobId}), then every parameter named in {@link #args()} (by its HTTP
 * name, the value of its {@code @Path}, {@code @Query} or {@code @Field}), then {@code long
 * timeoutSeconds} when {@link #timeout()} is set. The last {@link #optional()} of them may be left
 * out, giving one overload per count. A left-out argument is not sent, except the timeout, which
 * falls back to the client's timeout. Endpoint parameters that are neither fixed nor arguments are
 * sent as null, that is, not at all, except a {@link Ttl} parameter: whether left out or not among
 * the arguments, it carries the client's default TTL. Path and body parameters must be required
 * arguments (or fixed).
 *
 * <p>Argument types follow the endpoint parameter: a {@link Key} is a {@code String}, a {@link
 * Value} an {@code Object} encoded by the client's value serializer, a {@link Ttl} a {@code long}
 * (-1 for none, else at least 1), {@code Boolean} becomes a {@code boolean} flag sent only when
 * true, {@code Long} and {@code Integer} become {@code long} and {@code int} that must not be
 * negative, a {@code @Body} keeps its type, and {@code String} stays a {@code String}. Required
 * object arguments must not be null; optional ones may be, and are then not sent.
 *
 * <p>The processor rejects, on the offending element: an unknown or duplicated parameter name in
 * {@code args} or {@code fixed}, a parameter both fixed and an argument, a fixed value that does
 * not fit the parameter's type, an {@code optional} count out of range, and two conveniences of one
 * client whose overloads would have the same signature.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Convenience.List.class)
public @interface Convenience {
  /** The generated method's name, a Java identifier. */
  String name();

  /** HTTP names of the endpoint parameters the caller passes, after the key, in order. */
  String[] args() default {};

  /** How many trailing arguments (counting the timeout) may be left out. */
  int optional() default 0;

  /** Parameters sent with a fixed value. */
  Fixed[] fixed() default {};

  /** Adds a trailing {@code long timeoutSeconds} argument: 0 waits without limit. */
  boolean timeout() default false;

  /** Whether the key may normalise to the root {@code /}; false rejects it before sending. */
  boolean rootKey() default true;

  /** The first sentence of the generated method's Javadoc. */
  String doc() default "";

  /** Holds repeated {@link Convenience} declarations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface List {
    Convenience[] value();
  }
}
