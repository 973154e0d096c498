package io.etcdv2.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the etcd processor to generate a client class for an etcd Retrofit interface.
 *
 * <p>The generated class lives in the interface's package and is named after it: a trailing {@code
 * Api} is replaced by {@code Client}, any other name gets {@code Client} appended ({@code
 * MyEtcdApi} becomes {@code MyEtcdClient}, {@code Etcd} becomes {@code EtcdClient}). Set {@link
 * #name()} to choose another name. The client has a builder, exposes the interface through {@code
 * api()}, and has one public method per overload of every {@link Convenience} declared on the
 * interface's endpoints, inherited ones included.
 *
 * <pre>{@code
 * @GenerateClient
 * public interface InventoryApi extends EtcdApi {
 *   @GET("v2/keys/inventory{key}")
 *   @Convenience(name = "item")
 *   EtcdCall<KeysResult> getItem(@Key @Path(value = "key", encoded = true) String key);
 * }
 * // generates InventoryClient with get, set, ..., and item(String key)
 * }</pre>
 *
 * <p>The client also has {@code requests()}, a builder per endpoint with every parameter by name,
 * {@code async()}, the conveniences returning unsent calls, and for interfaces extending {@code
 * KeysApi}, {@code watch(key)}. The processor rejects a target that is not an interface or is
 * generic, and every endpoint or convenience it cannot generate code for, with an error on the
 * element at fault.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GenerateClient {
  /** The generated class's simple name; empty to derive it from the interface's name. */
  String name() default "";

  /**
   * Also generates {@code Abstract<name>}, a base with this interface's conveniences, {@code
   * async()} forms and request builders, generic in the interface. The client of an interface that
   * extends this one then extends that base and adds only its own, instead of repeating them. The
   * library's {@code Etcd} is declared so: extend {@code Etcd}, not {@code EtcdApi}, and your
   * client shares {@code AbstractEtcdClient}.
   *
   * <pre>{@code
   * @GenerateClient(base = true)
   * public interface Etcd extends EtcdApi {}   // AbstractEtcdClient<A extends Etcd>, EtcdClient
   *
   * @GenerateClient
   * public interface RegistryApi extends Etcd { ... }  // RegistryClient extends
   *                                                    //   AbstractEtcdClient<RegistryApi>
   * }</pre>
   */
  boolean base() default false;
}
