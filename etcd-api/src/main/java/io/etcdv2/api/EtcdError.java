package io.etcdv2.api;

/**
 * The body of an etcd error answer: {@code {"errorCode":100,"message":"Key not found",
 * "cause":"/a","index":7}} for the keys API, or just {@code {"message":"..."}} for the other
 * endpoints, whose error code is then 0.
 */
public final class EtcdError {
  /** Key not found (404). */
  public static final int KEY_NOT_FOUND = 100;

  /** Compare failed (412). */
  public static final int TEST_FAILED = 101;

  /** Not a file (403). */
  public static final int NOT_FILE = 102;

  /** Not a directory (400). */
  public static final int NOT_DIR = 104;

  /** Key already exists (412). */
  public static final int NODE_EXIST = 105;

  /** Root is read only (400). */
  public static final int ROOT_READ_ONLY = 107;

  /** Directory not empty (403). */
  public static final int DIR_NOT_EMPTY = 108;

  /** The request requires user authentication (401). */
  public static final int UNAUTHORIZED = 110;

  /** The event in the requested index is outdated and cleared (400). */
  public static final int EVENT_INDEX_CLEARED = 401;

  private int errorCode;
  private String message;
  private String cause;
  private long index;

  EtcdError() {}

  public EtcdError(int errorCode, String message, String cause, long index) {
    this.errorCode = errorCode;
    this.message = message;
    this.cause = cause;
    this.index = index;
  }

  /** etcd's error code, or 0 when the body has none. */
  public int errorCode() {
    return errorCode;
  }

  /** The message, or null. */
  public String message() {
    return message;
  }

  /** What the error is about, such as the key; null when absent. */
  public String cause() {
    return cause;
  }

  /** The etcd index when the error happened; 0 when absent. */
  public long index() {
    return index;
  }

  @Override
  public String toString() {
    return "EtcdError{errorCode="
        + errorCode
        + ", message="
        + message
        + ", cause="
        + cause
        + ", index="
        + index
        + '}';
  }
}
