package lab3.pmu;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A command the PDC sends to the PMU: {@code CMD_short:d} or {@code CMD_floodme}.
 *
 * <p>On the wire a command is its ASCII text, sent in one write with no terminator, as the lab's
 * Python client does ({@code sock.sendall(b"CMD_short:0")}). The keyword is matched without regard
 * to case, since the lab's text itself writes both {@code CMD_short} and {@code CMD_SHORT}.
 *
 * <p>The pitfall: {@code CMD_short:d} takes d in seconds, fractions allowed; {@link #parse} rejects
 * a d above {@link #MAX_INTERVAL} with {@link IllegalArgumentException}, which a server turns into
 * an {@code ERROR} line.
 */
public sealed interface PmuCommand {

  /** The longest command the PMU accepts, in bytes. */
  int MAX_LENGTH = 64;

  /** The longest pause between two messages a command may ask for. */
  Duration MAX_INTERVAL = Duration.ofHours(1);

  /**
   * The text sent on the wire.
   *
   * @return the text sent on the wire
   */
  String wire();

  /**
   * {@code CMD_short:d}: the PMU sends n short messages, pausing {@code interval} between two
   * consecutive sends, then closes.
   *
   * @param interval the pause between two messages
   */
  record Short(Duration interval) implements PmuCommand {
    /** Validates the pause: not negative, at most {@link #MAX_INTERVAL}. */
    public Short {
      checkArgument(
          interval != null && !interval.isNegative() && interval.compareTo(MAX_INTERVAL) <= 0,
          "interval must be between 0 and %s s, got %s",
          MAX_INTERVAL.toSeconds(),
          interval);
    }

    /**
     * {@code CMD_short:seconds}.
     *
     * @param seconds the pause between two messages, in seconds, 0 or more
     * @return {@code CMD_short:seconds}
     */
    public static Short seconds(long seconds) {
      return new Short(Duration.ofSeconds(seconds));
    }

    @Override
    public String wire() {
      long millis = interval.toMillis();
      if (millis % 1000 == 0) {
        return "CMD_short:" + millis / 1000; // the common case, without a BigDecimal
      }
      BigDecimal seconds = BigDecimal.valueOf(millis).movePointLeft(3);
      return "CMD_short:" + seconds.stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
      return wire();
    }
  }

  /** {@code CMD_floodme}: the PMU sends one large text with a single write, then closes. */
  record Floodme() implements PmuCommand {
    @Override
    public String wire() {
      return "CMD_floodme";
    }

    @Override
    public String toString() {
      return wire();
    }
  }

  /**
   * Parses a command as a user types it or as it arrives on the wire (trailing CR/LF ignored).
   *
   * @throws IllegalArgumentException naming what is wrong, if it is not a valid command
   * @param text the command as the client sends it, e.g. {@code CMD_short:2}
   * @return the command
   */
  static PmuCommand parse(String text) {
    String s = text.strip();
    checkArgument(s.length() <= MAX_LENGTH, "command longer than %s characters", MAX_LENGTH);
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.equals("cmd_floodme")) {
      return new Floodme();
    }
    if (lower.startsWith("cmd_short:")) {
      String d = s.substring("cmd_short:".length());
      long millis = millis(d);
      checkArgument(
          millis >= 0,
          "in CMD_short:d, d must be a number of seconds such as 0, 1 or 0.5, got '%s'",
          d);
      checkArgument(
          millis <= MAX_INTERVAL.toMillis(),
          "in CMD_short:d, d must be at most %s seconds, got %s",
          MAX_INTERVAL.toSeconds(),
          d);
      return new Short(Duration.ofMillis(millis));
    }
    throw new IllegalArgumentException(
        "unknown command '" + s + "': expected CMD_short:d (d in seconds) or CMD_floodme");
  }

  /**
   * The milliseconds in {@code d} if it is 1 to 7 digits, optionally a point and 1 to 3 more
   * ({@code [0-9]{1,7}(\.[0-9]{1,3})?}), else -1. Checked by hand: every session parses its
   * command, and a regular expression compiled per call, or a {@code BigDecimal}, cost a busy
   * server more than the rest of the parse.
   */
  private static long millis(String d) {
    int point = d.indexOf('.');
    int whole = point < 0 ? d.length() : point;
    int fraction = point < 0 ? 0 : d.length() - point - 1;
    if (whole < 1 || whole > 7 || (point >= 0 && (fraction < 1 || fraction > 3))) {
      return -1;
    }
    long millis = 0;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (i == point) {
        continue;
      }
      if (c < '0' || c > '9') {
        return -1;
      }
      millis = millis * 10 + (c - '0');
    }
    for (int i = fraction; i < 3; i++) {
      millis *= 10;
    }
    return millis;
  }

  /**
   * Like {@link #parse}, but empty instead of an exception.
   *
   * @param text the command as the client sends it, e.g. {@code CMD_short:2}
   * @return the result, or empty
   */
  static Optional<PmuCommand> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
