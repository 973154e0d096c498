package io.etcdv2.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** What the figures were taken on: cores, CPU, memory, JDK, OS, etcd and the load then. */
record Machine(
    int cores,
    String cpu,
    long memoryMb,
    String jdk,
    String os,
    String etcd,
    String etcdData,
    String loadAverage) {

  /**
   * @param etcdDataDir where etcd keeps its data: on a disk, its fsync per write bounds sequential
   *     sets; on tmpfs ({@code -Djava.io.tmpdir=/dev/shm}), the clients' own costs show
   */
  static Machine describe(String etcdUrl, Path etcdDataDir) {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        cpuInfo("model name"),
        memInfoMb(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        etcdVersion(etcdUrl),
        fileStore(etcdDataDir),
        loadAverageNow());
  }

  /** "data on disk (ext4)" or "data in memory (tmpfs)". */
  private static String fileStore(Path dir) {
    try {
      String type = Files.getFileStore(dir).type();
      return (type.equals("tmpfs") ? "data in memory (" : "data on disk (") + type + ")";
    } catch (IOException | RuntimeException e) {
      return "data in " + dir;
    }
  }

  String describe() {
    return String.format(
        Locale.ROOT,
        "%d cores, %s, %,d MB; %s; %s; etcd %s (one member, loopback, %s).",
        cores,
        cpu,
        memoryMb,
        jdk,
        os,
        etcd,
        etcdData);
  }

  /** The 1, 5 and 15 minute load averages, such as {@code 0.52 0.61 0.70}. */
  static String loadAverageNow() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuInfo(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith(field)) return line.substring(line.indexOf(':') + 1).trim();
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  private static long memInfoMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return 0;
  }

  private static String etcdVersion(String url) {
    OkHttpClient http = new OkHttpClient();
    try (Response response =
        http.newCall(new Request.Builder().url(url + "/version").build()).execute()) {
      String body = response.body().string();
      return HandWrittenJson.field(body, "etcdserver");
    } catch (IOException | RuntimeException e) {
      return "unknown (" + e + ")";
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Just enough JSON for {@code /version}. */
  private static final class HandWrittenJson {
    static String field(String json, String name) {
      String label = "\"" + name + "\":\"";
      int at = json.indexOf(label);
      if (at < 0) return json;
      int start = at + label.length();
      return json.substring(start, json.indexOf('"', start));
    }
  }
}
