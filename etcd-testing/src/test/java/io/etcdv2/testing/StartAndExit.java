package io.etcdv2.testing;

/**
 * Run in a JVM of its own by {@link ReaperTest}: starts a member, prints its pid and data
 * directory, and then exits without closing it ({@code exit}) or waits to be killed ({@code hang}).
 */
public final class StartAndExit {
  private StartAndExit() {}

  public static void main(String[] args) throws InterruptedException {
    LocalEtcd etcd = LocalEtcd.start();
    System.out.println(etcd.pid() + " " + etcd.dataDir());
    System.out.flush();
    if (args[0].equals("hang")) Thread.sleep(60_000);
    System.exit(0);
  }
}
