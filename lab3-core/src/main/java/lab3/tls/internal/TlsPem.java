package lab3.tls.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab3.internal.OptionalDependency;
import lab3.pki.Pem;
import lab3.pki.PemFormatException;

/**
 * The PEM files a TLS server or client reads: with {@link Pem} (BouncyCastle) when it is there,
 * which reads every form openssl writes; otherwise with the JDK alone, which reads certificates and
 * PKCS#8 keys ({@code BEGIN PRIVATE KEY}, what OpenSSL 3 and {@code ./lab3 pki key} write) and
 * refuses the other key forms in one line that names the artifact to add.
 */
public final class TlsPem {
  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final Pattern OTHER_KEY = Pattern.compile("-----BEGIN ([A-Z ]*PRIVATE KEY)-----");

  private TlsPem() {}

  /** Every certificate in a PEM file, in order; at least one. */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    if (OptionalDependency.BOUNCY_CASTLE.isPresent()) {
      return Pem.readCertificates(file);
    }
    byte[] bytes = Files.readAllBytes(file);
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (var c : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
        certificates.add((X509Certificate) c);
      }
    } catch (CertificateException | RuntimeException e) {
      throw new PemFormatException(file + ": malformed PEM certificate: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new PemFormatException(file + ": no certificate found (expected -----BEGIN ...-----)");
    }
    return certificates;
  }

  /** The private key of a PEM file. */
  public static PrivateKey readPrivateKey(Path file) throws IOException {
    if (OptionalDependency.BOUNCY_CASTLE.isPresent()) {
      return Pem.readPrivateKey(file);
    }
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    Matcher pkcs8 = PKCS8.matcher(text);
    if (pkcs8.find()) {
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(pkcs8.group(1));
      } catch (IllegalArgumentException e) {
        throw new PemFormatException(file + ": malformed PEM: " + e.getMessage(), e);
      }
      for (String algorithm : List.of("RSA", "EC")) {
        try {
          return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException notThisOne) {
          // try the next algorithm
        }
      }
      throw new PemFormatException(file + ": not an RSA or EC private key");
    }
    Matcher other = OTHER_KEY.matcher(text);
    if (other.find()) {
      throw new PemFormatException(
          file
              + ": "
              + OptionalDependency.BOUNCY_CASTLE.missing("reading a '" + other.group(1) + "'")
              + ", or convert the key to PKCS#8 with 'openssl pkcs8 -topk8 -nocrypt'");
    }
    throw new PemFormatException(file + ": no private key found (expected -----BEGIN ...-----)");
  }
}
