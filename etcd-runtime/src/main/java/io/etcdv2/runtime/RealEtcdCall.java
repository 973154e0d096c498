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
import retrofit2.Callback;
import retrofit2.Invocation;
import retrofit2.Response;

/**
 * The transport: runs a Retrofit call and maps every outcome to the response entity, the 408
 * timeout entity, or an {@link EtcdException} naming the host and operation.
 */
final class RealEtcdCall<T> implements EtcdCall<T> {
  private final Call<ResponseBody> delegate;
  private final ResponseDecoder<T> decoder;
  private final Endpoints endpoints;
  private final AtomicBoolean clientClosed;
  private String operation;
  private long timeoutSeconds = -1; // -1: the client's timeout
  // OkHttp cancels a call whose timeout fires, so its isCanceled() cannot tell the two apart.
  private volatile boolean canceledByCaller;
  private volatile long startNanos;

  RealEtcdCall(
      Call<ResponseBody> delegate,
      ResponseDecoder<T> decoder,
      String operation,
      Endpoints endpoints,
      AtomicBoolean clientClosed) {
    this.delegate = delegate;
    this.decoder = decoder;
    this.operation = operation;
    this.endpoints = endpoints;
    this.clientClosed = clientClosed;
  }

  @Override
  public EtcdResponse<T> execute() {
    if (clientClosed.get()) throw closed();
    Response<ResponseBody> raw;
    startNanos = System.nanoTime();
    try {
      raw = delegate.execute();
    } catch (IOException e) {
      return failed(e, true);
    }
    return decode(raw);
  }

  private EtcdException closed() {
    return new EtcdException(operation(), host(), "the client is closed", null);
  }

  @Override
  public void enqueue(final EtcdCallback<T> callback) {
    if (callback == null) throw new NullPointerException("callback == null");
    if (clientClosed.get()) {
      callback.onFailure(this, closed());
      return;
    }
    startNanos = System.nanoTime();
    delegate.enqueue(
        new Callback<ResponseBody>() {
          @Override
          public void onResponse(Call<ResponseBody> call, Response<ResponseBody> raw) {
            EtcdResponse<T> response;
            try {
              response = decode(raw);
            } catch (EtcdException e) {
              callback.onFailure(RealEtcdCall.this, e);
              return;
            } catch (Throwable t) { // the callback (or future) must complete whatever happens
              callback.onFailure(
                  RealEtcdCall.this,
                  new EtcdException(operation(), host(), "decoding the answer failed: " + t, t));
              if (t instanceof Error) throw (Error) t;
              return;
            }
            callback.onResponse(RealEtcdCall.this, response);
          }

          @Override
          public void onFailure(Call<ResponseBody> call, Throwable t) {
            EtcdResponse<T> timedOut;
            try {
              timedOut = failed(t, false);
            } catch (EtcdException e) {
              callback.onFailure(RealEtcdCall.this, e);
              return;
            }
            callback.onResponse(RealEtcdCall.this, timedOut);
          }
        });
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
    if (delegate.isCanceled()) {
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
    long limit = delegate.timeout().timeoutNanos();
    return limit > 0 && System.nanoTime() - startNanos >= limit;
  }

  private EtcdResponse<T> decode(Response<ResponseBody> raw) {
    // OkHttp 4 cancels a call whose timeout fires mid-body and may then end the body early
    // instead of throwing: whatever was read is cut short, so it is a timeout, not an answer.
    if (delegate.isCanceled()) return failed(new InterruptedIOException("timeout"), false);
    try {
      return decoder.decode(raw);
    } catch (IOException e) {
      String problem =
          e instanceof ResponseDecoder.BadAnswer
              ? e.getMessage()
              : "its answer could not be read: " + e;
      throw new EtcdException(operation(), hostName(raw.raw().request().url()), problem, e);
    }
  }

  @Override
  public EtcdCall<T> timeout(long seconds) {
    Arguments.checkTimeout(seconds, "timeout");
    delegate.timeout().timeout(seconds, TimeUnit.SECONDS);
    timeoutSeconds = seconds;
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
    delegate.cancel();
  }

  @Override
  public boolean isCanceled() {
    return delegate.isCanceled();
  }

  @Override
  public boolean isExecuted() {
    return delegate.isExecuted();
  }

  @Override
  public Request request() {
    return delegate.request();
  }

  @SuppressWarnings("MethodDoesntCallSuperMethod")
  @Override
  public EtcdCall<T> clone() {
    RealEtcdCall<T> copy =
        new RealEtcdCall<>(delegate.clone(), decoder, operation, endpoints, clientClosed);
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
