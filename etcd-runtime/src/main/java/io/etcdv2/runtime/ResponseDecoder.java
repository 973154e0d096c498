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

  private T decodeLeniently(String text) {
    try {
      return bodyAdapter.fromJson(text);
    } catch (IOException | JsonDataException notJson) {
      return null;
    }
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
      if (!raw.isSuccessful()) {
        EtcdError error = json && !text.trim().isEmpty() ? errorAdapter.fromJson(text) : null;
        return EtcdResponse.received(raw.code(), raw.headers(), null, error, json ? null : text);
      }
      if (bodyType == String.class) {
        return EtcdResponse.received(raw.code(), raw.headers(), (T) text, null, json ? null : text);
      }
      if (bodyAdapter == null || text.trim().isEmpty()) {
        return EtcdResponse.received(raw.code(), raw.headers(), null, null, json ? null : text);
      }
      if (json) {
        return EtcdResponse.received(raw.code(), raw.headers(), bodyAdapter.fromJson(text), null,
            null);
      }
      // Some endpoints (/health) send JSON as text/plain: keep the text, decode it if it is JSON.
      return EtcdResponse.received(raw.code(), raw.headers(), decodeLeniently(text), null, text);
    } catch (JsonDataException e) {
      throw new IOException("HTTP " + raw.code() + " body does not match " + bodyType + ": "
          + e.getMessage(), e);
    } finally {
      body.close();
    }
  }
}
