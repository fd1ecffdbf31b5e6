package lab3.ws.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WsFrameDecoderTest {
  private static final int FIN = 0x80;

  /** A frame as a server sends it: unmasked, the shortest length encoding. */
  static byte[] frame(int b0, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b0);
    int n = payload.length;
    if (n < 126) {
      out.write(n);
    } else if (n <= 0xFFFF) {
      out.write(126);
      out.write(n >> 8);
      out.write(n);
    } else {
      out.write(127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) ((long) n >> shift));
      }
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] close(int code, String reason) {
    return frame(FIN | 0x8, concat(new byte[] {(byte) (code >> 8), (byte) code}, ascii(reason)));
  }

  /** Records what the decoder finds, messages whole, as lines such as "binary:This is...". */
  static final class Recorder implements WsFrameDecoder.Frames {
    final List<String> events = new ArrayList<>();
    final ByteArrayOutputStream message = new ByteArrayOutputStream();
    String kind;
    int pieces;

    @Override
    public void onMessageStart(boolean text) {
      kind = text ? "text" : "binary";
      message.reset();
    }

    @Override
    public void onMessageBytes(byte[] buf, int off, int len) {
      assertTrue(len >= 1, "an empty piece");
      pieces++;
      message.write(buf, off, len);
    }

    @Override
    public void onMessageEnd() {
      events.add(kind + ":" + message.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void onPing(byte[] payload) {
      events.add("ping:" + new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    public void onClose(int code, String reason) {
      events.add("close:" + code + ":" + reason);
    }
  }

  /** Decodes {@code bytes} cut at the given ascending offsets. */
  static List<String> decode(byte[] bytes, int... cuts) throws IOException {
    Recorder recorder = new Recorder();
    WsFrameDecoder decoder = new WsFrameDecoder(1 << 20);
    int from = 0;
    for (int cut : cuts) {
      decoder.decode(bytes, from, cut - from, recorder);
      from = cut;
    }
    decoder.decode(bytes, from, bytes.length - from, recorder);
    return recorder.events;
  }

  /**
   * A session with every kind of frame: whole messages, a message in three frames with a ping and a
   * pong between them, an empty message, lengths in 7 and 16 bits, then the close.
   */
  static byte[] session() {
    byte[] longer = ascii("x".repeat(300)); // a 16-bit length
    return concat(
        frame(FIN | 0x2, ascii("This is PMU data 1")),
        frame(0x1, ascii("This is ")),
        frame(FIN | 0x9, ascii("are you there")),
        frame(0x0, ascii("PMU ")),
        frame(FIN | 0xA, new byte[0]),
        frame(FIN | 0x0, ascii("data 2")),
        frame(FIN | 0x2, new byte[0]),
        frame(FIN | 0x2, longer),
        close(1000, "done"));
  }

  static final List<String> SESSION =
      List.of(
          "binary:This is PMU data 1",
          "ping:are you there",
          "text:This is PMU data 2",
          "binary:",
          "binary:" + "x".repeat(300),
          "close:1000:done");

  @Test
  void everySingleAndDoubleCutOfASessionGivesTheSameFrames() throws IOException {
    byte[] bytes = session();
    for (int a = 0; a <= bytes.length; a++) {
      assertEquals(SESSION, decode(bytes, a), "cut at " + a);
      for (int b = a; b <= bytes.length; b += 7) {
        assertEquals(SESSION, decode(bytes, a, b), "cuts at " + a + ", " + b);
      }
    }
  }

  @Test
  void oneByteAtATimeDecodesEveryFrame() throws IOException {
    byte[] bytes = session();
    int[] cuts = new int[bytes.length - 1];
    Arrays.setAll(cuts, i -> i + 1);
    assertEquals(SESSION, decode(bytes, cuts));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 10})
  void randomReadSizesNeverChangeTheFrames(int seed) throws IOException {
    byte[] bytes = session();
    Random random = new Random(seed);
    for (int trial = 0; trial < 500; trial++) {
      int[] cuts = random.ints(random.nextInt(30), 0, bytes.length + 1).sorted().toArray();
      assertEquals(SESSION, decode(bytes, cuts));
    }
  }

  @Test
  void aLargeFramesPayloadIsHandedOverAsItArrivesNeverHeldWhole() throws IOException {
    byte[] payload = new byte[200_000]; // a 64-bit length
    new Random(1).nextBytes(payload);
    byte[] bytes = frame(FIN | 0x2, payload);
    Recorder recorder = new Recorder();
    WsFrameDecoder decoder = new WsFrameDecoder(payload.length);
    for (int from = 0; from < bytes.length; from += 8192) {
      decoder.decode(bytes, from, Math.min(8192, bytes.length - from), recorder);
    }
    assertArrayEquals(payload, recorder.message.toByteArray());
    assertEquals(25, recorder.pieces, "one piece per read");
    assertEquals(1, recorder.events.size());
  }

  @Test
  void aMessageExactlyAtTheLimitPassesAndOneByteMoreFailsBeforeItsBytesAreHandedOver()
      throws IOException {
    Recorder recorder = new Recorder();
    byte[] ten = frame(FIN | 0x2, ascii("0123456789"));
    new WsFrameDecoder(10).decode(ten, 0, ten.length, recorder);
    assertEquals(List.of("binary:0123456789"), recorder.events);

    // Over the limit in the third of three frames: the first two were handed over, not the third.
    byte[] cut =
        concat(
            frame(0x2, ascii("0123")), frame(0x0, ascii("4567")), frame(FIN | 0x0, ascii("89!")));
    Recorder partial = new Recorder();
    WsFrameDecoder.Violation e =
        assertThrows(
            WsFrameDecoder.Violation.class,
            () -> new WsFrameDecoder(10).decode(cut, 0, cut.length, partial));
    assertEquals("a message of 11 bytes exceeds the limit of 10 bytes", e.getMessage());
    assertEquals(1009, e.closeCode());
    assertEquals("01234567", partial.message.toString(StandardCharsets.US_ASCII));
  }

  @Test
  void theLimitCountsEachMessageOnItsOwn() throws IOException {
    byte[] bytes = concat(frame(FIN | 0x2, ascii("12345678")), frame(FIN | 0x2, ascii("abcdefgh")));
    assertEquals(2, decodeWithLimit(bytes, 8).size());
  }

  private static List<String> decodeWithLimit(byte[] bytes, long limit) throws IOException {
    Recorder recorder = new Recorder();
    new WsFrameDecoder(limit).decode(bytes, 0, bytes.length, recorder);
    return recorder.events;
  }

  @Test
  void aCloseWithoutAStatusIs1005AndNothingAfterItIsDecoded() throws IOException {
    byte[] bytes = concat(frame(FIN | 0x8, new byte[0]), frame(FIN | 0x2, ascii("late")));
    Recorder recorder = new Recorder();
    WsFrameDecoder decoder = new WsFrameDecoder(100);
    assertFalse(decoder.closed());
    decoder.decode(bytes, 0, bytes.length, recorder);
    assertTrue(decoder.closed());
    assertEquals(List.of("close:1005:"), recorder.events);
  }

  @Test
  void aCloseReasonIsUtf8() throws IOException {
    byte[] reason = "fermé".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = frame(FIN | 0x8, concat(new byte[] {0x03, (byte) 0xE8}, reason));
    assertEquals(List.of("close:1000:fermé"), decode(bytes));
  }

  /** The faults a client must refuse, each with the start of what the decoder says. */
  @Test
  void whatAClientMustRefuseIsAViolationThatSaysWhat() {
    assertRefused(new byte[] {(byte) 0x82, (byte) 0x81, 1, 2, 3, 4, 5}, "the server sent a masked");
    assertRefused(frame(FIN | 0x40 | 0x2, ascii("x")), "the server set reserved bits 0x40");
    assertRefused(frame(FIN | 0x3, ascii("x")), "a frame with the reserved opcode 3");
    assertRefused(frame(FIN | 0xB, ascii("x")), "a frame with the reserved opcode 11");
    assertRefused(frame(FIN | 0x0, ascii("x")), "a continuation frame with no message");
    assertRefused(
        concat(frame(0x2, ascii("x")), frame(FIN | 0x2, ascii("y"))), "a new message started");
    assertRefused(frame(0x9, ascii("x")), "a fragmented control frame (opcode 9)");
    assertRefused(frame(FIN | 0x9, new byte[126]), "a control frame (opcode 9) of 126 bytes");
    assertRefused(frame(FIN | 0x8, new byte[] {0x03}), "a close frame of one byte");
    assertRefused(close(1005, ""), "the server closed with the status code 1005");
    assertRefused(close(999, ""), "the server closed with the status code 999");
    assertRefused(close(2000, ""), "the server closed with the status code 2000");
    byte[] huge = {(byte) 0x82, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0};
    assertRefused(huge, "a frame length with its most significant bit set");
  }

  private static void assertRefused(byte[] bytes, String start) {
    WsFrameDecoder.Violation e =
        assertThrows(
            WsFrameDecoder.Violation.class,
            () -> new WsFrameDecoder(1000).decode(bytes, 0, bytes.length, new Recorder()));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
    assertEquals(1002, e.closeCode());
  }

  @Test
  void codesAnEndpointMaySendAreTheAssignedAndThePrivateOnes() {
    for (int code : new int[] {1000, 1001, 1003, 1007, 1011, 1014, 3000, 4000, 4999}) {
      assertTrue(WsFrameDecoder.sendable(code), String.valueOf(code));
    }
    for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000}) {
      assertFalse(WsFrameDecoder.sendable(code), String.valueOf(code));
    }
  }

  @Test
  void theClientsFramesAreMaskedWithFinSetAndUnmaskToTheirPayload() {
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    for (int n : new int[] {0, 125, 126, 65_535, 65_536}) {
      byte[] payload = new byte[n];
      new Random(n).nextBytes(payload);
      byte[] frame = WsClientFrame.frame(0x2, payload, mask);
      assertEquals(FIN | 0x2, frame[0] & 0xFF);
      assertEquals(0x80, frame[1] & 0x80, "masked");
      int lengthBytes = n < 126 ? 0 : n <= 0xFFFF ? 2 : 8;
      int at = 2 + lengthBytes;
      assertArrayEquals(mask, Arrays.copyOfRange(frame, at, at + 4));
      byte[] unmasked = new byte[n];
      for (int k = 0; k < n; k++) {
        unmasked[k] = (byte) (frame[at + 4 + k] ^ mask[k & 3]);
      }
      assertArrayEquals(payload, unmasked, "payload of " + n);
      // Unmasked, the same frame is what the decoder reads.
      byte[] plain = frame(FIN | 0x2, payload);
      assertEquals(frame.length - 4, plain.length);
    }
    byte[] close = WsClientFrame.close(1002);
    assertEquals(2 + 4 + 2, close.length);
    assertEquals(0x88, close[0] & 0xFF);
  }
}
