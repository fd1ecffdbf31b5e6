package lab3.pmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PmuMessageDecoderTest {

  /** What the PMU writes for n messages: no delimiter between them. */
  static byte[] stream(int n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i <= n; i++) {
      out.writeBytes(("This is PMU data " + i).getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /** A listener that appends each message to {@code list}. */
  static PmuListener into(List<String> list) {
    return new PmuListener() {
      @Override
      public void onMessage(String message) {
        list.add(message);
      }
    };
  }

  static List<String> expected(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "This is PMU data " + i).toList();
  }

  /** Decodes {@code bytes} cut at the given ascending offsets. */
  static List<String> decode(byte[] bytes, int... cuts) throws IOException {
    List<String> messages = new ArrayList<>();
    PmuListener sink = into(messages);
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    int from = 0;
    for (int cut : cuts) {
      decoder.decode(bytes, from, cut - from, sink);
      from = cut;
    }
    decoder.decode(bytes, from, bytes.length - from, sink);
    decoder.finish(sink);
    return messages;
  }

  @Test
  void everySingleAndDoubleSplitOfTwelveMessagesGivesTheSameMessages() throws IOException {
    byte[] bytes = stream(12); // numbers 1..12: one and two digits
    List<String> want = expected(12);
    for (int a = 0; a <= bytes.length; a++) {
      assertEquals(want, decode(bytes, a), "cut at " + a);
      for (int b = a; b <= bytes.length; b++) {
        assertEquals(want, decode(bytes, a, b), "cuts at " + a + ", " + b);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 9, 10, 11, 99, 100, 101, 1000})
  void randomReadSizesNeverChangeTheMessages(int n) throws IOException {
    byte[] bytes = stream(n);
    Random random = new Random(n);
    for (int trial = 0; trial < 200; trial++) {
      int[] cuts = random.ints(random.nextInt(20), 0, bytes.length + 1).sorted().toArray();
      assertEquals(expected(n), decode(bytes, cuts));
    }
  }

  @Test
  void oneByteAtATimeDecodesEveryMessage() throws IOException {
    byte[] bytes = stream(1000);
    int[] everyByte = IntStream.range(1, bytes.length).toArray();
    assertEquals(expected(1000), decode(bytes, everyByte));
  }

  @Test
  void aMillionMessagesInOneBufferDecodeInOrder() throws IOException {
    byte[] bytes = stream(1_000_000);
    long[] next = {1};
    PmuListener check =
        new PmuListener() {
          @Override
          public void onMessage(String message) {
            assertEquals("This is PMU data " + next[0]++, message);
          }
        };
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    for (int off = 0; off < bytes.length; off += 65536) {
      decoder.decode(bytes, off, Math.min(65536, bytes.length - off), check);
    }
    decoder.finish(check);
    assertEquals(1_000_001, next[0]);
    assertEquals(1_000_000, decoder.messages());
  }

  @Test
  void messageIsEmittedAsSoonAsItsNumberIsTheExpectedOne() throws IOException {
    List<String> messages = new ArrayList<>();
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    byte[] first = "This is PMU data 1".getBytes(StandardCharsets.US_ASCII);
    decoder.decode(first, 0, first.length, into(messages));
    // Not waiting for the next message (d seconds away) to know that message 1 ended.
    assertEquals(List.of("This is PMU data 1"), messages);
  }

  @Test
  void numberSplitBetweenReadsWaitsForItsLastDigit() throws IOException {
    byte[] bytes = stream(12);
    int cut = bytes.length - 1; // "This is PMU data 1" | "2"
    List<String> messages = new ArrayList<>();
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    decoder.decode(bytes, 0, cut, into(messages));
    assertEquals(11, messages.size(), "message 12 must not be emitted as 1");
    decoder.decode(bytes, cut, 1, into(messages));
    decoder.finish(into(messages));
    assertEquals(expected(12), messages);
  }

  @Test
  void unexpectedNumbersAreStillDecodedAtTheNextMessage() throws IOException {
    byte[] bytes = "This is PMU data 5This is PMU data 9".getBytes(StandardCharsets.US_ASCII);
    assertEquals(List.of("This is PMU data 5", "This is PMU data 9"), decode(bytes));
  }

  @Test
  void streamEndingInsideAMessageReportsThePartialMessage() throws IOException {
    byte[] bytes = "This is PMU data 1This is PMU da".getBytes(StandardCharsets.US_ASCII);
    List<String> messages = new ArrayList<>();
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    decoder.decode(bytes, 0, bytes.length, into(messages));
    TruncatedMessageException e =
        assertThrows(TruncatedMessageException.class, () -> decoder.finish(into(messages)));
    assertEquals("This is PMU da", e.partial());
    assertEquals(List.of("This is PMU data 1"), messages, "complete messages come first");
  }

  @Test
  void streamEndingAfterThePrefixWithoutANumberIsTruncated() throws IOException {
    byte[] bytes = "This is PMU data ".getBytes(StandardCharsets.US_ASCII);
    assertThrows(TruncatedMessageException.class, () -> decode(bytes));
  }

  @Test
  void emptyStreamHasNoMessages() throws IOException {
    assertEquals(List.of(), decode(new byte[0]));
  }

  @Test
  void serverErrorLineIsAProtocolErrorThatQuotesIt() {
    byte[] bytes = "ERROR unknown command 'x'\n".getBytes(StandardCharsets.US_ASCII);
    ProtocolException e = assertThrows(ProtocolException.class, () -> decode(bytes));
    assertTrue(e.getMessage().contains("ERROR unknown command"), e.getMessage());
  }

  @Test
  void garbageAfterValidMessagesFailsAfterDeliveringThem() throws IOException {
    byte[] bytes = "This is PMU data 1This is PMU data 2xyz".getBytes(StandardCharsets.US_ASCII);
    List<String> messages = new ArrayList<>();
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    assertThrows(
        ProtocolException.class, () -> decoder.decode(bytes, 0, bytes.length, into(messages)));
    assertEquals(expected(2), messages);
  }

  @Test
  void overlongNumberIsRefused() {
    byte[] bytes = ("This is PMU data " + "9".repeat(19)).getBytes(StandardCharsets.US_ASCII);
    assertThrows(ProtocolException.class, () -> decode(bytes));
  }

  @Test
  void aListenerOfBytesGetsEachMessageInAReusedArray() throws IOException {
    byte[] bytes = stream(120);
    List<String> messages = new ArrayList<>();
    List<byte[]> arrays = new ArrayList<>();
    PmuListener bytesOnly =
        new PmuByteListener() {
          @Override
          public void onMessage(String message) {
            throw new AssertionError(
                "onMessage(String) called although onMessageBytes is overridden");
          }

          @Override
          public void onMessageBytes(byte[] ascii, int off, int len) {
            messages.add(new String(ascii, off, len, StandardCharsets.US_ASCII));
            if (!arrays.contains(ascii)) {
              arrays.add(ascii);
            }
          }
        };
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    for (int off = 0; off < bytes.length; off += 7) {
      decoder.decode(bytes, off, Math.min(7, bytes.length - off), bytesOnly);
    }
    decoder.finish(bytesOnly);
    assertEquals(expected(120), messages);
    assertEquals(1, arrays.size(), "one array for every message: no allocation per message");
  }
}
