package lab3.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class KeyPairsTest {

  @Test
  void derivesThePublicKeyOfRsaAndEcKeys() {
    for (KeyPair keys : new KeyPair[] {PemTest.RSA, PemTest.EC, KeyPairs.ec(384)}) {
      assertEquals(keys.getPublic(), KeyPairs.publicKeyOf(keys.getPrivate()));
    }
  }

  @Test
  void matchesOnlyTheOwnPublicKey() {
    assertTrue(KeyPairs.matches(PemTest.EC.getPrivate(), PemTest.EC.getPublic()));
    assertFalse(KeyPairs.matches(PemTest.EC.getPrivate(), KeyPairs.ec(256).getPublic()));
    assertFalse(KeyPairs.matches(PemTest.RSA.getPrivate(), PemTest.EC.getPublic()));
  }

  @Test
  void callsShortRsaKeysWeakButMakesThem() {
    KeyPair weak = KeyPairs.rsa(1024);

    assertTrue(KeyPairs.isWeak(weak.getPrivate()));
    assertFalse(KeyPairs.isWeak(PemTest.RSA.getPrivate()));
    assertEquals("RSA 1024 bits", KeyPairs.describe(weak.getPublic()));
    assertEquals("EC 256 bits", KeyPairs.describe(PemTest.EC.getPublic()));
    assertThrows(IllegalArgumentException.class, () -> KeyPairs.rsa(512));
    assertThrows(IllegalArgumentException.class, () -> KeyPairs.ec(255));
  }
}
