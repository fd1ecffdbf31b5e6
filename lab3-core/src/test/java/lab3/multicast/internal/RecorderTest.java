package lab3.multicast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import lab3.multicast.MulticastMessage;
import org.junit.jupiter.api.Test;

class RecorderTest {

  @Test
  void aLineIsTimeSourceIdAndTextSeparatedByTabs() {
    MulticastMessage m =
        new MulticastMessage(
            "123456",
            "Good night, good night!",
            new InetSocketAddress("127.0.0.1", 40000),
            Instant.parse("2026-11-28T12:00:00.5Z"),
            List.of());
    assertEquals(
        "2026-11-28T12:00:00.500Z\t127.0.0.1:40000\t123456\tGood night, good night!",
        Recorder.line(m));
  }

  @Test
  void tabsLineBreaksAndBackslashesInTheTextAreEscapedSoEveryMessageIsOneLine() {
    assertEquals("a\\tb\\nc\\rd\\\\e", Recorder.escape("a\tb\nc\rd\\e"));
  }
}
