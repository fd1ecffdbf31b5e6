package lab3.pki;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lab3.internal.OptionalDependency;
import lab3.pki.internal.PemCodec;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Reads and writes the PEM files openssl uses: {@code -----BEGIN CERTIFICATE-----} blocks, private
 * keys, certificate signing requests.
 *
 * <p>Private keys are read in the three forms openssl writes: PKCS#8 ({@code BEGIN PRIVATE KEY},
 * what OpenSSL 3 {@code genrsa} and {@code genpkey} write), PKCS#1 ({@code BEGIN RSA PRIVATE KEY},
 * {@code genrsa -traditional} and OpenSSL 1.x) and SEC1 ({@code BEGIN EC PRIVATE KEY}). Encrypted
 * keys are refused with a hint. Keys are written as PKCS#8, readable by their owner only.
 *
 * <p>Every reader throws {@link PemFormatException}, and nothing else, for content that is not what
 * it expects, whatever the bytes.
 *
 * <p>Needs BouncyCastle ({@code org.bouncycastle:bcpkix-jdk18on}): every method fails at once,
 * naming it, when it is missing. A TLS server or client alone does not: {@link lab3.tls} reads
 * certificates and PKCS#8 keys with the JDK.
 */
public final class Pem {
  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private Pem() {}

  /**
   * Every certificate in {@code text}, in order (a chain: the server's own first); at least one.
   *
   * @param text PEM text with one or more certificates
   * @return every certificate in {@code text}, in order (a chain: the server's own first); at least
   *     one
   * @throws PemFormatException if the text is not the PEM expected
   */
  public static List<X509Certificate> certificates(String text) throws PemFormatException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object o : decode(text)) {
      if (o instanceof X509Certificate c) {
        certificates.add(c);
      } else {
        throw wrongType("certificate", o);
      }
    }
    return certificates;
  }

  /**
   * The one private key in {@code text}, in any of the forms the class comment lists.
   *
   * @param text PEM text with one private key (PKCS#8, PKCS#1 or SEC1)
   * @return the one private key in {@code text}, in any of the forms the class comment lists
   * @throws PemFormatException if the text is not the PEM expected
   */
  public static PrivateKey privateKey(String text) throws PemFormatException {
    return single(text, PrivateKey.class, "private key");
  }

  /**
   * The one certificate signing request in {@code text}.
   *
   * @param text PEM text with one certificate request
   * @return the one certificate signing request in {@code text}
   * @throws PemFormatException if the text is not the PEM expected
   */
  public static CertificateRequest certificateRequest(String text) throws PemFormatException {
    return single(text, CertificateRequest.class, "certificate signing request");
  }

  /**
   * Every object in {@code text}: {@link X509Certificate}s, {@link PrivateKey}s and {@link
   * CertificateRequest}s, in order; at least one.
   *
   * @param text PEM text with any blocks
   * @return every object in {@code text}: {@link X509Certificate}s, {@link PrivateKey}s and {@link
   *     CertificateRequest}s, in order; at least one
   * @throws PemFormatException if the text is not the PEM expected
   */
  public static List<Object> decode(String text) throws PemFormatException {
    OptionalDependency.BOUNCY_CASTLE.require("lab3.pki.Pem");
    List<Object> objects = PemCodec.decode(text);
    for (int i = 0; i < objects.size(); i++) {
      if (objects.get(i) instanceof PKCS10CertificationRequest request) {
        objects.set(i, new CertificateRequest(request));
      }
    }
    return objects;
  }

  private static <T> T single(String text, Class<T> type, String what) throws PemFormatException {
    List<Object> objects = decode(text);
    for (Object o : objects) {
      if (!type.isInstance(o)) {
        throw wrongType(what, o);
      }
    }
    if (objects.size() > 1) {
      throw new PemFormatException("expected one " + what + ", found " + objects.size());
    }
    return type.cast(objects.getFirst());
  }

  private static PemFormatException wrongType(String expected, Object found) {
    return new PemFormatException("expected a " + expected + ", found a " + kind(found));
  }

  private static String kind(Object o) {
    return switch (o) {
      case X509Certificate c -> "certificate";
      case PrivateKey k -> "private key";
      case CertificateRequest r -> "certificate signing request";
      default -> o.getClass().getSimpleName();
    };
  }

  /**
   * {@link #certificates(String)} of a file; the message of a failure names the file.
   *
   * @param file a PEM file
   * @return the objects read
   * @throws IOException if the I/O fails
   */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    return read(file, Pem::certificates);
  }

  /**
   * The first certificate of a file.
   *
   * @param file a PEM file
   * @return the first certificate of a file
   * @throws IOException if the I/O fails
   */
  public static X509Certificate readCertificate(Path file) throws IOException {
    return readCertificates(file).getFirst();
  }

  /**
   * {@link #privateKey(String)} of a file; the message of a failure names the file.
   *
   * @param file a PEM file
   * @return the private key
   * @throws IOException if the I/O fails
   */
  public static PrivateKey readPrivateKey(Path file) throws IOException {
    return read(file, Pem::privateKey);
  }

  /**
   * {@link #certificateRequest(String)} of a file; the message of a failure names the file.
   *
   * @param file a PEM file
   * @return the certificate request
   * @throws IOException if the I/O fails
   */
  public static CertificateRequest readCertificateRequest(Path file) throws IOException {
    return read(file, Pem::certificateRequest);
  }

  /**
   * {@link #decode(String)} of a file; the message of a failure names the file.
   *
   * @param file a PEM file
   * @return the objects read
   * @throws IOException if the I/O fails
   */
  public static List<Object> readAll(Path file) throws IOException {
    return read(file, Pem::decode);
  }

  private interface Parser<T> {
    T parse(String text) throws PemFormatException;
  }

  private static <T> T read(Path file, Parser<T> parser) throws IOException {
    // ISO-8859-1 maps every byte to a char: a binary file becomes text the parser rejects, not a
    // MalformedInputException.
    String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
    try {
      return parser.parse(text);
    } catch (PemFormatException e) {
      throw new PemFormatException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A certificate as a {@code CERTIFICATE} block.
   *
   * @param certificate the certificate to write
   * @return a certificate as a {@code CERTIFICATE} block
   */
  public static String encode(X509Certificate certificate) {
    try {
      return encode("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("cannot encode certificate: " + e.getMessage(), e);
    }
  }

  /**
   * A private key as a PKCS#8 {@code PRIVATE KEY} block.
   *
   * @param key the private key to write, as PKCS#8
   * @return a private key as a PKCS#8 {@code PRIVATE KEY} block
   */
  public static String encode(PrivateKey key) {
    return encode("PRIVATE KEY", key.getEncoded());
  }

  /**
   * A signing request as a {@code CERTIFICATE REQUEST} block.
   *
   * @param request the request to write
   * @return a signing request as a {@code CERTIFICATE REQUEST} block
   */
  public static String encode(CertificateRequest request) {
    return encode("CERTIFICATE REQUEST", request.encoded());
  }

  private static String encode(String type, byte[] der) {
    OptionalDependency.BOUNCY_CASTLE.require("lab3.pki.Pem");
    return PemCodec.encode(type, der);
  }

  /**
   * Writes a certificate, replacing the file if it exists.
   *
   * @param file the file to write (replaced if it exists)
   * @param certificate the certificate to write
   * @throws IOException if the I/O fails
   */
  public static void write(Path file, X509Certificate certificate) throws IOException {
    Files.writeString(file, encode(certificate), US_ASCII);
  }

  /**
   * Writes a signing request, replacing the file if it exists.
   *
   * @param file the file to write (replaced if it exists)
   * @param request the request to write
   * @throws IOException if the I/O fails
   */
  public static void write(Path file, CertificateRequest request) throws IOException {
    Files.writeString(file, encode(request), US_ASCII);
  }

  /**
   * Writes a private key to a new file that only its owner may read and write ({@code rw-------}
   * from the moment it exists, on file systems with POSIX permissions).
   *
   * @throws FileAlreadyExistsException if the file exists: a key is never overwritten
   * @param file the file to write (replaced if it exists)
   * @param key the private key to write, as PKCS#8
   */
  public static void write(Path file, PrivateKey key) throws IOException {
    FileAttribute<?>[] attributes =
        file.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {OWNER_ONLY}
            : new FileAttribute<?>[0];
    java.nio.channels.SeekableByteChannel channel;
    try {
      channel =
          Files.newByteChannel(
              file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(
          file.toString(), null, "exists already; a private key is never overwritten");
    }
    try (Writer writer = Channels.newWriter(channel, US_ASCII)) {
      writer.write(encode(key));
    }
  }
}
