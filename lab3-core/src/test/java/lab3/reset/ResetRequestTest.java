package lab3.reset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResetRequestTest {

  static ResetRequest decode(String text) throws ProtocolException {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return ResetRequest.decode(bytes, 0, bytes.length);
  }

  @Test
  void encodesAsAsciiWithoutTerminator() {
    assertArrayEquals(
        "RESET:20".getBytes(StandardCharsets.US_ASCII), new ResetRequest(20).encode());
    assertEquals("RESET:0", new ResetRequest(0).toString());
  }

  @Test
  void decodesWhatItEncodesAndToleratesOneLineEnd() throws ProtocolException {
    assertEquals(new ResetRequest(20), decode("RESET:20"));
    assertEquals(new ResetRequest(7), decode("RESET:7\n"));
    assertEquals(new ResetRequest(999_999_999), decode("RESET:999999999\r\n"));
  }

  @Test
  void decodesASliceOfABuffer() throws ProtocolException {
    byte[] buffer = "xxRESET:3yy".getBytes(StandardCharsets.US_ASCII);
    assertEquals(new ResetRequest(3), ResetRequest.decode(buffer, 2, 7));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "RESET",
        "RESET:",
        "RESET:-1",
        "RESET:x",
        "reset:20",
        "RESET:20\n\n",
        " RESET:2",
        "RESET:1000000000",
        "RESET:20 ",
        "RESET:+5"
      })
  void rejectsAnythingElseWithAProtocolException(String text) {
    assertThrows(ProtocolException.class, () -> decode(text));
  }

  @Test
  void rejectsNOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> new ResetRequest(-1));
    assertThrows(IllegalArgumentException.class, () -> new ResetRequest(ResetRequest.MAX_N + 1));
  }
}
