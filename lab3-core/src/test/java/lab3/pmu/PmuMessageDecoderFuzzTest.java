package lab3.pmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PmuMessageDecoder} on arbitrary streams cut at arbitrary points: it emits well-formed
 * messages, the same ones (and the same failure) however the bytes are cut, and its only failures
 * are {@link ProtocolException} (and its subtype {@link TruncatedMessageException} at the end).
 * Fuzz target (Jazzer): seed corpus in {@code
 * src/test/resources/lab3/pmu/PmuMessageDecoderFuzzTestInputs/}.
 */
class PmuMessageDecoderFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void sameMessagesHoweverTheBytesAreCut(FuzzedDataProvider data) {
    long seed = data.consumeLong();
    byte[] stream = data.consumeRemainingAsBytes();
    Outcome whole = decode(stream, null);
    Outcome chunked = decode(stream, new Random(seed));
    for (String m : whole.messages) {
      assertTrue(m.matches("This is PMU data [0-9]{1,18}"), m);
    }
    assertEquals(whole.messages.size(), whole.count);
    // A failure may come earlier in the chunked run only in the sense of fewer messages emitted
    // before the same bad byte: the decoder emits a message once it is complete, so both agree.
    assertEquals(whole.messages, chunked.messages, "chunked with seed " + seed);
    assertEquals(whole.failure, chunked.failure, "chunked with seed " + seed);
  }

  @Test
  void validAnswerCutAnywhereDecodesToEveryMessageInOrder() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 2000; round++) {
      int n = random.nextInt(151);
      Outcome outcome = decode(answer(1, n), random);
      assertEquals(null, outcome.failure, "seed " + seed);
      assertEquals(n, outcome.messages.size(), "seed " + seed);
      for (int i = 0; i < n; i++) {
        assertEquals(PmuMessageDecoder.PREFIX + (i + 1), outcome.messages.get(i), "seed " + seed);
      }
    }
  }

  static byte[] answer(long first, int n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long i = first; i < first + n && i >= 0; i++) {
      out.writeBytes((PmuMessageDecoder.PREFIX + i).getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  private record Outcome(List<String> messages, long count, String failure) {}

  /** Decodes whole ({@code random} null) or in chunks of 1..24 bytes. */
  private static Outcome decode(byte[] stream, Random random) {
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    List<String> messages = new ArrayList<>();
    PmuListener listener =
        new PmuListener() {
          @Override
          public void onMessage(String message) {
            messages.add(message);
          }
        };
    String failure = null;
    try {
      for (int off = 0; off < stream.length; ) {
        int n =
            random == null ? stream.length : Math.min(stream.length - off, 1 + random.nextInt(24));
        decoder.decode(stream, off, n, listener);
        off += n;
      }
      decoder.finish(listener);
    } catch (ProtocolException e) {
      failure = e.getClass().getSimpleName(); // the documented exception; any other escapes
    } catch (IOException e) {
      throw new AssertionError("undocumented failure", e);
    }
    return new Outcome(messages, decoder.messages(), failure);
  }
}
