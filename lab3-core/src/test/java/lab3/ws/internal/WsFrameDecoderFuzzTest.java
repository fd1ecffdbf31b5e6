package lab3.ws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WsFrameDecoder} on arbitrary streams cut at arbitrary points: it finds the same messages,
 * control frames and failure however the bytes are cut, hands over no empty piece and no message
 * over the limit, and its only failure is {@link WsFrameDecoder.Violation}. Fuzz target (Jazzer):
 * seed corpus in {@code src/test/resources/lab3/ws/internal/WsFrameDecoderFuzzTestInputs/}.
 */
class WsFrameDecoderFuzzTest {
  private static final int LIMIT = 300;

  @FuzzTest(maxDuration = "10s")
  void sameFramesHoweverTheBytesAreCut(FuzzedDataProvider data) {
    long seed = data.consumeLong();
    byte[] stream = data.consumeRemainingAsBytes();
    Outcome whole = decode(stream, null);
    Outcome chunked = decode(stream, new Random(seed));
    assertEquals(whole, chunked, "chunked with seed " + seed);
  }

  @Test
  void aValidSessionCutAnywhereDecodesToTheSameFrames() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    byte[] session = WsFrameDecoderTest.session();
    for (int round = 0; round < 2000; round++) {
      Outcome outcome = decode(session, random);
      assertEquals(null, outcome.failure, "seed " + seed);
      assertEquals(WsFrameDecoderTest.SESSION, outcome.events, "seed " + seed);
    }
  }

  private record Outcome(List<String> events, String failure) {}

  /** Decodes whole ({@code random} null) or in chunks of 1..24 bytes. */
  private static Outcome decode(byte[] stream, Random random) {
    WsFrameDecoderTest.Recorder recorder = new WsFrameDecoderTest.Recorder();
    WsFrameDecoder decoder = new WsFrameDecoder(LIMIT);
    String failure = null;
    try {
      for (int off = 0; off < stream.length; ) {
        int n =
            random == null ? stream.length : Math.min(stream.length - off, 1 + random.nextInt(24));
        decoder.decode(stream, off, n, recorder);
        off += n;
      }
    } catch (WsFrameDecoder.Violation e) {
      failure = e.getMessage(); // the documented exception; any other escapes
    } catch (IOException e) {
      throw new AssertionError("undocumented failure", e);
    }
    for (String event : recorder.events) {
      assertTrue(event.length() <= "binary:".length() + 3 * LIMIT, event);
    }
    assertTrue(recorder.message.size() <= LIMIT, "a message over the limit was handed over");
    List<String> events = new ArrayList<>(recorder.events);
    return new Outcome(events, failure);
  }
}
