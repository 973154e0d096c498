package io.etcdv2.api;

/**
 * The body of {@code GET /health}: {@code {"health":"true"}}, sent as text/plain; the member
 * answers 503 with {@code "false"} without a quorum.
 */
public final class Health {
  private String health;

  Health() {}

  public boolean isHealthy() {
    return "true".equals(health);
  }

  @Override
  public String toString() {
    return "Health{" + health + '}';
  }
}
