package lab3.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PmuStreamsTest {

  @Test
  void messagesAreBackToBackWithoutADelimiter() {
    assertEquals(
        "This is PMU data 1This is PMU data 2",
        new String(PmuStreams.messages(2), StandardCharsets.US_ASCII));
  }

  @Test
  void cutsFallWhereTheTestSaysAndLoseNothing() {
    byte[] stream = PmuStreams.messages(10);
    int midDigit = PmuStreams.indexOf(stream, "data 10") + 6; // between "1" and "0"
    List<byte[]> pieces = PmuStreams.cut(stream, midDigit);
    assertEquals(
        "This is PMU data 1",
        new String(pieces.get(0), StandardCharsets.US_ASCII).substring(0, 18));
    assertEquals("0", new String(pieces.get(1), StandardCharsets.US_ASCII));
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    pieces.forEach(joined::writeBytes);
    assertArrayEquals(stream, joined.toByteArray());
  }

  @Test
  void aCutMayFallInsideAUtf8Character() {
    byte[] text = PmuStreams.floodme("né");
    List<byte[]> pieces = PmuStreams.cut(text, 2); // "n", first byte of é | second byte
    assertEquals(2, pieces.get(0).length);
    assertEquals(1, pieces.get(1).length);
  }

  @Test
  void offsetsOutsideTheStreamAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> PmuStreams.cut(new byte[3], 3));
    assertThrows(IllegalArgumentException.class, () -> PmuStreams.cut(new byte[3], 2, 1));
  }

  @Test
  void chunksOfOneByteAreOnePerByte() {
    assertEquals(36, PmuStreams.chunks(PmuStreams.messages(2), 1).size());
  }
}
