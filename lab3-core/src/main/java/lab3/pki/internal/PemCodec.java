package lab3.pki.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import lab3.pki.PemFormatException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The BouncyCastle half of {@link lab3.pki.Pem}: parsing and writing PEM blocks. Apart, so that
 * {@code Pem} loads without BouncyCastle and can say that it is missing.
 */
public final class PemCodec {
  private PemCodec() {}

  /** Every object of {@code text}: certificates, private keys, and requests as BouncyCastle's. */
  public static List<Object> decode(String text) throws PemFormatException {
    List<Object> objects = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object o; (o = parser.readObject()) != null; ) {
        if (!(o instanceof ASN1ObjectIdentifier)) { // "EC PARAMETERS" before an EC key: skip
          objects.add(convert(o));
        }
      }
    } catch (PemFormatException e) {
      throw e;
    } catch (IOException | CertificateException | RuntimeException e) {
      throw new PemFormatException("malformed PEM: " + describe(e), e);
    }
    if (objects.isEmpty()) {
      throw new PemFormatException("no PEM data found (expected a -----BEGIN ...----- line)");
    }
    return objects;
  }

  private static Object convert(Object o) throws IOException, CertificateException {
    return switch (o) {
      case X509CertificateHolder holder -> new JcaX509CertificateConverter().getCertificate(holder);
      case PEMKeyPair pair -> new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo());
      case PrivateKeyInfo info -> new JcaPEMKeyConverter().getPrivateKey(info);
      case PKCS10CertificationRequest request -> request;
      case PEMEncryptedKeyPair e -> throw encrypted();
      case PKCS8EncryptedPrivateKeyInfo e -> throw encrypted();
      default -> throw new PemFormatException("unsupported PEM object: " + kind(o));
    };
  }

  private static PemFormatException encrypted() {
    return new PemFormatException(
        "the private key is encrypted with a passphrase; write a plain copy with"
            + " 'openssl pkey -in KEY -out PLAIN_KEY'");
  }

  /** One PEM block of {@code type} around {@code der}. */
  public static String encode(String type, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static String kind(Object o) {
    return switch (o) {
      case X509Certificate c -> "certificate";
      case PrivateKey k -> "private key";
      case PKCS10CertificationRequest r -> "certificate signing request";
      default -> o.getClass().getSimpleName();
    };
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
