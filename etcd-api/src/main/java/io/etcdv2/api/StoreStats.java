package io.etcdv2.api;

/** The body of {@code GET /v2/stats/store}: operation counters of the member's v2 store. */
public final class StoreStats {
  private long getsSuccess;
  private long getsFail;
  private long setsSuccess;
  private long setsFail;
  private long deleteSuccess;
  private long deleteFail;
  private long updateSuccess;
  private long updateFail;
  private long createSuccess;
  private long createFail;
  private long compareAndSwapSuccess;
  private long compareAndSwapFail;
  private long compareAndDeleteSuccess;
  private long compareAndDeleteFail;
  private long expireCount;
  private long watchers;

  StoreStats() {}

  public long getsSuccess() {
    return getsSuccess;
  }

  public long getsFail() {
    return getsFail;
  }

  public long setsSuccess() {
    return setsSuccess;
  }

  public long setsFail() {
    return setsFail;
  }

  public long deleteSuccess() {
    return deleteSuccess;
  }

  public long deleteFail() {
    return deleteFail;
  }

  public long updateSuccess() {
    return updateSuccess;
  }

  public long updateFail() {
    return updateFail;
  }

  public long createSuccess() {
    return createSuccess;
  }

  public long createFail() {
    return createFail;
  }

  public long compareAndSwapSuccess() {
    return compareAndSwapSuccess;
  }

  public long compareAndSwapFail() {
    return compareAndSwapFail;
  }

  public long compareAndDeleteSuccess() {
    return compareAndDeleteSuccess;
  }

  public long compareAndDeleteFail() {
    return compareAndDeleteFail;
  }

  public long expireCount() {
    return expireCount;
  }

  public long watchers() {
    return watchers;
  }

  @Override
  public String toString() {
    return "StoreStats{getsSuccess="
        + getsSuccess
        + ", setsSuccess="
        + setsSuccess
        + ", deleteSuccess="
        + deleteSuccess
        + ", expireCount="
        + expireCount
        + ", watchers="
        + watchers
        + '}';
  }
}
