package lab3.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class DistinguishedNamesTest {

  @Test
  void readsOpensslSubjectsMostSignificantFirst() {
    X500Principal name = DistinguishedNames.parse("/C=CH/ST=Vaud/O=EPFL/CN=localhost");

    assertEquals("CN=localhost,O=EPFL,ST=Vaud,C=CH", DistinguishedNames.format(name));
  }

  @Test
  void readsEscapedSlashesAndRfc2253() {
    assertEquals(
        "CN=a/b,O=x", DistinguishedNames.format(DistinguishedNames.parse("/O=x/CN=a\\/b")));
    assertEquals(
        new X500Principal("CN=localhost,O=EPFL"), DistinguishedNames.parse("CN=localhost, O=EPFL"));
  }

  @Test
  void refusesWhatIsNotAName() {
    assertThrows(IllegalArgumentException.class, () -> DistinguishedNames.parse("/XX=1"));
    assertThrows(IllegalArgumentException.class, () -> DistinguishedNames.parse("/CN"));
    assertThrows(IllegalArgumentException.class, () -> DistinguishedNames.parse("/C=Switzerland"));
    assertThrows(IllegalArgumentException.class, () -> DistinguishedNames.parse(" "));
  }
}
