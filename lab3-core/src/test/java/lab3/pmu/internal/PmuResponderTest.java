package lab3.pmu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lab3.pmu.FloodText;
import lab3.pmu.PmuCommand;
import org.junit.jupiter.api.Test;

class PmuResponderTest {

  /** Records what a transport would have been asked to send. */
  private static final class Recording implements PmuResponder.Sink {
    final List<String> messages = new ArrayList<>();
    final List<Boolean> now = new ArrayList<>();
    FloodText flood;

    @Override
    public void message(byte[] ascii, boolean now) {
      messages.add(new String(ascii, StandardCharsets.US_ASCII));
      this.now.add(now);
    }

    @Override
    public void flood(FloodText text) {
      flood = text;
    }
  }

  @Test
  void shortZeroSendsTheMessagesNumberedFromOneWithOnlyTheLastOneUrgent() throws Exception {
    Recording sink = new Recording();
    String outcome =
        new PmuResponder(() -> 3, 1, FloodText.generated(10))
            .answer(PmuCommand.parse("CMD_short:0"), sink);
    assertEquals(
        List.of("This is PMU data 1", "This is PMU data 2", "This is PMU data 3"), sink.messages);
    assertEquals(List.of(false, false, true), sink.now);
    assertEquals("3 messages, 54 bytes", outcome);
  }

  @Test
  void thePausedMessagesAreEachUrgentAndNumberedFromZeroWhenAskedTo() throws Exception {
    Recording sink = new Recording();
    new PmuResponder(() -> 2, 0, FloodText.generated(10))
        .answer(PmuCommand.parse("CMD_short:0.001"), sink);
    assertEquals(List.of("This is PMU data 0", "This is PMU data 1"), sink.messages);
    assertEquals(List.of(true, true), sink.now);
  }

  @Test
  void floodmeHandsTheWholeTextToTheSinkOnce() throws Exception {
    FloodText text = FloodText.generated(1000);
    Recording sink = new Recording();
    String outcome =
        new PmuResponder(() -> 20, 1, text).answer(PmuCommand.parse("CMD_floodme"), sink);
    assertSame(text, sink.flood);
    assertTrue(sink.messages.isEmpty());
    assertEquals("1000 bytes of text", outcome);
  }

  @Test
  void anInterruptDuringAPauseEndsTheAnswerAndKeepsTheInterruptFlag() {
    Recording sink = new Recording();
    Thread.currentThread().interrupt();
    try {
      assertThrows(
          InterruptedIOException.class,
          () ->
              new PmuResponder(() -> 5, 1, FloodText.generated(10))
                  .answer(PmuCommand.parse("CMD_short:10"), sink));
      assertEquals(List.of("This is PMU data 1"), sink.messages);
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }
}
