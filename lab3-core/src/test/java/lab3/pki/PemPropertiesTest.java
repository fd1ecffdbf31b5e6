package lab3.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.cert.X509Certificate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever bytes a PEM reader is handed (truncated, corrupted, garbage, the wrong kind of object),
 * it returns a correct result or throws {@link PemFormatException}: never another exception.
 */
class PemPropertiesTest {
  static final String KEY = Pem.encode(PemTest.RSA.getPrivate());
  static final String EC_KEY = Pem.encode(PemTest.EC.getPrivate());
  static final String CERT = Pem.encode(PemTest.CA.certificate());
  static final List<String> VALID = List.of(KEY, EC_KEY, CERT);

  @Property(tries = 200)
  void truncatedInputGivesTheObjectOrPemFormatException(
      @ForAll("valid") String pem, @ForAll @IntRange(min = 0, max = 2000) int cut) {
    String truncated = pem.substring(0, Math.min(cut, pem.length()));
    readEveryWay(truncated, pem);
  }

  @Property(tries = 200)
  void corruptedInputGivesTheObjectOrPemFormatException(
      @ForAll("valid") String pem,
      @ForAll @IntRange(min = 0, max = 2000) int at,
      @ForAll char replacement) {
    char[] chars = pem.toCharArray();
    chars[at % chars.length] = replacement;
    readEveryWay(new String(chars), pem);
  }

  @Property(tries = 200)
  void garbageGivesPemFormatException(@ForAll("garbage") String text) {
    readEveryWay(text, null);
  }

  @Provide
  Arbitrary<String> valid() {
    return Arbitraries.of(VALID);
  }

  @Provide
  Arbitrary<String> garbage() {
    Arbitrary<String> body = Arbitraries.strings().withCharRange('!', '~').ofMaxLength(400);
    Arbitrary<String> label =
        Arbitraries.of(
            "CERTIFICATE",
            "PRIVATE KEY",
            "RSA PRIVATE KEY",
            "EC PRIVATE KEY",
            "CERTIFICATE REQUEST",
            "PUBLIC KEY",
            "X509 CRL",
            "FOO");
    Arbitrary<String> framed =
        net.jqwik.api.Combinators.combine(label, body)
            .as((l, b) -> "-----BEGIN " + l + "-----\n" + b + "\n-----END " + l + "-----\n");
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), framed);
  }

  /** Every reader either fails with PemFormatException or returns what {@code original} holds. */
  private static void readEveryWay(String text, String original) {
    Object expected = null;
    if (original != null) {
      try {
        expected = Pem.decode(original).getFirst();
      } catch (PemFormatException e) {
        throw new AssertionError(e);
      }
    }
    try {
      Object decoded = Pem.decode(text).getFirst();
      if (expected instanceof X509Certificate c) {
        assertEquals(c, decoded);
      } else if (expected instanceof java.security.PrivateKey k) {
        assertArrayEquals(k.getEncoded(), ((java.security.Key) decoded).getEncoded());
      }
    } catch (PemFormatException expectedFailure) {
      // the documented exception
    }
    for (Reader reader :
        List.<Reader>of(Pem::privateKey, Pem::certificates, Pem::certificateRequest)) {
      try {
        reader.read(text);
      } catch (PemFormatException expectedFailure) {
        // the documented exception
      }
    }
  }

  @FunctionalInterface
  interface Reader {
    Object read(String text) throws PemFormatException;
  }
}
