package lab3.ws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import lab3.pmu.PmuCommand;

/**
 * The WebSocket PMU's command reader on any frame: a binary frame's bytes become text (never an
 * error), and the text is a command whose wire form parses back to it, or a refusal whose close
 * reason fits a close frame (at most 123 bytes), is well-formed UTF-8 and begins the parser's
 * message. Fuzz target (Jazzer): {@code ./mvnw verify} replays the seed corpus in {@code
 * src/test/resources/lab3/ws/internal/WsCommandFuzzTestInputs/}; {@code JAZZER_FUZZ=1} explores.
 */
class WsCommandFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void anyFrameGivesACommandOrARefusalThatFitsACloseFrame(byte[] payload) {
    String text = WsPmuSession.text(ByteBuffer.wrap(payload));
    PmuCommand command;
    try {
      command = PmuCommand.parse(text);
    } catch (IllegalArgumentException refused) {
      String message = refused.getMessage();
      String reason = WsPmuSession.truncate(message);
      byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
      assertTrue(bytes.length <= WsPmuSession.MAX_REASON_BYTES, bytes.length + " bytes: " + reason);
      assertEquals(reason, new String(bytes, StandardCharsets.UTF_8), "well-formed UTF-8");
      if (reason.equals(message)) {
        return;
      }
      assertTrue(reason.endsWith("..."), reason);
      assertTrue(message.startsWith(reason.substring(0, reason.length() - 3)), reason);
      return;
    }
    assertEquals(command, PmuCommand.parse(command.wire()), "wire form parses back: " + text);
  }
}
