package io.etcdv2.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code Long} or {@code Integer} endpoint parameter whose value must be at least 1 when a
 * convenience or request builder sends it, because etcd reads 0 as "no condition": {@code
 * prevIndex=0} would turn a compare-and-swap into a plain write.
 *
 * <pre>{@code
 * @Positive @Field("prevIndex") Long prevIndex
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Positive {}
