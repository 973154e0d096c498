package io.etcdv2.api;

import java.util.concurrent.CompletableFuture;
import okhttp3.Request;
import org.codehaus.mojo.animal_sniffer.IgnoreJRERequirement;

/**
 * One HTTP exchange with etcd, not yet sent. Each call can be executed or enqueued once; {@link
 * #clone()} makes a fresh copy.
 *
 * <p>Whatever etcd answers, success or error status, comes back as an {@link EtcdResponse}. A
 * request that runs out of time comes back as the seed's 408 entity ({@link
 * EtcdResponse#isTimeout()}). Other transport failures, such as a refused or reset connection,
 * throw {@link EtcdException} naming the host and the operation.
 *
 * @param <T> the type of a successful JSON body
 */
public interface EtcdCall<T> extends Cloneable {
  /** Sends the request and waits for the whole answer. */
  EtcdResponse<T> execute();

  /**
   * Sends the request without blocking and reports to {@code callback} on an OkHttp dispatcher
   * thread. This is the asynchronous form for every platform, Android API 21 included.
   */
  void enqueue(EtcdCallback<T> callback);

  /**
   * Sends the request without blocking and completes the future with the response entity, or
   * exceptionally with an {@link EtcdException}. Cancelling the future cancels the HTTP call. Needs
   * {@code java.util.concurrent.CompletableFuture}: Java 8, or Android API 24.
   */
  @IgnoreJRERequirement
  CompletableFuture<EtcdResponse<T>> future();

  /**
   * Limits the whole exchange to {@code seconds}; 0 removes the limit (a watch that waits forever).
   * Must be called before the call is sent.
   *
   * @throws IllegalArgumentException if {@code seconds} is negative
   */
  EtcdCall<T> timeout(long seconds);

  /** Names the operation in error messages, such as {@code "setnx"}; the method name by default. */
  EtcdCall<T> operation(String name);

  /** Cancels the call; a blocked {@link #execute()} then throws {@link EtcdException}. */
  void cancel();

  boolean isCanceled();

  boolean isExecuted();

  /** The request that is or would be sent. */
  Request request();

  /** A new, unsent call with the same request, timeout and operation name. */
  EtcdCall<T> clone();
}
