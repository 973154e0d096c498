package io.etcdv2.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint parameter that a {@link Convenience} always sends with the same value.
 *
 * <pre>{@code
 * @Convenience(name = "mkdirnx", fixed = {
 *     @Fixed(param = "dir", value = "true"), @Fixed(param = "prevExist", value = "false")})
 * }</pre>
 *
 * <p>The value must fit the parameter's type: {@code true} or {@code false} for a {@code Boolean},
 * a decimal number for a {@code Long} or {@code Integer}, any text for a {@code String}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Fixed {
  /** The parameter's HTTP name, as in its {@code @Query}, {@code @Field} or {@code @Path}. */
  String param();

  /** The value sent, written as text. */
  String value();
}
