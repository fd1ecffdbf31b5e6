package lab3.multicast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MulticastMessageTest {
  private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.1", 40000);
  private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

  private static MulticastMessage decode(byte[] datagram) {
    return MulticastMessage.decode(datagram, datagram.length, SOURCE, TIME);
  }

  @Test
  void encodesTheIdThenTheTextInUtf8() {
    byte[] datagram = MulticastMessage.encode("123456", "né");
    assertArrayEquals(
        new byte[] {'1', '2', '3', '4', '5', '6', 'n', (byte) 0xC3, (byte) 0xA9}, datagram);
  }

  @Test
  void decodesWhatItEncodes() {
    String text = "O Romeo, Romeo — wherefore art thou Romeo? ✓ 🌹";
    MulticastMessage m = decode(MulticastMessage.encode("swcmTV", text));
    assertEquals("swcmTV", m.id());
    assertEquals(text, m.text());
    assertEquals(SOURCE, m.source());
    assertEquals(TIME, m.time());
    assertTrue(m.wellFormed(), m.warnings().toString());
  }

  @Test
  void decodesOnlyTheGivenLengthOfTheBuffer() {
    byte[] buffer = new byte[100];
    byte[] datagram = MulticastMessage.encode("123456", "hi");
    System.arraycopy(datagram, 0, buffer, 0, datagram.length);
    MulticastMessage m = MulticastMessage.decode(buffer, datagram.length, SOURCE, TIME);
    assertEquals("hi", m.text());
  }

  @Test
  void anIdAloneIsAWellFormedEmptyMessage() {
    MulticastMessage m = decode("654321".getBytes(StandardCharsets.US_ASCII));
    assertEquals("654321", m.id());
    assertEquals("", m.text());
    assertTrue(m.wellFormed());
  }

  @Test
  void aDatagramShorterThanTheIdIsReportedNotRefused() {
    MulticastMessage m = decode(new byte[] {'1', '2', '3'});
    assertEquals("123", m.id());
    assertEquals("", m.text());
    assertFalse(m.wellFormed());
    assertTrue(m.warnings().getFirst().contains("3 bytes"), m.warnings().toString());
    assertFalse(decode(new byte[0]).wellFormed());
  }

  @Test
  void invalidUtf8BecomesReplacementCharactersAndAWarning() {
    byte[] datagram = {'1', '2', '3', '4', '5', '6', 'a', (byte) 0xFF, 'b', (byte) 0xC3};
    MulticastMessage m = decode(datagram);
    assertEquals("123456", m.id());
    assertEquals("a\uFFFDb\uFFFD", m.text());
    assertEquals(1, m.warnings().size());
    assertTrue(m.warnings().getFirst().contains("UTF-8"));
  }

  @Test
  void aNonAsciiIdIsReported() {
    byte[] datagram = {'1', '2', (byte) 0xC3, (byte) 0xA9, '5', '6', 'x'};
    MulticastMessage m = decode(datagram);
    assertEquals("12\uFFFD\uFFFD56", m.id());
    assertEquals("x", m.text());
    assertTrue(m.warnings().getFirst().contains("ASCII"));
  }

  @Test
  void theIdMustBeExactlySixPrintableAsciiCharacters() {
    assertThrows(IllegalArgumentException.class, () -> MulticastMessage.encode("12345", "x"));
    assertThrows(IllegalArgumentException.class, () -> MulticastMessage.encode("1234567", "x"));
    assertThrows(IllegalArgumentException.class, () -> MulticastMessage.encode("12345é", "x"));
    assertThrows(IllegalArgumentException.class, () -> MulticastMessage.encode("12345\n", "x"));
    assertEquals("swcmTV", MulticastMessage.checkId("swcmTV"));
  }

  @Test
  void aTextTooLongForOneDatagramIsRefusedNamingTheLimit() {
    String fits = "x".repeat(65_501);
    assertEquals(65_507, MulticastMessage.encode("123456", fits).length);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> MulticastMessage.encode("123456", fits + "x"));
    assertTrue(e.getMessage().contains("65501"), e.getMessage());
    // Counted in bytes of UTF-8, not in characters.
    assertThrows(
        IllegalArgumentException.class,
        () -> MulticastMessage.encode("123456", "é".repeat(32_751)));
  }

  @Test
  void ipv6AllowsALargerDatagram() {
    String text = "x".repeat(65_521);
    assertEquals(
        65_527, MulticastMessage.encode("123456", text, MulticastMessage.MAX_DATAGRAM_IPV6).length);
    assertThrows(
        IllegalArgumentException.class,
        () -> MulticastMessage.encode("123456", text + "x", MulticastMessage.MAX_DATAGRAM_IPV6));
  }

  @Test
  void lengthCountsCharactersNotBytesNorUtf16Units() {
    MulticastMessage m = decode(MulticastMessage.encode("123456", "é🌹a"));
    assertEquals(3, m.length());
  }
}
