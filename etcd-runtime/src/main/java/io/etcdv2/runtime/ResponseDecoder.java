package io.etcdv2.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import io.etcdv2.api.EtcdError;
import io.etcdv2.api.EtcdResponse;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Turns an answer into the response entity, decoding JSON bodies straight from the bytes read (no
 * copy as a String). A 2xx answer must carry what its endpoint declares: an empty, {@code null} or
 * non-JSON body where a JSON body is declared is a {@link BadAnswer}, saying what came.
 */
final class ResponseDecoder<T> {
  private static final int SHOWN_CHARS = 200;

  /** The body OkHttp reads from the network, which takes its type from the Content-Type header. */
  private static final String OKHTTP_BODY = "okhttp3.internal.http.RealResponseBody";

  private final Type bodyType;
  private final JsonAdapter<T> bodyAdapter; // null for String and Void bodies
  private final JsonAdapter<EtcdError> errorAdapter;
  private volatile MediaType lastContentType;

  ResponseDecoder(Type bodyType, JsonAdapter<T> bodyAdapter, JsonAdapter<EtcdError> errorAdapter) {
    this.bodyType = bodyType;
    this.bodyAdapter = bodyAdapter;
    this.errorAdapter = errorAdapter;
  }

  /**
   * Decodes {@code raw}, whose body is in memory, and closes it.
   *
   * @throws BadAnswer if the body is not what the status and Content-Type promise
   */
  @SuppressWarnings("unchecked")
  EtcdResponse<T> decode(Response raw) throws IOException {
    int code = raw.code();
    ResponseBody body = raw.body();
    if (body == null || code == 204 || code == 205) { // 204 and 205 carry none
      if (body != null) body.close();
      if (raw.isSuccessful() && bodyAdapter != null) throw missing(code, "no body");
      return EtcdResponse.received(code, raw.headers(), null, null, null);
    }
    try {
      MediaType type = contentType(raw, body);
      boolean json = type != null && "json".equals(type.subtype());
      BufferedSource source = body.source();
      if (!raw.isSuccessful()) {
        if (!json) return EtcdResponse.received(code, raw.headers(), null, null, text(source));
        if (isBlank(source)) return EtcdResponse.received(code, raw.headers(), null, null, null);
        return EtcdResponse.received(code, raw.headers(), null, error(code, source), null);
      }
      if (bodyType == String.class) {
        String text = text(source);
        return EtcdResponse.received(code, raw.headers(), (T) text, null, json ? null : text);
      }
      if (bodyAdapter == null) { // Void: whatever came is not decoded
        return EtcdResponse.received(
            code, raw.headers(), null, null, json || isBlank(source) ? null : text(source));
      }
      if (isBlank(source)) throw missing(code, "an empty body");
      if (json) {
        return EtcdResponse.received(code, raw.headers(), required(code, source), null, null);
      }
      // Some endpoints (/health) send JSON as text/plain: keep the text, decode it if it is JSON.
      String text = source.getBuffer().clone().readUtf8();
      try {
        return EtcdResponse.received(code, raw.headers(), required(code, source), null, text);
      } catch (BadAnswer notJson) {
        throw new BadAnswer(
            "answered "
                + code
                + " "
                + type
                + " \""
                + shown(text)
                + "\", not the JSON of "
                + typeName()
                + " that the endpoint declares");
      }
    } finally {
      // Moshi stops after the JSON value, and etcd ends its bodies with a newline. Okio's Buffer
      // keeps what is left when closed, so its 8 KiB segment would be lost to Okio's pool and
      // the next request would allocate a new one: clear it, which returns it.
      body.source().getBuffer().clear();
      body.close();
    }
  }

  /**
   * {@code body.contentType()}. OkHttp's own body parses its Content-Type header (with a regular
   * expression) on every call, and etcd sends the same one every time: the last parsed type is
   * kept. A body that an interceptor replaced may carry another type, so it is asked.
   */
  private MediaType contentType(Response raw, ResponseBody body) {
    if (!body.getClass().getName().equals(OKHTTP_BODY)) return body.contentType();
    String header = raw.header("Content-Type");
    if (header == null) return null;
    MediaType last = lastContentType;
    if (last != null && last.toString().equals(header)) return last;
    MediaType parsed = body.contentType();
    if (parsed != null) lastContentType = parsed;
    return parsed;
  }

  private T required(int code, BufferedSource source) throws BadAnswer {
    T decoded;
    try {
      decoded = bodyAdapter.fromJson(source);
    } catch (JsonDataException e) {
      throw new BadAnswer(
          "answered "
              + code
              + " with JSON that does not match "
              + typeName()
              + ": "
              + e.getMessage());
    } catch (JsonEncodingException | EOFException e) {
      throw new BadAnswer(
          "answered "
              + code
              + " with a body that is not valid JSON although"
              + " its Content-Type says so: "
              + e.getMessage());
    } catch (IOException e) {
      throw new BadAnswer("answered " + code + " with a body that could not be read: " + e);
    }
    if (decoded == null) throw missing(code, "the JSON null");
    return decoded;
  }

  private EtcdError error(int code, BufferedSource source) throws BadAnswer {
    try {
      return errorAdapter.fromJson(source);
    } catch (JsonDataException e) {
      throw new BadAnswer(
          "answered "
              + code
              + " with an error body that is not etcd's error"
              + " JSON ({\"errorCode\", \"message\", \"cause\", \"index\"}): "
              + e.getMessage());
    } catch (IOException e) {
      throw new BadAnswer(
          "answered "
              + code
              + " with an error body that is not valid JSON"
              + " although its Content-Type says so: "
              + e.getMessage());
    }
  }

  private BadAnswer missing(int code, String what) {
    return new BadAnswer(
        "answered "
            + code
            + " with "
            + what
            + ", not the "
            + typeName()
            + " that the endpoint declares");
  }

  private String typeName() {
    return bodyType instanceof Class ? ((Class<?>) bodyType).getSimpleName() : bodyType.toString();
  }

  /** Whether nothing but whitespace is left, without consuming it. */
  private static boolean isBlank(BufferedSource source) throws IOException {
    source.request(Long.MAX_VALUE); // the body is already in memory: read by the transport
    okio.Buffer buffer = source.getBuffer();
    for (long i = 0; i < buffer.size(); i++) {
      byte b = buffer.getByte(i);
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return false;
    }
    return true;
  }

  private static String text(BufferedSource source) throws IOException {
    return source.readUtf8();
  }

  private static String shown(String text) {
    String trimmed = text.trim();
    return trimmed.length() <= SHOWN_CHARS
        ? trimmed
        : trimmed.substring(0, SHOWN_CHARS) + "... (" + text.length() + " chars)";
  }

  /** An answer that does not carry what its status, Content-Type and endpoint promise. */
  static final class BadAnswer extends IOException {
    private static final long serialVersionUID = 1L;

    BadAnswer(String problem) {
      super(problem);
    }
  }
}
