package lab3.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Whatever text a PEM reader is handed (truncated, corrupted, garbage, the wrong kind of object),
 * it returns a correct result or throws {@link PemFormatException}: never another exception. Fuzz
 * targets (Jazzer): seed corpus in {@code src/test/resources/lab3/pki/PemFuzzTestInputs/}.
 */
class PemFuzzTest {
  static final String KEY = Pem.encode(PemTest.RSA.getPrivate());
  static final String EC_KEY = Pem.encode(PemTest.EC.getPrivate());
  static final String CERT = Pem.encode(PemTest.CA.certificate());
  static final List<String> VALID = List.of(KEY, EC_KEY, CERT);

  /**
   * A valid PEM cut short gives the same object or PemFormatException; with one character replaced,
   * a result or PemFormatException only. A replaced Base64 character inside a signature or a key's
   * bits still decodes, to another well-formed object (PEM has no checksum), so equality holds only
   * for cuts: the fuzzer's first finding (the corpus input {@code signature-byte-changed}).
   */
  @FuzzTest(maxDuration = "10s")
  void damagedInputGivesTheObjectOrPemFormatException(FuzzedDataProvider data) {
    String pem = data.pickValue(VALID);
    char[] chars = pem.toCharArray();
    int cut = data.consumeInt(0, chars.length);
    boolean replaced = false;
    if (data.consumeBoolean() && cut < chars.length) {
      chars[cut] = data.consumeChar();
      cut = chars.length;
      replaced = true;
    }
    readEveryWay(new String(chars, 0, cut), replaced ? null : pem);
  }

  /** Any text, framed or not: every reader gives a result or PemFormatException. */
  @FuzzTest(maxDuration = "10s")
  void garbageGivesPemFormatException(FuzzedDataProvider data) {
    String label =
        data.pickValue(
            List.of(
                "CERTIFICATE",
                "PRIVATE KEY",
                "RSA PRIVATE KEY",
                "EC PRIVATE KEY",
                "CERTIFICATE REQUEST",
                "PUBLIC KEY",
                "X509 CRL",
                "FOO"));
    boolean framed = data.consumeBoolean();
    String body = data.consumeRemainingAsString();
    readEveryWay(
        framed
            ? "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n"
            : body,
        null);
  }

  /** Every reader either fails with PemFormatException or returns what {@code original} holds. */
  static void readEveryWay(String text, String original) {
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
