package lab3.ws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WsFramesTest {
  private static final byte[] TEXT = "aé€😀b".getBytes(StandardCharsets.UTF_8); // 1+2+3+4+1 bytes

  @Test
  void aTextFrameBoundaryNeverFallsInsideACharacter() {
    assertEquals(1, WsFrames.utf8Boundary(TEXT, 0, 2)); // 'é' would be cut: stop before it
    assertEquals(3, WsFrames.utf8Boundary(TEXT, 1, 3));
    assertEquals(6, WsFrames.utf8Boundary(TEXT, 3, 9)); // inside the emoji: back to its start
  }

  @Test
  void aFrameSmallerThanOneCharacterTakesTheWholeCharacter() {
    assertEquals(10, WsFrames.utf8Boundary(TEXT, 6, 7));
  }

  @Test
  void theEndIsAlwaysABoundary() {
    assertEquals(TEXT.length, WsFrames.utf8Boundary(TEXT, 10, 100));
  }

  @Test
  void aLongCloseReasonIsCutToFitAFrame() {
    String reason = "é".repeat(100); // 200 bytes
    String cut = WsPmuSession.truncate(reason);
    int bytes = cut.getBytes(StandardCharsets.UTF_8).length;
    assertEquals(true, bytes <= WsPmuSession.MAX_REASON_BYTES, cut);
    assertEquals(true, cut.endsWith("..."));
    assertEquals("short", WsPmuSession.truncate("short"));
  }
}
