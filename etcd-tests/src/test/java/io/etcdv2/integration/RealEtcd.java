package io.etcdv2.integration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real etcd started for it (see {@link RealEtcdExtension}). Test
 * methods take a {@code LocalEtcd} and/or an {@code EtcdClient} whose keys live under a prefix of
 * their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealEtcdExtension.class)
public @interface RealEtcd {}
