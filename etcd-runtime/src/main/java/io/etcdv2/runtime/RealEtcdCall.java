package io.etcdv2.runtime;

import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdCallback;
import io.etcdv2.api.EtcdException;
import io.etcdv2.api.EtcdResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.codehaus.mojo.animal_sniffer.IgnoreJRERequirement;
import retrofit2.Call;
import retrofit2.Invocation;

/**
 * The transport: runs a call and maps every outcome to the response entity, the 408 timeout entity,
 * or an {@link EtcdException} naming the host and operation.
 *
 * <p>Retrofit builds the request ({@link Call#request()}); this class sends it on the OkHttp client
 * and decodes the answer itself, as Retrofit's own call would after reading the whole body:
 * Retrofit would copy every answer once more (a rebuilt response, a wrapped and re-buffered body)
 * and parse its Content-Type twice, for a body the failover interceptor has already read into
 * memory.
 */
final class RealEtcdCall<T> implements EtcdCall<T> {
  /** What Retrofit's call throws when building the request failed with an {@link IOException}. */
  private static final String CREATE_FAILED = "Unable to create request.";

  private final Call<ResponseBody> delegate; // builds the request; never sent
  private final okhttp3.Call.Factory client;
  private final ResponseDecoder<T> decoder;
  private final Endpoints endpoints;
  private final AtomicBoolean clientClosed;
  private String operation;
  private long timeoutSeconds = -1; // -1: the client's timeout
  private boolean executed; // guarded by this
  private volatile okhttp3.Call call; // the call sent, once started
  // OkHttp cancels a call whose timeout fires, so its isCanceled() cannot tell the two apart.
  private volatile boolean canceledByCaller;
  private volatile long startNanos;

  RealEtcdCall(
      Call<ResponseBody> delegate,
      okhttp3.Call.Factory client,
      ResponseDecoder<T> decoder,
      String operation,
      Endpoints endpoints,
      AtomicBoolean clientClosed) {
    this.delegate = delegate;
    this.client = client;
    this.decoder = decoder;
    this.operation = operation;
    this.endpoints = endpoints;
    this.clientClosed = clientClosed;
  }

  @Override
  public EtcdResponse<T> execute() {
    if (clientClosed.get()) throw closed();
    markExecuted();
    okhttp3.Response raw;
    startNanos = System.nanoTime();
    try {
      raw = start().execute();
    } catch (IOException e) {
      return failed(e, true);
    }
    return received(raw, true);
  }

  private EtcdException closed() {
    return new EtcdException(operation(), host(), "the client is closed", null);
  }

  private synchronized void markExecuted() {
    if (executed) throw new IllegalStateException("Already executed.");
    executed = true;
  }

  /**
   * The OkHttp call of the request Retrofit builds, with this call's timeout, cancelled already if
   * this call was. A request that could not be built fails as Retrofit's own call would fail it.
   */
  private okhttp3.Call start() throws IOException {
    Request request;
    try {
      request = delegate.request();
    } catch (RuntimeException e) {
      if (CREATE_FAILED.equals(e.getMessage()) && e.getCause() instanceof IOException) {
        throw (IOException) e.getCause();
      }
      throw e;
    }
    okhttp3.Call started = client.newCall(request);
    if (timeoutSeconds != -1) started.timeout().timeout(timeoutSeconds, TimeUnit.SECONDS);
    call = started;
    if (canceledByCaller) started.cancel(); // cancel() ran before the call existed
    return started;
  }

  /**
   * The answer decoded once its whole body is read, as Retrofit reads it: a failure while reading
   * fails the call like a failure before the answer. The failover interceptor has read the body of
   * every request to a member already, so this reads nothing more there.
   */
  private EtcdResponse<T> received(okhttp3.Response raw, boolean callerThread) {
    ResponseBody body = raw.body();
    if (body != null && raw.code() != 204 && raw.code() != 205) {
      try {
        body.source().request(Long.MAX_VALUE);
      } catch (IOException e) {
        body.close();
        return failed(e, callerThread);
      }
    }
    return decode(raw);
  }

