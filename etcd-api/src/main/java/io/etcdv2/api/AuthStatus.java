package io.etcdv2.api;

/** The body of {@code GET /v2/auth/enable}: {@code {"enabled":true}}. */
public final class AuthStatus {
  private boolean enabled;

  AuthStatus() {}

  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public String toString() {
    return "AuthStatus{enabled=" + enabled + '}';
  }
}
