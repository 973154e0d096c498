package io.etcdv2.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import io.etcdv2.api.EtcdError;
import io.etcdv2.api.EtcdResponse;
import java.io.IOException;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.Response;

/** Turns a buffered HTTP answer into the response entity, decoding JSON bodies only. */
final class ResponseDecoder<T> {
  private final Type bodyType;
  private final JsonAdapter<T> bodyAdapter;
  private final JsonAdapter<EtcdError> errorAdapter;

  ResponseDecoder(Type bodyType, JsonAdapter<T> bodyAdapter, JsonAdapter<EtcdError> errorAdapter) {
    this.bodyType = bodyType;
    this.bodyAdapter = bodyAdapter;
    this.errorAdapter = errorAdapter;
  }

  /**
   * @throws IOException if the body cannot be read or is not the JSON its Content-Type declares
   */
  @SuppressWarnings("unchecked")
  EtcdResponse<T> decode(Response<ResponseBody> raw) throws IOException {
    ResponseBody body = raw.isSuccessful() ? raw.body() : raw.errorBody();
    if (body == null) return EtcdResponse.received(raw.code(), raw.headers(), null, null, null);
    try {
      MediaType type = body.contentType();
      String text = body.string();
      boolean json = type != null && "json".equals(type.subtype());
      if (!json || text.trim().isEmpty()) {
        return EtcdResponse.received(raw.code(), raw.headers(), null, null, text);
      }
      if (!raw.isSuccessful()) {
        return EtcdResponse.received(raw.code(), raw.headers(), null, errorAdapter.fromJson(text),
            null);
      }
      T decoded = bodyAdapter == null ? (bodyType == String.class ? (T) text : null)
          : bodyAdapter.fromJson(text);
      return EtcdResponse.received(raw.code(), raw.headers(), decoded, null, null);
    } catch (JsonDataException e) {
      throw new IOException("HTTP " + raw.code() + " body does not match " + bodyType + ": "
          + e.getMessage(), e);
    } finally {
      body.close();
    }
  }
}