  @Override
  public void enqueue(final EtcdCallback<T> callback) {
    if (callback == null) throw new NullPointerException("callback == null");
    if (clientClosed.get()) {
      callback.onFailure(this, closed());
      return;
    }
    markExecuted();
    okhttp3.Call started;
    try {
      started = start();
    } catch (Throwable t) { // as Retrofit's call: a request that cannot be built fails the call
      rethrowIfFatal(t);
      failAsync(callback, t);
      return;
    }
    startNanos = System.nanoTime();
    started.enqueue(
        new okhttp3.Callback() {
          @Override
          public void onResponse(okhttp3.Call call, okhttp3.Response raw) {
            EtcdResponse<T> response;
            try {
              response = received(raw, false);
            } catch (EtcdException e) {
              deliverFailure(callback, e);
              return;
            } catch (Throwable t) { // the callback (or future) must complete whatever happens
              deliverFailure(
                  callback,
                  new EtcdException(operation(), host(), "decoding the answer failed: " + t, t));
              rethrowIfFatal(t);
              return;
            }
            deliver(callback, response);
          }

          @Override
          public void onFailure(okhttp3.Call call, IOException e) {
            failAsync(callback, e);
          }
        });
  }

  private void failAsync(EtcdCallback<T> callback, Throwable t) {
    EtcdResponse<T> timedOut;
    try {
      timedOut = failed(t, false);
    } catch (EtcdException e) {
      deliverFailure(callback, e);
      return;
    }
    deliver(callback, timedOut);
  }

  /**
   * The callback's own failures are printed and the dispatcher thread carries on, as Retrofit's
   * call does with them.
   */
  @SuppressWarnings("CatchAndPrintStackTrace")
  private void deliver(EtcdCallback<T> callback, EtcdResponse<T> response) {
    try {
      callback.onResponse(this, response);
    } catch (Throwable t) {
      rethrowIfFatal(t);
      t.printStackTrace();
    }
  }

  @SuppressWarnings("CatchAndPrintStackTrace")
  private void deliverFailure(EtcdCallback<T> callback, EtcdException failure) {
    try {
      callback.onFailure(this, failure);
    } catch (Throwable t) {
      rethrowIfFatal(t);
      t.printStackTrace();
    }
  }

  /** The errors Retrofit's call never swallows. */
  private static void rethrowIfFatal(Throwable t) {
    if (t instanceof VirtualMachineError) throw (VirtualMachineError) t;
    if (t instanceof LinkageError) throw (LinkageError) t;
  }

  @IgnoreJRERequirement // only called where CompletableFuture exists
  @Override
  public CompletableFuture<EtcdResponse<T>> future() {
    CallFuture<T> future = new CallFuture<>(this);
    enqueue(future);
    return future;
  }

  /** Completes with the call's outcome; cancelling it cancels the call. */
  @IgnoreJRERequirement
  private static final class CallFuture<T> extends CompletableFuture<EtcdResponse<T>>
      implements EtcdCallback<T> {
    private final EtcdCall<T> call;

    CallFuture(EtcdCall<T> call) {
      this.call = call;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      // Cancel the future first: the call's own failure must not complete it before.
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      call.cancel();
      return cancelled;
    }

    @Override
    public void onResponse(EtcdCall<T> call, EtcdResponse<T> response) {
      complete(response);
    }

    @Override
    public void onFailure(EtcdCall<T> call, EtcdException failure) {
      completeExceptionally(failure);
    }
  }

