package lab3.multicast;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of the Part 4 multicast channel, and its datagram format: 6 bytes of sender ID in
 * ASCII ({@code swcmTV} for the TV program, a 6-digit CAMIPRO number for a subscriber), then the
 * text in UTF-8. No length field and no terminator: the datagram's length delimits the text.
 *
 * <p>{@link #encode} and {@link #decode} are pure functions over bytes; they know nothing of
 * sockets. Decoding never fails: what the network delivers is reported as it is, a datagram shorter
 * than the ID or bytes that are not UTF-8 become replacement characters (U+FFFD) and a line in
 * {@link #warnings()}.
 *
 * <p>The pitfall: {@code decode} of a datagram shorter than 6 bytes still gives a message, with
 * {@link #wellFormed()} false: check it before trusting the ID.
 *
 * @param id the sender's ID: 6 characters when well formed
 * @param text the message text
 * @param source the address and port the datagram came from (null for a message not yet sent)
 * @param time when it was received
 * @param warnings what was wrong with the datagram; empty when it was well formed
 */
public record MulticastMessage(
    String id, String text, InetSocketAddress source, Instant time, List<String> warnings) {

  /** Bytes of the sender ID at the start of every datagram. */
  public static final int ID_LENGTH = 6;

  /** The largest UDP payload over IPv4: 65535 minus 20 bytes of IP header and 8 of UDP header. */
  public static final int MAX_DATAGRAM_IPV4 = 65_507;

  /** The largest UDP payload over IPv6 (no jumbograms): 65535 minus 8 bytes of UDP header. */
  public static final int MAX_DATAGRAM_IPV6 = 65_527;

  /** Checks that ID and text are there, and copies the warnings: the record is immutable. */
  public MulticastMessage {
    checkNotNull(id, "id");
    checkNotNull(text, "text");
    warnings = List.copyOf(warnings);
  }

  /**
   * True when the datagram had a full ID, an ASCII one, and its text was valid UTF-8.
   *
   * @return true when the datagram had a full ID, an ASCII one, and its text was valid UTF-8
   */
  public boolean wellFormed() {
    return warnings.isEmpty();
  }

  /**
   * The text's length in characters (Unicode code points, as Python's {@code len(str)}).
   *
   * @return the text's length in characters (Unicode code points, as Python's {@code len(str)})
   */
  public int length() {
    return text.codePointCount(0, text.length());
  }

  /**
   * The datagram for {@code text} sent under {@code id}, if it fits in an IPv4 datagram.
   *
   * @throws IllegalArgumentException if the ID is not 6 printable ASCII characters, or the text
   *     does not fit (the message names the limit)
   * @param id six printable ASCII characters, e.g. a student number
   * @param text the text, sent as UTF-8
   * @return the datagram for {
   */
  public static byte[] encode(String id, String text) {
    return encode(id, text, MAX_DATAGRAM_IPV4);
  }

  /**
   * The datagram for {@code text} sent under {@code id}, at most {@code maxDatagram} bytes long
   * ({@link #MAX_DATAGRAM_IPV4} or {@link #MAX_DATAGRAM_IPV6}).
   *
   * @param id six printable ASCII characters, e.g. a student number
   * @param text the text, sent as UTF-8
   * @param maxDatagram the largest datagram allowed, in bytes
   * @return the datagram for {@code text} sent under {@code id}, at most {@code maxDatagram} bytes
   *     long ({@link #MAX_DATAGRAM_IPV4} or {@link #MAX_DATAGRAM_IPV6})
   */
  public static byte[] encode(String id, String text, int maxDatagram) {
    checkId(id);
    checkNotNull(text, "text");
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int maxText = maxDatagram - ID_LENGTH;
    checkArgument(
        utf8.length <= maxText,
        "text is %s bytes in UTF-8; one datagram carries at most %s bytes of text"
            + " (a %s-byte UDP payload minus the %s-byte ID)",
        utf8.length,
        maxText,
        maxDatagram,
        ID_LENGTH);
    byte[] datagram = new byte[ID_LENGTH + utf8.length];
    for (int i = 0; i < ID_LENGTH; i++) {
      datagram[i] = (byte) id.charAt(i);
    }
    System.arraycopy(utf8, 0, datagram, ID_LENGTH, utf8.length);
    return datagram;
  }

  /**
   * Checks a sender ID: exactly 6 printable ASCII characters (space to {@code ~}).
   *
   * @return the ID
   * @throws IllegalArgumentException naming what is wrong
   * @param id the ID to check
   */
  public static String checkId(String id) {
    checkNotNull(id, "id");
    checkArgument(
        id.length() == ID_LENGTH,
        "the ID must be exactly %s ASCII characters, got %s: '%s'",
        ID_LENGTH,
        id.length(),
        id);
    for (int i = 0; i < ID_LENGTH; i++) {
      char c = id.charAt(i);
      checkArgument(
          c >= 0x20 && c <= 0x7e, "the ID must be printable ASCII, got '%s' in '%s'", c, id);
    }
    return id;
  }

  /**
   * The message in the first {@code length} bytes of {@code datagram}. Never throws for bad bytes:
   * see {@link #warnings()}.
   *
   * @param datagram the received bytes (the array may be longer)
   * @param length how many bytes of {@code datagram} were received
   * @param source the address and port it came from
   * @param time when it arrived
   * @return the message in the first {@code length} bytes of {@code datagram}
   */
  public static MulticastMessage decode(
      byte[] datagram, int length, InetSocketAddress source, Instant time) {
    checkArgument(
        length >= 0 && length <= datagram.length,
        "length %s out of 0..%s",
        length,
        datagram.length);
    List<String> warnings = new ArrayList<>();
    int idLength = Math.min(length, ID_LENGTH);
    if (length < ID_LENGTH) {
      warnings.add(
          "datagram of "
              + length
              + " bytes is shorter than the "
              + ID_LENGTH
              + "-byte ID; it has no text");
    }
    String id =
        decode(datagram, 0, idLength, StandardCharsets.US_ASCII, "ID is not ASCII", warnings);
    String text =
        decode(
            datagram,
            idLength,
            length - idLength,
            StandardCharsets.UTF_8,
            "text is not valid UTF-8",
            warnings);
    return new MulticastMessage(id, text, source, time, warnings);
  }

  /** Strict first, so that bad bytes are noticed; then again with replacement characters. */
  private static String decode(
      byte[] bytes,
      int offset,
      int length,
      Charset charset,
      String problem,
      List<String> warnings) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      warnings.add(problem + " (bad bytes shown as U+FFFD)");
      return new String(bytes, offset, length, charset);
    }
  }
}
