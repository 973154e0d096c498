package io.etcdv2.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdv2.EtcdClient;
import io.etcdv2.api.EtcdException;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS against MockWebServer members: what is refused at build, the words of each handshake failure,
 * and that a handshake failure, having sent nothing, moves on even for a change.
 */
final class TlsContractTest {
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
  private static final HeldCertificate CLIENT =
      new HeldCertificate.Builder().signedBy(CA).commonName("client").build();

  private MockWebServer good;
  private MockWebServer other;

  @BeforeEach
  void start() throws IOException {
    good =
        https(
            new HeldCertificate.Builder()
                .signedBy(CA)
                .addSubjectAlternativeName("127.0.0.1")
                .build());
    long now = System.currentTimeMillis();
    other =
        https(
            new HeldCertificate.Builder()
                .signedBy(CA)
                .addSubjectAlternativeName("127.0.0.1")
                .validityInterval(now - TimeUnit.DAYS.toMillis(10), now - TimeUnit.DAYS.toMillis(1))
                .build());
  }

  private static MockWebServer https(HeldCertificate certificate) throws IOException {
    MockWebServer server = new MockWebServer();
    HandshakeCertificates handshake =
        new HandshakeCertificates.Builder().heldCertificate(certificate, CA.certificate()).build();
    server.useHttps(handshake.sslSocketFactory(), false);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  @AfterEach
  void stop() throws IOException {
    good.shutdown();
    other.shutdown();
  }

  private static String url(MockWebServer server) {
    return "https://127.0.0.1:" + server.getPort();
  }

  @Test
  void expiredMemberCertificateIsNamedAndAChangeMovesOnHavingSentNothing() {
    good.enqueue(Members.json(200, Members.SET_BODY));
    try (EtcdClient etcd =
        EtcdClient.builder()
            .endpoints(url(other), url(good))
            .trustedCertificates(CA.certificatePem())
            .build()) {
      assertEquals(200, etcd.set("/k", "v").status());
      assertEquals(0, other.getRequestCount(), "the handshake failed before any request");
      assertEquals(1, good.getRequestCount());
      assertEquals(List.of(url(good), url(other)), etcd.endpoints());
    }
    try (EtcdClient etcd =
        EtcdClient.builder().host(url(other)).trustedCertificates(CA.certificatePem()).build()) {
      EtcdException e = assertThrows(EtcdException.class, () -> etcd.set("/k", "v"));
      assertFalse(e.outcomeUnknown());
      assertTrue(
          e.getMessage().contains("TLS handshake failed: a certificate has expired"),
          e.getMessage());
    }
  }

  @Test
  void memberCertificateForAnotherHostIsRefused() throws IOException {
    MockWebServer elsewhere =
        https(
            new HeldCertificate.Builder()
                .signedBy(CA)
                .addSubjectAlternativeName("etcd.example.com")
                .build());
    try (EtcdClient etcd =
        EtcdClient.builder()
            .endpoints(url(elsewhere), url(other))
            .trustedCertificates(CA.certificatePem())
            .build()) {
      EtcdException e = assertThrows(EtcdException.class, () -> etcd.get("/k"));
      assertTrue(
          e.getMessage()
              .contains(
                  url(elsewhere)
                      + " (TLS: the member's certificate does"
                      + " not name the host it was reached on"),
          e.getMessage());
      assertTrue(
          e.getMessage()
              .contains(url(other) + " (TLS handshake failed: a certificate" + " has expired"),
          e.getMessage());
    } finally {
      elsewhere.shutdown();
    }
  }

  @Test
  void platformTrustStoreRefusesATestCa() {
    try (EtcdClient etcd = EtcdClient.builder().host(url(good)).build()) {
      EtcdException e = assertThrows(EtcdException.class, () -> etcd.get("/k"));
      assertTrue(
          e.getMessage()
              .contains(
                  "the member's certificate is not signed by a trusted"
                      + " CA; check trustedCertificates"),
          e.getMessage());
    }
  }

  @Test
  void tlsSettingsWithPlainHttpEndpointsAreRefusedAtBuild() {
    EtcdClient.Builder builder =
        EtcdClient.builder().host("http://127.0.0.1:2379").trustedCertificates(CA.certificatePem());

    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);

    assertEquals(
        "trustedCertificates or clientCertificate is set, but the endpoints are plain"
            + " http://, which would send everything unencrypted; use https:// endpoints",
        e.getMessage());
  }

  @Test
  void unreadablePemIsRefusedNamingTheArgument() {
    assertEquals(
        "trustedCertificates must hold at least one PEM certificate (-----BEGIN"
            + " CERTIFICATE-----) but has none",
        assertThrows(
                IllegalArgumentException.class,
                () -> EtcdClient.builder().trustedCertificates("not a certificate"))
            .getMessage());
    assertEquals(
        "trustedCertificates: a -----BEGIN CERTIFICATE----- block has no -----END"
            + " CERTIFICATE-----",
        assertThrows(
                IllegalArgumentException.class,
                () -> EtcdClient.builder().trustedCertificates("-----BEGIN CERTIFICATE-----\nAAAA"))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    EtcdClient.builder()
                        .trustedCertificates(
                            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
            .getMessage()
            .startsWith(
                "trustedCertificates: certificate 1 is not a readable X.509" + " certificate"));
    assertEquals(
        "privateKeyPem must hold exactly one unencrypted PEM private key (BEGIN PRIVATE"
            + " KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY) but has none",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    EtcdClient.builder()
                        .clientCertificate(CLIENT.certificatePem(), CLIENT.certificatePem()))
            .getMessage());
    assertEquals(
        "privateKeyPem must hold exactly one unencrypted PEM private key (BEGIN PRIVATE"
            + " KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY) but is encrypted; decrypt it"
            + " first",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    EtcdClient.builder()
                        .clientCertificate(
                            CLIENT.certificatePem(),
                            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"))
            .getMessage());
  }

  @Test
  void keyOfAnotherCertificateIsRefused() {
    HeldCertificate stranger = new HeldCertificate.Builder().commonName("stranger").build();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EtcdClient.builder()
                    .clientCertificate(CLIENT.certificatePem(), stranger.privateKeyPkcs8Pem()));

    assertEquals(
        "privateKeyPem is not the private key of the certificate CN=client: give the key"
            + " that was generated with that certificate",
        e.getMessage());
  }

  @Test
  void expiredCaIsRefused() {
    long now = System.currentTimeMillis();
    HeldCertificate oldCa =
        new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("old CA")
            .validityInterval(now - TimeUnit.DAYS.toMillis(10), now - TimeUnit.DAYS.toMillis(1))
            .build();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EtcdClient.builder().trustedCertificates(oldCa.certificatePem()));

    assertTrue(
        e.getMessage()
            .startsWith("trustedCertificates: the certificate CN=old CA expired" + " on "),
        e.getMessage());
  }
}
