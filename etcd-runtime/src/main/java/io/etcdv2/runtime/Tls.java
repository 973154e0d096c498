package io.etcdv2.runtime;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS set-up of a client: the CAs it trusts (the platform's unless given) and the certificate
 * it presents, checked when they are given so that a wrong file fails at {@code build()}, not at
 * the first call.
 */
final class Tls {
  private static final char[] IN_MEMORY_PASSWORD = "etcd".toCharArray();

  final X509TrustManager trustManager;
  final SSLSocketFactory socketFactory;

  private Tls(X509TrustManager trustManager, SSLSocketFactory socketFactory) {
    this.trustManager = trustManager;
    this.socketFactory = socketFactory;
  }

  /**
   * @param trusted the CA certificates to trust, or null for the platform's
   * @param clientKey the client's key, or null to present none
   */
  static Tls create(
      List<X509Certificate> trusted, List<X509Certificate> clientChain, PrivateKey clientKey) {
    try {
      X509TrustManager trustManager = trustManager(trusted);
      KeyManager[] keyManagers = clientKey == null ? null : keyManagers(clientChain, clientKey);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, new TrustManager[] {trustManager}, null);
      return new Tls(trustManager, context.getSocketFactory());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e, e);
    }
  }

  private static X509TrustManager trustManager(List<X509Certificate> trusted)
      throws GeneralSecurityException {
    KeyStore store = null;
    if (trusted != null) {
      store = emptyKeyStore();
      for (int i = 0; i < trusted.size(); i++) store.setCertificateEntry("ca" + i, trusted.get(i));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager) return (X509TrustManager) manager;
    }
    throw new IllegalStateException(
        "no X509TrustManager in " + Arrays.toString(factory.getTrustManagers()));
  }

  private static KeyManager[] keyManagers(List<X509Certificate> chain, PrivateKey key)
      throws GeneralSecurityException {
    KeyStore store = emptyKeyStore();
    store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(new X509Certificate[0]));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, IN_MEMORY_PASSWORD);
    return factory.getKeyManagers();
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create an in-memory key store", e);
    }
    return store;
  }

  /** Refuses a certificate outside its validity period, naming it and the dates. */
  static void checkValid(X509Certificate certificate, String argument) {
    try {
      certificate.checkValidity();
    } catch (CertificateExpiredException e) {
      throw new IllegalArgumentException(
          argument
              + ": the certificate "
              + certificate.getSubjectX500Principal().getName()
              + " expired on "
              + certificate.getNotAfter(),
          e);
    } catch (CertificateNotYetValidException e) {
      throw new IllegalArgumentException(
          argument
              + ": the certificate "
              + certificate.getSubjectX500Principal().getName()
              + " is not valid before "
              + certificate.getNotBefore(),
          e);
    }
  }

  /** Refuses a key that is not the private half of the certificate's public key. */
  static void checkKeyMatches(X509Certificate certificate, PrivateKey key, String argument) {
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    byte[] probe = new byte[32];
    new SecureRandom().nextBytes(probe);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false; // an RSA key against an EC certificate, say
    }
    if (!matches) {
      throw new IllegalArgumentException(
          argument
              + " is not the private key of the certificate "
              + certificate.getSubjectX500Principal().getName()
              + ": give the key that was generated with that certificate");
    }
  }
}
