package io.etcdv2.runtime;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Says in words why a TLS connection to a member failed. */
final class TlsProblem {
  private TlsProblem() {}

  static String describe(SSLException e) {
    if (e instanceof SSLPeerUnverifiedException) {
      return "TLS: the member's certificate does not name the host it was reached on ("
          + e.getMessage()
          + ")";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException) {
        return "TLS handshake failed: a certificate has expired (" + t.getMessage() + ")";
      }
      if (t instanceof CertificateNotYetValidException) {
        return "TLS handshake failed: a certificate is not valid yet (" + t.getMessage() + ")";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException
          || String.valueOf(t.getMessage()).contains("PKIX path")) {
        return "TLS handshake failed: the member's certificate is not signed by a trusted CA;"
            + " check trustedCertificates ("
            + t.getMessage()
            + ")";
      }
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("bad_certificate")
        || message.contains("certificate_required")
        || message.contains("unknown_ca")) {
      return "TLS handshake failed: the member refused the client certificate (missing, or not"
          + " signed by a CA it trusts); check clientCertificate ("
          + message
          + ")";
    }
    return "TLS handshake failed: " + e;
  }
}