  /**
   * The 408 entity for a timeout; throws for every other failure.
   *
   * @param callerThread whether {@code t} was thrown on the caller's thread, whose interrupt Okio
   *     may have consumed
   */
  private EtcdResponse<T> failed(Throwable t, boolean callerThread) {
    if (canceledByCaller) {
      throw new EtcdException(operation(), host(), "call was cancelled", t);
    }
    if (t instanceof SocketTimeoutException || isCallTimeout(t)) return EtcdResponse.timedOut();
    if (t instanceof Failover.Refused) {
      throw new EtcdException(operation(), host(), t.getMessage(), t);
    }
    if (t instanceof Failover.MembersFailed) {
      throw new EtcdException(
          operation(), ((Failover.MembersFailed) t).hosts, t.getMessage(), t.getCause());
    }
    if (t instanceof Failover.OutcomeUnknown) {
      throw new EtcdException(
          operation(),
          hostName(((Failover.OutcomeUnknown) t).member),
          "the connection failed after the request was sent ("
              + t.getMessage()
              + "), so the"
              + " change may or may not have been applied; outcome unknown: re-read before you"
              + " retry",
          t.getCause(),
          true);
    }
    if (t.getCause() instanceof RejectedExecutionException) {
      throw new EtcdException(operation(), host(), "the client is closed", t);
    }
    if (isCanceled()) {
      // Cancelled, but neither by the caller nor by a timeout: the client was closed.
      throw new EtcdException(operation(), host(), "call was cancelled: the client was closed", t);
    }
    if (t instanceof InterruptedIOException && callerThread) {
      // The caller's thread was interrupted; Okio cleared the flag, so set it again.
      Thread.currentThread().interrupt();
      throw new EtcdException(operation(), host(), "the calling thread was interrupted", t);
    }
    String problem =
        t instanceof SSLException ? TlsProblem.describe((SSLException) t) : String.valueOf(t);
    throw new EtcdException(operation(), host(), problem, t);
  }

  /**
   * Whether OkHttp's call timeout ended this call. OkHttp cancels a call when its timeout fires, as
   * closing the client does too; only the time elapsed tells them apart.
   */
  private boolean isCallTimeout(Throwable t) {
    if (!(t instanceof InterruptedIOException) || !"timeout".equals(t.getMessage())) return false;
    okhttp3.Call started = call;
    long limit = started != null ? started.timeout().timeoutNanos() : 0;
    return limit > 0 && System.nanoTime() - startNanos >= limit;
  }

  private EtcdResponse<T> decode(okhttp3.Response raw) {
    // OkHttp 4 cancels a call whose timeout fires mid-body and may then end the body early
    // instead of throwing: whatever was read is cut short, so it is a timeout, not an answer.
    if (isCanceled()) {
      raw.close();
      return failed(new InterruptedIOException("timeout"), false);
    }
    try {
      return decoder.decode(raw);
    } catch (IOException e) {
      String problem =
          e instanceof ResponseDecoder.BadAnswer
              ? e.getMessage()
              : "its answer could not be read: " + e;
      throw new EtcdException(operation(), hostName(raw.request().url()), problem, e);
    }
  }

  @Override
  public EtcdCall<T> timeout(long seconds) {
    Arguments.checkTimeout(seconds, "timeout");
    timeoutSeconds = seconds;
    okhttp3.Call started = call;
    if (started != null) started.timeout().timeout(seconds, TimeUnit.SECONDS);
    return this;
  }

  @Override
  public EtcdCall<T> operation(String name) {
    if (name == null) throw new NullPointerException("name == null");
    operation = name;
    return this;
  }

  @Override
  public void cancel() {
    canceledByCaller = true;
    okhttp3.Call started = call;
    if (started != null) started.cancel(); // else start() cancels it
  }

  @Override
  public boolean isCanceled() {
    if (canceledByCaller) return true;
    okhttp3.Call started = call;
    return started != null && started.isCanceled();
  }

  @Override
  public synchronized boolean isExecuted() {
    return executed;
  }

  @Override
  public Request request() {
    return delegate.request();
  }

  @SuppressWarnings("MethodDoesntCallSuperMethod")
  @Override
  public EtcdCall<T> clone() {
    RealEtcdCall<T> copy =
        new RealEtcdCall<>(delegate.clone(), client, decoder, operation, endpoints, clientClosed);
    if (timeoutSeconds != -1) copy.timeout(timeoutSeconds);
    return copy;
  }

  private String operation() {
    if (operation != null) return operation;
    Invocation invocation = delegate.request().tag(Invocation.class);
    return invocation != null ? invocation.method().getName() : delegate.request().method();
  }

  /** The member the call went to, or goes to next. */
  private String host() {
    return hostName(endpoints.pinned());
  }

  /** Such as {@code http://127.0.0.1:2379} or {@code http://[::1]:2379}, for error messages. */
  static String hostName(HttpUrl url) {
    String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
    return url.scheme() + "://" + host + ":" + url.port();
  }

  @Override
  public String toString() {
    return "EtcdCall{"
        + operation()
        + " "
        + delegate.request().method()
        + " "
        + delegate.request().url().encodedPath()
        + '}';
  }
}
