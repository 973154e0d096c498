package io.etcdv2.runtime;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.ByteString;

/**
 * Reads the PEM files that etcd, etcdctl, openssl and cfssl use: certificates, and private keys as
 * PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) or SEC1 EC ({@code
 * BEGIN EC PRIVATE KEY}). The last two are wrapped into PKCS#8, which every JVM and Android reads.
 * Messages name the argument and what is wrong with it.
 */
final class Pem {
  private static final ByteString RSA_ENCRYPTION =
      ByteString.decodeHex("06092a864886f70d010101"); // OID 1.2.840.113549.1.1.1
  private static final ByteString EC_PUBLIC_KEY =
      ByteString.decodeHex("06072a8648ce3d0201"); // OID 1.2.840.10045.2.1
  private static final ByteString DER_NULL = ByteString.decodeHex("0500");

  private Pem() {}

  /** Every {@code CERTIFICATE} block of {@code pem}, in order; at least one. */
  static List<X509Certificate> certificates(String pem, String argument) {
    List<ByteString> blocks = blocks(pem, "CERTIFICATE", argument);
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException(
          argument
              + " must hold at least one PEM certificate"
              + " (-----BEGIN CERTIFICATE-----) but has none");
    }
    List<X509Certificate> certificates = new ArrayList<>(blocks.size());
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (int i = 0; i < blocks.size(); i++) {
        try {
          certificates.add(
              (X509Certificate)
                  factory.generateCertificate(
                      new ByteArrayInputStream(blocks.get(i).toByteArray())));
        } catch (CertificateException e) {
          throw new IllegalArgumentException(
              argument
                  + ": certificate "
                  + (i + 1)
                  + " is not a readable X.509 certificate ("
                  + e.getMessage()
                  + ")",
              e);
        }
      }
    } catch (CertificateException e) {
      throw new IllegalStateException("this platform has no X.509 certificate factory", e);
    }
    return certificates;
  }

  /** The one private key in {@code pem}, in any of the three formats. */
  static PrivateKey privateKey(String pem, String argument) {
    List<ByteString> pkcs8 = blocks(pem, "PRIVATE KEY", argument);
    List<ByteString> rsa = blocks(pem, "RSA PRIVATE KEY", argument);
    List<ByteString> ec = blocks(pem, "EC PRIVATE KEY", argument);
    int found = pkcs8.size() + rsa.size() + ec.size();
    if (found != 1) {
      String problem = found == 0 ? "has none" : "has " + found;
      if (pem.contains("ENCRYPTED PRIVATE KEY")) problem = "is encrypted; decrypt it first";
      throw new IllegalArgumentException(
          argument
              + " must hold exactly one unencrypted PEM"
              + " private key (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY) but "
              + problem);
    }
    byte[] der;
    String[] algorithms;
    if (!rsa.isEmpty()) {
      der = wrapPkcs8(sequence(RSA_ENCRYPTION, DER_NULL), rsa.get(0));
      algorithms = new String[] {"RSA"};
    } else if (!ec.isEmpty()) {
      der = wrapPkcs8(sequence(EC_PUBLIC_KEY, curveOf(ec.get(0), argument)), ec.get(0));
      algorithms = new String[] {"EC"};
    } else {
      der = pkcs8.get(0).toByteArray();
      algorithms = new String[] {"RSA", "EC"};
    }
    for (String algorithm : algorithms) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException tryNext) {
        // not this algorithm
      }
    }
    throw new IllegalArgumentException(
        argument + " holds a private key that is neither a" + " readable RSA nor EC key");
  }

  /** The DER contents of each {@code -----BEGIN label-----} block. */
  private static List<ByteString> blocks(String pem, String label, String argument) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    List<ByteString> blocks = new ArrayList<>();
    int from = 0;
    while (true) {
      int start = pem.indexOf(begin, from);
      if (start < 0) return blocks;
      int stop = pem.indexOf(end, start);
      if (stop < 0) {
        throw new IllegalArgumentException(argument + ": a " + begin + " block has no " + end);
      }
      ByteString der = ByteString.decodeBase64(pem.substring(start + begin.length(), stop));
      if (der == null) {
        throw new IllegalArgumentException(argument + ": a " + label + " block is not Base64");
      }
      blocks.add(der);
      from = stop + end.length();
    }
  }

  /**
   * The named curve of a SEC1 {@code ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING,
   * [0] parameters OPTIONAL, [1] publicKey OPTIONAL }}: the OID inside {@code [0]}.
   */
  private static ByteString curveOf(ByteString sec1, String argument) {
    try {
      Der key = new Der(sec1).enter(0x30);
      key.skip(0x02); // version
      key.skip(0x04); // privateKey
      if (key.hasNext() && key.peekTag() == 0xa0) {
        Der parameters = key.enter(0xa0);
        if (parameters.hasNext() && parameters.peekTag() == 0x06) return parameters.element();
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          argument + ": the EC PRIVATE KEY block is not a DER" + " SEC1 key", e);
    }
    throw new IllegalArgumentException(
        argument
            + ": the EC private key does not name its curve;"
            + " write it with the curve parameters (openssl ec -param_out) or as PKCS#8 (openssl"
            + " pkcs8 -topk8 -nocrypt)");
  }

  /** {@code PrivateKeyInfo ::= SEQUENCE { version 0, algorithm, privateKey OCTET STRING }}. */
  private static byte[] wrapPkcs8(ByteString algorithm, ByteString privateKey) {
    return tlv(0x30, concat(ByteString.decodeHex("020100"), algorithm, tlv(0x04, privateKey)))
        .toByteArray();
  }

  private static ByteString sequence(ByteString... parts) {
    return tlv(0x30, concat(parts));
  }

  private static ByteString concat(ByteString... parts) {
    Buffer buffer = new Buffer();
    for (ByteString part : parts) buffer.write(part);
    return buffer.readByteString();
  }

  private static ByteString tlv(int tag, ByteString content) {
    Buffer buffer = new Buffer().writeByte(tag);
    int length = content.size();
    if (length < 0x80) {
      buffer.writeByte(length);
    } else if (length < 0x100) {
      buffer.writeByte(0x81).writeByte(length);
    } else if (length < 0x10000) {
      buffer.writeByte(0x82).writeShort(length);
    } else {
      buffer.writeByte(0x83).writeByte(length >>> 16).writeShort(length & 0xffff);
    }
    return buffer.write(content).readByteString();
  }

  /** Just enough of a DER reader to walk a SEC1 key. */
  private static final class Der {
    private final ByteString bytes;
    private int position;

    Der(ByteString bytes) {
      this.bytes = bytes;
    }

    boolean hasNext() {
      return position < bytes.size();
    }

    int peekTag() {
      return bytes.getByte(position) & 0xff;
    }

    /** The whole next element, tag and length included. */
    ByteString element() {
      int start = position;
      int length = header(); // moves position past the header: not inlined into +=
      position += length;
      return bytes.substring(start, position);
    }

    void skip(int tag) {
      expect(tag);
      int length = header(); // moves position past the header: not inlined into +=
      position += length;
    }

    Der enter(int tag) {
      expect(tag);
      int length = header();
      Der inner = new Der(bytes.substring(position, position + length));
      position += length;
      return inner;
    }

    private void expect(int tag) {
      if (!hasNext() || peekTag() != tag) {
        throw new IllegalArgumentException("not a DER-encoded EC private key");
      }
    }

    /** Reads tag and length; returns the content length. */
    private int header() {
      position++; // tag
      int first = bytes.getByte(position++) & 0xff;
      if (first < 0x80) return first;
      int length = 0;
      for (int i = 0; i < (first & 0x7f); i++) {
        length = (length << 8) | (bytes.getByte(position++) & 0xff);
      }
      if (length < 0 || position + length > bytes.size()) {
        throw new IllegalArgumentException("not a DER-encoded EC private key");
      }
      return length;
    }
  }
}
