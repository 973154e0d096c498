package io.etcdv2.bench;

/**
 * Run in a new JVM per measurement: creates one client, gets one key, and prints how long that took
 * from {@code main()}. Nothing in this JVM has loaded OkHttp, Moshi or Netty before.
 *
 * <pre>
 * {@code java -cp ... io.etcdv2.bench.ColdStart okhttp-moshi http://127.0.0.1:2379 /bench/cold}
 * </pre>
 */
public final class ColdStart {
  static final String PREFIX = "COLD-START-NANOS ";

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    BenchClient client = Clients.create(args[0], args[1]);
    boolean ok = client.get(args[2]);
    long nanos = System.nanoTime() - start;
    System.out.println(ok ? PREFIX + nanos : "COLD-START-FAILED");
    System.out.flush();
    client.close();
    System.exit(ok ? 0 : 1); // etcd4j's Netty threads would keep the JVM up a while
  }
}
