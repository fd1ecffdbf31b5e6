package lab3.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class CertificateRequestTest {

  @Test
  void theDeprecatedCreateWithItsArgumentsSwappedIsGone() {
    // create(KeyPair, X500Principal) compiled beside create(X500Principal, KeyPair): one order
    // only.
    assertThrows(
        NoSuchMethodException.class,
        () -> CertificateRequest.class.getMethod("create", KeyPair.class, X500Principal.class));
  }

  @Test
  void createTakesTheSubjectFirstAsTheAuthorityDoes() throws Exception {
    X500Principal subject = DistinguishedNames.parse("/CN=subject-first");
    assertEquals(subject, CertificateRequest.create(subject, KeyPairs.ec(256)).subject());
  }
}
