package io.etcdv2.runtime;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends each request to the pinned member and moves on through the others when it fails, by one
 * rule: <em>a change is sent at most once</em>.
 *
 * <ul>
 *   <li>A request that never reached a member (refused, connect timeout, unknown host, TLS
 *       handshake failed) moves on, whatever its method.
 *   <li>After a request may have reached a member (reset or closed mid-answer, no answer within the
 *       attempt's limit, a 5xx) only a GET moves on. A change that failed after it was sent ends
 *       with {@link OutcomeUnknown}; a change answered with a 5xx returns that answer.
 * </ul>
 *
 * <p>Each member is tried once per call, from the pinned one on, wrapping around; the one that
 * answers becomes pinned. Attempts that have another member after them are limited to the attempt
 * timeout (connecting, and for reads, until the answer's headers), so that a frozen member does not
 * eat the call's budget; the call's own timeout still bounds them all together. A read that a
 * member did not answer within that limit is sent to it once more when every member has failed, so
 * that members slowed by an election are not written off because the last one was down.
 *
 * <p>Bodies are read here, inside the attempt, so that a member dying mid-answer is one more failed
 * attempt rather than a broken body later.
 */
final class Failover implements Interceptor {
  /** The longest request line etcd (Go's HTTP server) reads. */
  static final int MAX_REQUEST_LINE = 4096;

  private final Endpoints endpoints;
  private final HttpUrl base;
  private final String basePath;
  private final String baseText;
  private final long attemptTimeoutMillis;
  private final long maxResponseBytes;

  /**
   * @param base the URL Retrofit builds requests against (the first configured member)
   * @param attemptTimeoutMillis the limit of an attempt that has another member after it
   * @param maxResponseBytes the largest body read
   */
  Failover(Endpoints endpoints, HttpUrl base, long attemptTimeoutMillis, long maxResponseBytes) {
    this.endpoints = endpoints;
    this.base = base;
    this.basePath = base.encodedPath();
    this.baseText = base.toString();
    this.attemptTimeoutMillis = attemptTimeoutMillis;
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // rewrite() returns the URL itself when nothing changes
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (!isUnderBase(url)) { // an absolute @Url elsewhere: no attempt of this call's to mark
      Attempt outer = Attempt.CURRENT.get();
      Attempt.CURRENT.set(null);
      try {
        return chain.proceed(request);
      } finally {
        Attempt.CURRENT.set(outer);
      }
    }
    boolean read = request.method().equals("GET") || request.method().equals("HEAD");
    boolean longPoll = read && LongPolls.isLongPoll(request);
    List<HttpUrl> order = endpoints.order();
    checkRequestLine(request.method(), rewrite(url, order.get(0)));
    // A lone member gets a read a second time: a pooled connection it closed while idle fails
    // the first try. Changes are never sent twice.
    int attempts = read && order.size() == 1 ? 2 : order.size();
    List<String> failures = null; // made at the first failure: most calls have none
    IOException lastFailure = null;
    Response lastAnswer = null; // a 5xx to a read, returned when no member does better
    // Reads a member took too long to answer within the attempt limit, while a member after it
    // failed at once (a killed one refuses): they get a second chance with the call's budget.
    List<HttpUrl> slow = null;
    int total = attempts;
    for (int i = 0; ; i++) {
      if (i == attempts && slow != null) total += slow.size();
      if (i >= total) break;
      boolean secondChance = i >= attempts;
      HttpUrl member = secondChance ? slow.get(i - attempts) : order.get(i % order.size());
      boolean anotherMember = secondChance ? i < total - 1 : i < order.size() - 1;
      Attempt attempt = new Attempt(longPoll);
      HttpUrl target = rewrite(url, member);
      // Rebuilding a request copies its headers and tags: only for a member other than the base.
      Request sent = target == url ? request : request.newBuilder().url(target).build();
      Chain limited = chain;
      if (anotherMember && attemptTimeoutMillis > 0) {
        limited = limited.withConnectTimeout((int) attemptTimeoutMillis, TimeUnit.MILLISECONDS);
        if (read) {
          limited = limited.withReadTimeout((int) attemptTimeoutMillis, TimeUnit.MILLISECONDS);
        }
      }
      Response response;
      try {
        response = readBody(proceed(limited, sent, attempt), member);
      } catch (IOException e) {
        if (e instanceof Refused) throw e;
        if (chain.call().isCanceled() || isInterrupt(e)) throw e; // cancelled or timed out
        if (attempt.sent && !read) throw new OutcomeUnknown(member, e);
        if (read
            && attempt.sent
            && anotherMember
            && !secondChance
            && e instanceof SocketTimeoutException) {
          if (slow == null) slow = new ArrayList<>(order.size());
          slow.add(member);
        }
        if (failures == null) failures = new ArrayList<>(attempts);
        failures.add(RealEtcdCall.hostName(member) + " (" + describe(e, attempt.sent) + ")");
        lastFailure = e;
        continue;
      }
      if (read && response.code() >= 500 && anotherMember) {
        if (failures == null) failures = new ArrayList<>(attempts);
        failures.add(RealEtcdCall.hostName(member) + " (answered " + response.code() + ")");
        if (lastAnswer != null) lastAnswer.close();
        lastAnswer = response;
        continue;
      }
      if (lastAnswer != null) lastAnswer.close();
      if (i > 0) endpoints.pin(member);
      return response;
    }
    if (lastAnswer != null) return lastAnswer;
    if (order.size() == 1) throw lastFailure; // one member: its own failure says it all
    throw new MembersFailed(hosts(order), "no member answered: " + join(failures), lastFailure);
  }

  /**
   * Sends {@code request} as {@code attempt}, which {@link MarkSent} marks on this thread. OkHttp
   * can fail a broken exchange with an unchecked exception (a reset while a large request is
   * written gives {@code IllegalStateException: state: 0}): it is a failed attempt like any.
   */
  private static Response proceed(Chain chain, Request request, Attempt attempt)
      throws IOException {
    Attempt outer = Attempt.CURRENT.get(); // a call made from inside another call's chain
    Attempt.CURRENT.set(attempt);
    try {
      return chain.proceed(request);
    } catch (RuntimeException e) {
      throw new IOException("the connection broke: " + e, e);
    } finally {
      Attempt.CURRENT.set(outer);
    }
  }

  private boolean isUnderBase(HttpUrl url) {
    // The usual case without copying the path: the base's text (scheme, host, port, a path
    // ending in "/") starts the URL's.
    if (url.toString().startsWith(baseText)) return true;
    return url.scheme().equals(base.scheme())
        && url.host().equals(base.host())
        && url.port() == base.port()
        && url.encodedPath().startsWith(basePath);
  }

  /** {@code url}, built against the base, sent to {@code member} instead. */
  private HttpUrl rewrite(HttpUrl url, HttpUrl member) {
    if (member.equals(base)) return url;
    HttpUrl.Builder moved =
        url.newBuilder().scheme(member.scheme()).host(member.host()).port(member.port());
    String memberPath = member.encodedPath();
    if (!memberPath.equals(basePath)) {
      moved.encodedPath(memberPath + url.encodedPath().substring(basePath.length()));
    }
    return moved.build();
  }

  /**
   * etcd resets the connection of a request whose request line is over 4,096 bytes, without an
   * answer (probed on 3.4): refuse it before sending, saying so.
   */
  private static void checkRequestLine(String method, HttpUrl url) throws Refused {
    // The request target is the encoded path and query: the URL's text from the path on, up to
    // any fragment (counted there, without copying them out).
    String text = url.toString();
    int pathStart = text.indexOf('/', url.scheme().length() + "://".length());
    int fragment = text.indexOf('#', pathStart);
    int target = (fragment < 0 ? text.length() : fragment) - pathStart;
    int line = method.length() + 1 + target + " HTTP/1.1\r\n".length();
    if (line > MAX_REQUEST_LINE) {
      throw new Refused(
          "the request is too large for etcd: its request line would be "
              + line
              + " bytes (a path of "
              + url.encodedPath().length()
              + " encoded bytes), and etcd resets"
              + " the connection of any request line over "
              + MAX_REQUEST_LINE
              + " bytes; use a"
              + " shorter key; nothing was sent");
    }
  }

  /**
   * {@code response} with its body read into memory, refused past {@code maxResponseBytes}. The
   * body is read into its own source's buffer: the answer is neither copied nor rebuilt, and
   * reading it later does no I/O.
   */
  private Response readBody(Response response, HttpUrl member) throws IOException {
    ResponseBody body = response.body();
    if (body == null) return response;
    boolean read = false;
    try {
      long declared = body.contentLength();
      if (declared > maxResponseBytes) throw tooLarge(response, member, declared + " bytes");
      long over = maxResponseBytes == Long.MAX_VALUE ? Long.MAX_VALUE : maxResponseBytes + 1;
      if (body.source().request(over)) {
        throw tooLarge(response, member, "more than " + maxResponseBytes + " bytes");
      }
      read = true;
      return response;
    } finally {
      if (!read) body.close();
    }
  }

  private Refused tooLarge(Response response, HttpUrl member, String size) {
    return new Refused(
        RealEtcdCall.hostName(member)
            + " answered "
            + response.code()
            + " with a body of "
            + size
            + ", over maxResponseBytes ("
            + maxResponseBytes
            + " bytes); raise maxResponseBytes or read less at a time (a smaller directory, not"
            + " recursive)");
  }

  /** A timeout of the whole call, or an interrupted caller: neither is a member's fault. */
  private static boolean isInterrupt(IOException e) {
    return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
  }

  private String describe(IOException e, boolean sent) {
    if (e instanceof SocketTimeoutException) {
      return (sent ? "no answer" : "no connection") + " within " + attemptTimeoutMillis + " ms";
    }
    if (e instanceof ConnectException) return "connection refused";
    if (e instanceof UnknownHostException) return "unknown host";
    if (e instanceof SSLException) return TlsProblem.describe((SSLException) e);
    return sent ? "connection failed after the request was sent: " + e : String.valueOf(e);
  }

  private static String hosts(List<HttpUrl> members) {
    List<String> names = new ArrayList<>(members.size());
    for (HttpUrl member : members) names.add(RealEtcdCall.hostName(member));
    return join(names);
  }

  private static String join(List<String> parts) {
    StringBuilder joined = new StringBuilder();
    for (String part : parts) {
      if (joined.length() > 0) joined.append(", ");
      joined.append(part);
    }
    return joined.toString();
  }

  /**
   * One try of a request on one member; the network interceptor marks it sent. OkHttp runs a call's
   * whole interceptor chain on one thread, so the attempt in progress is handed to {@link MarkSent}
   * in a thread-local rather than as a request tag, which would cost a copy of the request (headers
   * and tags) per attempt.
   */
  static final class Attempt {
    static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

    final boolean longPoll;
    volatile boolean sent;

    Attempt(boolean longPoll) {
      this.longPoll = longPoll;
    }
  }

  /**
   * Runs once a connection (and its TLS handshake) is up, just before the request is written: from
   * here on the member may have received it.
   */
  static final class MarkSent implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Attempt attempt = Attempt.CURRENT.get();
      if (attempt == null) return chain.proceed(chain.request());
      attempt.sent = true;
      Response response = chain.proceed(chain.request());
      if (attempt.longPoll && chain.connection() != null && response.body() != null) {
        // etcd sends a watch's headers at once and its event whenever it happens: the attempt's
        // limit ends with the headers. OkHttp set it on the socket and on Okio's source.
        chain.connection().socket().setSoTimeout(0);
        response.body().source().timeout().clearTimeout();
      }
      return response;
    }
  }

  /** A request the client will not send, or an answer it will not read; no member is at fault. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    Refused(String problem) {
      super(problem);
    }
  }

  /** Every member failed a request that was not applied (never reached one, or a read). */
  static final class MembersFailed extends IOException {
    private static final long serialVersionUID = 1L;
    final String hosts;

    MembersFailed(String hosts, String problem, IOException last) {
      super(problem, last);
      this.hosts = hosts;
    }
  }

  /** A change reached a member, then its connection failed: it may or may not be applied. */
  static final class OutcomeUnknown extends IOException {
    private static final long serialVersionUID = 1L;
    final HttpUrl member;

    OutcomeUnknown(HttpUrl member, IOException cause) {
      super(String.valueOf(cause), cause);
      this.member = member;
    }
  }
}
