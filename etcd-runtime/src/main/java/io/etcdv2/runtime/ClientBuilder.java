package io.etcdv2.runtime;

import com.squareup.moshi.Moshi;
import io.etcdv2.api.ValueSerializer;
import io.etcdv2.runtime.internal.ClientRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.Okio;

/**
 * The configuration every generated client's {@code Builder} shares: lua-resty-etcd's {@code new}
 * options plus the Java ones.
 *
 * <pre>{@code
 * EtcdClient etcd = EtcdClient.builder()
 *     .host("http://127.0.0.1:2379")  // default; or endpoints(url1, url2, url3) for a cluster
 *     .ttl(-1)                         // default TTL for key operations, seconds; -1 = none
 *     .prefix("")                      // key namespace under /v2/keys
 *     .timeout(5)                      // request timeout, seconds
 *     .build();
 * }</pre>
 *
 * @param <B> the generated builder, returned by every setter
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  /** lua-resty-etcd's default host. */
  public static final String DEFAULT_HOST = "http://127.0.0.1:2379";

  /** The default request timeout, seconds. */
  public static final long DEFAULT_TIMEOUT_SECONDS = 5;

  /** The default limit of an answer's body: 64 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

  /**
   * Idle connections the client's own pool keeps (for 5 minutes): OkHttp's default of 5 makes more
   * threads than that, calling at once, reconnect again and again.
   */
  static final int MAX_IDLE_CONNECTIONS = 64;

  List<HttpUrl> endpoints = Collections.singletonList(HttpUrl.get(DEFAULT_HOST));
  boolean shuffleEndpoints;
  long autoSyncSeconds; // 0: never
  long attemptTimeoutMillis = -1; // -1: a third of the timeout
  long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
  List<X509Certificate> trustedCertificates; // null: the platform's
  List<X509Certificate> clientCertificateChain;
  PrivateKey clientKey;
  long ttl = -1;
  String prefix = "";
  long timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  ValueSerializer serializer; // null: JSON through the configured Moshi
  Moshi moshi;
  OkHttpClient okHttpClient;
  String authorization; // the Basic header value; never the password itself

  protected ClientBuilder() {}

  /**
   * The etcd member to talk to, such as {@code http://127.0.0.1:2379}; a path is kept, for etcd
   * behind a proxy. The same as {@code endpoints(host)}.
   *
   * @throws IllegalArgumentException if {@code host} is not an http or https URL, or carries
   *     credentials
   */
  public final B host(String host) {
    return endpoints(host);
  }

  /**
   * The client URLs of the cluster's members, such as {@code https://10.0.0.1:2379}. Requests go to
   * one pinned member until it fails, then move on through the others in order; see {@link
   * #attemptTimeout}. Every URL is checked as {@link #host} checks it, and all must share one
   * scheme.
   *
   * @throws IllegalArgumentException if none is given, one is not an http or https URL, or one
   *     carries credentials
   */
  public final B endpoints(String... endpoints) {
    if (endpoints == null) throw new NullPointerException("endpoints == null");
    return endpoints(Arrays.asList(endpoints));
  }

  /** Like {@link #endpoints(String...)}. */
  public final B endpoints(List<String> endpoints) {
    if (endpoints == null) throw new NullPointerException("endpoints == null");
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("endpoints must name at least one member URL");
    }
    List<HttpUrl> urls = new ArrayList<>(endpoints.size());
    for (int i = 0; i < endpoints.size(); i++) {
      String argument = endpoints.size() == 1 ? "host" : "endpoints[" + i + "]";
      HttpUrl url = endpointUrl(endpoints.get(i), argument);
      if (urls.contains(url)) {
        throw new IllegalArgumentException(
            argument + " repeats " + RealEtcdCall.hostName(url) + "; name each member once");
      }
      urls.add(url);
    }
    this.endpoints = Collections.unmodifiableList(urls);
    return self();
  }

  /** A member URL as requests use it: checked, with a path that ends in {@code /}. */
  static HttpUrl endpointUrl(String endpoint, String argument) {
    if (endpoint == null) throw new NullPointerException(argument + " == null");
    HttpUrl url = HttpUrl.parse(endpoint);
    if (url == null) {
      throw new IllegalArgumentException(
          argument
              + " must be an http or https URL such as"
              + " http://127.0.0.1:2379 but was \""
              + withoutUserInfo(endpoint)
              + "\"");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new IllegalArgumentException(
          argument
              + " must not carry credentials (OkHttp would"
              + " not send them, and they would show in logs); pass them with auth(user, password)");
    }
    String path = url.encodedPath();
    return path.endsWith("/") ? url : url.newBuilder().encodedPath(path + "/").build();
  }

  /**
   * {@code text} with anything that may be credentials ({@code user:password@}) masked, whatever
   * the shape of the URL: it goes into an exception message.
   */
  static String withoutUserInfo(String text) {
    int at = text.lastIndexOf('@');
    if (at < 0) return text;
    int scheme = text.indexOf("://");
    int start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
    return text.substring(0, start) + "***" + text.substring(at);
  }

  /**
   * Whether to shuffle the endpoints once when the client is built, so that many clients spread
   * over the members instead of all pinning the first one. Default false.
   */
  public final B shuffleEndpoints(boolean shuffle) {
    this.shuffleEndpoints = shuffle;
    return self();
  }

  /**
   * Replaces the endpoints with the members' client URLs from {@code GET /v2/members} every {@code
   * seconds} in the background, as the client's {@code sync()} does; 0 (the default) never. A sync
   * that fails keeps the list it had and is logged; {@code close()} stops it.
   *
   * @throws IllegalArgumentException if {@code seconds} is negative
   */
  public final B autoSync(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException(
          "autoSync must be 0 (never) or more seconds but was " + seconds);
    }
    this.autoSyncSeconds = seconds;
    return self();
  }

  /**
   * How long one attempt may take before the call moves on to the next member, in seconds:
   * connecting, and for reads until the answer's headers come. Default: a third of the {@link
   * #timeout} (2 s without one). It guards against a member that accepts connections but does not
   * answer; the call's timeout still bounds all its attempts together. The last member a call tries
   * has no limit of its own. Changes move on only when they could not connect.
   *
   * @throws IllegalArgumentException if {@code seconds} is less than 1
   */
  public final B attemptTimeout(long seconds) {
    Arguments.checkPositive(seconds, "attemptTimeout");
    if (seconds > Integer.MAX_VALUE / 1000) {
      throw new IllegalArgumentException(
          "attemptTimeout must be at most "
              + Integer.MAX_VALUE / 1000
              + " seconds (OkHttp counts it in int milliseconds) but was "
              + seconds);
    }
    this.attemptTimeoutMillis = seconds * 1000;
    return self();
  }

  /**
   * The largest answer body the client reads, in bytes (default 64 MiB); a larger one fails the
   * call with an {@code EtcdException} naming its size and the limit, before it fills the heap. A
   * recursive read of a big tree is the usual reason to raise it.
   *
   * @throws IllegalArgumentException if {@code bytes} is less than 1
   */
  public final B maxResponseBytes(long bytes) {
    this.maxResponseBytes = Arguments.checkPositive(bytes, "maxResponseBytes");
    return self();
  }

  /**
   * The CA certificates (PEM, one or more) that members' certificates must be signed by, as {@code
   * etcdctl --cacert} takes; without it, the platform's trust store. Host names are verified.
   *
   * @throws IllegalArgumentException if {@code pem} holds no readable certificate, or one that is
   *     expired or not yet valid
   */
  public final B trustedCertificates(String pem) {
    if (pem == null) throw new NullPointerException("pem == null");
    List<X509Certificate> certificates = Pem.certificates(pem, "trustedCertificates");
    for (X509Certificate certificate : certificates) {
      Tls.checkValid(certificate, "trustedCertificates");
    }
    this.trustedCertificates = certificates;
    return self();
  }

  /** Like {@link #trustedCertificates(String)}, reading the PEM text from {@code pem}. */
  public final B trustedCertificates(InputStream pem) {
    if (pem == null) throw new NullPointerException("pem == null");
    return trustedCertificates(read(pem, "pem"));
  }

  /**
   * The certificate this client presents to members that ask for one ({@code --client-cert-auth}),
   * as {@code etcdctl --cert --key} take: the certificate first, then any intermediates, and its
   * private key as PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY})
   * or SEC1 EC ({@code BEGIN EC PRIVATE KEY}), unencrypted.
   *
   * @throws IllegalArgumentException if either PEM is unreadable, the certificate is expired or not
   *     yet valid, or the key is not the certificate's
   */
  public final B clientCertificate(String certificateChainPem, String privateKeyPem) {
    if (certificateChainPem == null) {
      throw new NullPointerException("certificateChainPem == null");
    }
    if (privateKeyPem == null) throw new NullPointerException("privateKeyPem == null");
    List<X509Certificate> chain = Pem.certificates(certificateChainPem, "certificateChainPem");
    Tls.checkValid(chain.get(0), "certificateChainPem");
    PrivateKey key = Pem.privateKey(privateKeyPem, "privateKeyPem");
    Tls.checkKeyMatches(chain.get(0), key, "privateKeyPem");
    this.clientCertificateChain = chain;
    this.clientKey = key;
    return self();
  }

  /** Like {@link #clientCertificate(String, String)}, reading the PEM texts from streams. */
  public final B clientCertificate(InputStream certificateChainPem, InputStream privateKeyPem) {
    if (certificateChainPem == null) {
      throw new NullPointerException("certificateChainPem == null");
    }
    if (privateKeyPem == null) throw new NullPointerException("privateKeyPem == null");
    return clientCertificate(
        read(certificateChainPem, "certificateChainPem"), read(privateKeyPem, "privateKeyPem"));
  }

  private static String read(InputStream in, String argument) {
    try {
      return Okio.buffer(Okio.source(in)).readUtf8();
    } catch (IOException e) {
      throw new IllegalArgumentException(argument + " cannot be read: " + e, e);
    }
  }

  /**
   * The TTL, in seconds, that key operations use when the caller gives none: -1 for none (the
   * default), or at least 1.
   *
   * @throws IllegalArgumentException for 0 or a value below -1
   */
  public final B ttl(long ttl) {
    this.ttl = Arguments.checkTtl(ttl, "ttl");
    return self();
  }

  /**
   * A key namespace: with {@code "/app"}, {@code set("/a", v)} writes {@code /v2/keys/app/a}.
   * Applies to key operations only, not to version or stats. Normalised like keys.
   */
  public final B prefix(String prefix) {
    if (prefix == null) throw new NullPointerException("prefix == null");
    String normalized = Keys.normalize(Arguments.checkWellFormed(prefix, "prefix"));
    this.prefix = normalized.equals("/") ? "" : normalized;
    return self();
  }

  /**
   * How long a request may take in all, in seconds; 0 for no limit. {@code wait} and {@code
   * waitdir} use it when the caller gives no timeout. Default 5.
   *
   * @throws IllegalArgumentException if {@code seconds} is negative
   */
  public final B timeout(long seconds) {
    this.timeoutSeconds = Arguments.checkTimeout(seconds, "timeout");
    return self();
  }

  /** How conveniences store and read values: {@link ValueSerializer#JSON} (the default) or RAW. */
  public final B serializer(ValueSerializer serializer) {
    if (serializer == null) throw new NullPointerException("serializer == null");
    this.serializer = serializer;
    return self();
  }

  /**
   * The Moshi that decodes etcd's bodies; unless a {@link #serializer} is set, values are JSON
   * through it too, so its adapters serve {@code set} and typed reads.
   */
  public final B moshi(Moshi moshi) {
    if (moshi == null) throw new NullPointerException("moshi == null");
    this.moshi = moshi;
    return self();
  }

  /**
   * An OkHttp client to share connection pool and dispatcher with. The client derives its own from
   * it: redirects off (etcd's 301 would turn a PUT into a GET), the timeouts above. Closing the
   * etcd client then leaves the shared pool and dispatcher running, and their sizes are the given
   * client's. Without one, the client builds its own: a dispatcher that runs up to 4096
   * asynchronous calls and long polls at once (OkHttp's default of 5 per host would queue every
   * call behind five watches) and a pool that keeps up to 64 idle connections for 5 minutes (with
   * OkHttp's default of 5, more threads than that calling at once keep reconnecting). Either way,
   * watches' long polls use a pool of the client's own (OkHttp looks through every connection of a
   * pool for each call, so open watches would slow every other call down), which {@code close()}
   * empties.
   */
  public final B okHttpClient(OkHttpClient client) {
    if (client == null) throw new NullPointerException("client == null");
    this.okHttpClient = client;
    return self();
  }

  /**
   * Credentials for etcd's auth, sent as HTTP Basic with every request. They never appear in {@code
   * toString()}, exception messages or logs.
   */
  public final B auth(String user, String password) {
    if (user == null) throw new NullPointerException("user == null");
    if (password == null) throw new NullPointerException("password == null");
    Arguments.checkWellFormed(user, "user");
    Arguments.checkWellFormed(password, "password");
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "user must not contain ':', which HTTP Basic uses to" + " separate it from the password");
    }
    this.authorization = Credentials.basic(user, password, StandardCharsets.UTF_8);
    return self();
  }

  /**
   * The runtime for the generated client's constructor: a new transport with this builder's
   * settings. Not API: {@link ClientRuntime} is what generated code stands on.
   */
  protected final ClientRuntime newRuntime() {
    return new EtcdRuntime(this);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
