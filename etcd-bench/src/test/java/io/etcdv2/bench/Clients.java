package io.etcdv2.bench;

import java.util.ArrayList;
import java.util.List;

/** The clients under test, by id. */
final class Clients {
  /** In table order. */
  static final List<String> ALL = List.of(ThisClient.ID, "okhttp-text", "okhttp-moshi", Etcd4j.ID);

  private Clients() {}

  static BenchClient create(String id, String url) {
    return switch (id) {
      case ThisClient.ID -> new ThisClient(url);
      case "okhttp-text" -> new HandWritten(url, HandWritten.Parse.TEXT);
      case "okhttp-moshi" -> new HandWritten(url, HandWritten.Parse.MOSHI);
      case Etcd4j.ID -> new Etcd4j(url);
      default ->
          throw new IllegalArgumentException(
              "bench.clients names \"" + id + "\", which" + " is not a client; use some of " + ALL);
    };
  }

  static List<BenchClient> create(List<String> ids, String url) {
    List<BenchClient> clients = new ArrayList<>();
    for (String id : ids) clients.add(create(id, url));
    return clients;
  }
}
