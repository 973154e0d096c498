package io.etcdv2.recipes;

import io.etcdv2.EtcdClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A recipe user in a JVM of its own, for tests that kill it with SIGKILL: it prints one line when
 * it holds the lock or leads, then waits to be killed.
 *
 * <pre>
 * java Child lock  endpoint path ttl       prints "ACQUIRED token"
 * java Child elect endpoint path id ttl    prints "ELECTED token"
 * java Child register endpoint base service id value ttl   prints "REGISTERED key"
 * </pre>
 */
public final class Child {
  public static void main(String[] args) throws Exception {
    EtcdClient etcd = EtcdClient.builder().host(args[1]).build();
    switch (args[0]) {
      case "lock" -> {
        DistributedLock lock = DistributedLock.create(etcd, args[2], Long.parseLong(args[3]));
        lock.acquire();
        System.out.println("ACQUIRED " + lock.fencingToken());
      }
      case "elect" -> {
        CountDownLatch elected = new CountDownLatch(1);
        LeaderElection election =
            LeaderElection.create(etcd, args[2], args[3], Long.parseLong(args[4]));
        election.start(
            new LeaderElection.Listener() {
              @Override
              public void elected() {
                elected.countDown();
              }

              @Override
              public void revoked() {}
            });
        elected.await();
        System.out.println("ELECTED " + election.fencingToken());
      }
      case "register" -> {
        ServiceRegistry registry = ServiceRegistry.create(etcd, args[2]);
        ServiceRegistration registration =
            registry.register(args[3], args[4], args[5], Long.parseLong(args[6]));
        System.out.println("REGISTERED " + registration.key());
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Starts a child JVM and waits for its first line; the process to kill. */
  static Started start(String... args) throws IOException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    String[] command = new String[args.length + 4];
    command[0] = java.toString();
    command[1] = "-cp";
    command[2] = System.getProperty("java.class.path");
    command[3] = Child.class.getName();
    System.arraycopy(args, 0, command, 4, args.length);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null) {
      process.destroyForcibly();
      throw new IllegalStateException("child " + String.join(" ", args) + " printed nothing");
    }
    return new Started(process, line);
  }

  static final class Started implements AutoCloseable {
    final Process process;
    final String line;

    Started(Process process, String line) {
      this.process = process;
      this.line = line;
    }

    long token() {
      return Long.parseLong(line.substring(line.indexOf(' ') + 1));
    }

    /** SIGKILL, as a crash; returns when the process is gone. */
    void kill() {
      try {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      kill();
    }
  }

  private Child() {}
}
