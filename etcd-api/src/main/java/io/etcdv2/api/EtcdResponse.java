package io.etcdv2.api;

import okhttp3.Headers;

/**
 * The seed's HTTP response entity: every answer etcd gives, success or error, plus the 408 entity
 * for a request that ran out of time.
 *
 * <p>A body whose Content-Type is {@code application/json} is decoded: into {@link #body()} for a
 * 2xx status, into {@link #error()} otherwise. A body of any other type is kept as text in {@link
 * #text()}; on a 2xx status it is also decoded into {@link #body()} when it is JSON anyway, as
 * etcd's text/plain {@code /health} answer is, and it is the body itself for {@code
 * EtcdCall<String>} endpoints such as {@code /v2/machines}.
 *
 * @param <T> the type of a successful JSON body
 */
public final class EtcdResponse<T> {
  /** The status of the entity that stands for a timed-out request. */
  public static final int TIMEOUT_STATUS = 408;

  private static final Headers NO_HEADERS = Headers.of();

  private final int status;
  private final Headers headers;
  private final T body;
  private final EtcdError error;
  private final String text;
  private final boolean timedOut;

  private EtcdResponse(
      int status, Headers headers, T body, EtcdError error, String text, boolean timedOut) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.error = error;
    this.text = text;
    this.timedOut = timedOut;
  }

  /**
   * An answer received from etcd.
   *
   * @param body the decoded body of a 2xx JSON answer, else null
   * @param error the decoded body of a non-2xx JSON answer, else null
   * @param text the body of a non-JSON answer, else null
   */
  public static <T> EtcdResponse<T> received(
      int status, Headers headers, T body, EtcdError error, String text) {
    if (headers == null) throw new NullPointerException("headers == null");
    return new EtcdResponse<>(status, headers, body, error, text, false);
  }

  /** The seed's entity for a request that timed out: status 408, no headers, no body. */
  public static <T> EtcdResponse<T> timedOut() {
    return new EtcdResponse<>(TIMEOUT_STATUS, NO_HEADERS, null, null, null, true);
  }

  /** The HTTP status, or 408 when the request timed out. */
  public int status() {
    return status;
  }

  /** True for a 2xx status. */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** True when the request ran out of time and no answer was received. */
  public boolean isTimeout() {
    return timedOut;
  }

  /** The response headers; empty for a timed-out request. */
  public Headers headers() {
    return headers;
  }

  /** The decoded body of a 2xx answer (see the class comment); null otherwise. */
  public T body() {
    return body;
  }

  /** The decoded body of an error answer, such as errorCode 100 for a missing key; else null. */
  public EtcdError error() {
    return error;
  }

  /** The body of an answer whose Content-Type is not JSON, such as /v2/machines; else null. */
  public String text() {
    return text;
  }

  /**
   * The {@code X-Etcd-Index} header, or -1 when it is absent or not a number (etcd always sends a
   * number; anything else came from something in between, and {@link #headers()} has it as sent).
   */
  public long etcdIndex() {
    return longHeader("X-Etcd-Index");
  }

  /** The {@code X-Raft-Index} header, or -1 when it is absent or not a number. */
  public long raftIndex() {
    return longHeader("X-Raft-Index");
  }

  /** The {@code X-Raft-Term} header, or -1 when it is absent or not a number. */
  public long raftTerm() {
    return longHeader("X-Raft-Term");
  }

  private long longHeader(String name) {
    String value = headers.get(name);
    if (value == null) return -1;
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public String toString() {
    if (timedOut) return "EtcdResponse{status=408, timed out}";
    String shown =
        body != null
            ? "body=" + body
            : error != null ? "error=" + error : text != null ? "text=" + text : "no body";
    return "EtcdResponse{status=" + status + ", etcdIndex=" + etcdIndex() + ", " + shown + '}';
  }
}
