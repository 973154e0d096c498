package io.etcdv2.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.etcdv2.api.EtcdCall;
import io.etcdv2.api.EtcdError;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Retrofit;

/**
 * Adapts Retrofit methods that return {@code EtcdCall<T>}. Retrofit builds each request; the call
 * sends it and decides by Content-Type whether the answer is JSON, so no converter reads it.
 */
final class EtcdCallAdapterFactory extends CallAdapter.Factory {
  private final Moshi moshi;
  private final JsonAdapter<EtcdError> errorAdapter;
  private final Endpoints endpoints;
  private final AtomicBoolean closed;

  EtcdCallAdapterFactory(Moshi moshi, Endpoints endpoints, AtomicBoolean closed) {
    this.moshi = moshi;
    this.endpoints = endpoints;
    this.closed = closed;
    this.errorAdapter = moshi.adapter(EtcdError.class);
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    if (getRawType(returnType) != EtcdCall.class) return null;
    if (!(returnType instanceof ParameterizedType)) {
      throw new IllegalArgumentException(
          "EtcdCall return type must name its body type, as in EtcdCall<KeysResult>");
    }
    Type bodyType = getParameterUpperBound(0, (ParameterizedType) returnType);
    return new Adapter<>(
        new ResponseDecoder<>(bodyType, adapterFor(bodyType), errorAdapter),
        retrofit.callFactory(),
        endpoints,
        closed);
  }

  private <T> JsonAdapter<T> adapterFor(Type bodyType) {
    return bodyType == String.class || bodyType == Void.class ? null : moshi.<T>adapter(bodyType);
  }

  private static final class Adapter<T> implements CallAdapter<ResponseBody, EtcdCall<T>> {
    private final ResponseDecoder<T> decoder;
    private final okhttp3.Call.Factory client;
    private final Endpoints endpoints;
    private final AtomicBoolean closed;

    Adapter(
        ResponseDecoder<T> decoder,
        okhttp3.Call.Factory client,
        Endpoints endpoints,
        AtomicBoolean closed) {
      this.decoder = decoder;
      this.client = client;
      this.endpoints = endpoints;
      this.closed = closed;
    }

    @Override
    public Type responseType() {
      return ResponseBody.class;
    }

    @Override
    public EtcdCall<T> adapt(Call<ResponseBody> call) {
      return new RealEtcdCall<>(call, client, decoder, null, endpoints, closed);
    }
  }
}
