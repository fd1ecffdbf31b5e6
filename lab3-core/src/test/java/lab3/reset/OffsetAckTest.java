package lab3.reset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetAckTest {

  static OffsetAck decode(String text, int n) throws ProtocolException {
    return OffsetAck.decode(text.getBytes(StandardCharsets.ISO_8859_1), n);
  }

  @Test
  void encodesAsAsciiWithoutTerminator() {
    assertArrayEquals("OFFSET=7".getBytes(StandardCharsets.US_ASCII), new OffsetAck(7).encode());
  }

  @Test
  void acceptsEveryOffsetFromZeroToN() throws ProtocolException {
    for (int x = 0; x <= 20; x++) {
      assertEquals(new OffsetAck(x), decode("OFFSET=" + x, 20));
    }
    assertEquals(new OffsetAck(3), decode("OFFSET=3\r\n", 20));
    assertEquals(new OffsetAck(3), decode("OFFSET=03", 20));
  }

  /** The course's 2020 server answered OFFSET:X (FACTS.md); a client must finish against it. */
  @Test
  void acceptsTheCourseServersColonForm() throws ProtocolException {
    assertEquals(new OffsetAck(7), decode("OFFSET:7", 20));
    assertThrows(ProtocolException.class, () -> decode("OFFSET:21", 20));
  }

  @Test
  void rejectsAnOffsetAboveNAndSaysSo() {
    ProtocolException e = assertThrows(ProtocolException.class, () -> decode("OFFSET=21", 20));
    assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    assertThrows(ProtocolException.class, () -> decode("OFFSET=1", 0));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "OFFSET",
        "OFFSET=",
        "OFFSET=-1",
        "OFFSET=x",
        "offset=3",
        "OFFSET:",
        "OFFSET:x",
        "OFFSET=3 ",
        "OFFSET=99999999999",
        "RESET:20",
        "OFFSET=\u00e93"
      })
  void rejectsAnythingElseWithAProtocolException(String text) {
    assertThrows(ProtocolException.class, () -> decode(text, 20));
  }

  @Test
  void aGarbageMessageIsShortAndPrintable() {
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> decode("\u0001".repeat(100), 20));
    assertTrue(e.getMessage().length() < 80, e.getMessage());
    assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), e.getMessage());
  }
}
