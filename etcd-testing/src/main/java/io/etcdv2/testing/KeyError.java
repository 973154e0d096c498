package io.etcdv2.testing;

/**
 * An error of the v2 keys API as etcd 3.4 writes it: {@code {"errorCode", "message", "cause",
 * "index"}} with the status etcd maps the code to. Messages are etcd's own ({@code
 * etcdserver/api/v2error}).
 */
final class KeyError extends Exception {
  private static final long serialVersionUID = 1L;

  static final int KEY_NOT_FOUND = 100;
  static final int TEST_FAILED = 101;
  static final int NOT_FILE = 102;
  static final int NOT_DIR = 104;
  static final int NODE_EXIST = 105;
  static final int ROOT_READ_ONLY = 107;
  static final int DIR_NOT_EMPTY = 108;
  static final int UNAUTHORIZED = 110;
  static final int PREV_VALUE_REQUIRED = 201;
  static final int TTL_NAN = 202;
  static final int INDEX_NAN = 203;
  static final int INVALID_FIELD = 209;
  static final int INVALID_FORM = 210;
  static final int REFRESH_VALUE = 211;
  static final int REFRESH_TTL_REQUIRED = 212;
  static final int RAFT_INTERNAL = 300;
  static final int EVENT_INDEX_CLEARED = 401;

  final int code;
  final String cause;
  long index;

  KeyError(int code, String cause, long index) {
    super(code + " " + cause, null, false, false);
    this.code = code;
    this.cause = cause;
    this.index = index;
  }

  /** A request that failed before reaching the store: index 0. */
  static KeyError request(int code, String cause) {
    return new KeyError(code, cause, 0);
  }

  int status() {
    switch (code) {
      case KEY_NOT_FOUND:
        return 404;
      case NOT_FILE:
      case DIR_NOT_EMPTY:
        return 403;
      case UNAUTHORIZED:
        return 401;
      case TEST_FAILED:
      case NODE_EXIST:
        return 412;
      case RAFT_INTERNAL:
      case 301:
        return 500;
      default:
        return 400;
    }
  }

  static String message(int code) {
    switch (code) {
      case KEY_NOT_FOUND:
        return "Key not found";
      case TEST_FAILED:
        return "Compare failed";
      case NOT_FILE:
        return "Not a file";
      case NOT_DIR:
        return "Not a directory";
      case NODE_EXIST:
        return "Key already exists";
      case ROOT_READ_ONLY:
        return "Root is read only";
      case DIR_NOT_EMPTY:
        return "Directory not empty";
      case UNAUTHORIZED:
        return "The request requires user authentication";
      case PREV_VALUE_REQUIRED:
        return "PrevValue is Required in POST form";
      case TTL_NAN:
        return "The given TTL in POST form is not a number";
      case INDEX_NAN:
        return "The given index in POST form is not a number";
      case INVALID_FIELD:
        return "Invalid field";
      case INVALID_FORM:
        return "Invalid POST form";
      case REFRESH_VALUE:
        return "Value provided on refresh";
      case REFRESH_TTL_REQUIRED:
        return "A TTL must be provided on refresh";
      case RAFT_INTERNAL:
        return "Raft Internal Error";
      case EVENT_INDEX_CLEARED:
        return "The event in requested index is outdated and cleared";
      default:
        throw new IllegalArgumentException("no message for " + code);
    }
  }

  /** The body, ending with a newline as Go's encoder writes it. */
  String json() {
    StringBuilder out = new StringBuilder("{\"errorCode\":").append(code).append(",\"message\":");
    GoJson.string(out, message(code));
    if (!cause.isEmpty()) GoJson.string(out.append(",\"cause\":"), cause);
    return out.append(",\"index\":").append(Long.toUnsignedString(index)).append("}\n").toString();
  }
}
