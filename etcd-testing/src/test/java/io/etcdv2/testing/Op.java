package io.etcdv2.testing;

import java.util.Locale;

/** One raw HTTP request of a differential test. */
final class Op {
  final String method;
  final String target; // path and query, such as /v2/keys/a?recursive=true
  final String body; // null: none
  final String contentType; // null with a body: none at all
  final boolean sorted;
  final boolean waits;
  final String authorization; // null: none

  private Op(String method, String target, String body, String contentType) {
    this(method, target, body, contentType, null);
  }

  private Op(String method, String target, String body, String contentType, String authorization) {
    this.authorization = authorization;
    this.method = method;
    this.target = target;
    this.body = body;
    this.contentType = contentType;
    String query = target.contains("?") ? target.substring(target.indexOf('?')) : "";
    this.sorted = query.contains("sorted=true");
    this.waits =
        query.contains("wait=true") && !query.contains("quorum=true") && method.equals("GET");
  }

  static Op get(String target) {
    return new Op("GET", target, null, null);
  }

  static Op of(String method, String target) {
    return new Op(method.toUpperCase(Locale.ROOT), target, null, null);
  }

  /** A form body, with the content type etcd requires. */
  static Op form(String method, String target, String form) {
    return new Op(method, target, form, "application/x-www-form-urlencoded");
  }

  /** A body with any content type, or none (null). */
  static Op body(String method, String target, String body, String contentType) {
    return new Op(method, target, body, contentType);
  }

  /** The same request with an Authorization header. */
  Op withHeader(String name, String value) {
    if (!name.equals("Authorization")) throw new IllegalArgumentException(name);
    return new Op(method, target, body, contentType, value);
  }

  @Override
  public String toString() {
    return method
        + " "
        + target
        + (body == null ? "" : " body=" + body)
        + (contentType == null || contentType.equals("application/x-www-form-urlencoded")
            ? ""
            : " content-type=" + contentType);
  }
}
