package lab3.pmu.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import lab3.pmu.FloodText;
import lab3.pmu.PmuCommand;
import lab3.transport.Addresses;
import lab3.transport.Connection;
import lab3.transport.ConnectionHandler;
import lab3.transport.internal.SocketConnection;

/**
 * The PMU's side of one session, over any {@link Connection}: read one command, answer it, close.
 *
 * <p>The command has no terminator on the wire (the lab's client sends {@code CMD_short:0} and
 * waits), so it ends at a newline, or as soon as the bytes received form a complete command, as the
 * lab's server (one {@code recv()}) sees it. A prefix such as {@code CMD_sh} waits for more.
 */
public final class PmuSession implements ConnectionHandler {
  private static final Duration LINGER = Duration.ofSeconds(2);

  private final PmuResponder responder;
  private final Duration commandTimeout;
  private final Consumer<String> log;

  /** A session that answers as {@code responder} says. */
  public PmuSession(PmuResponder responder, Duration commandTimeout, Consumer<String> log) {
    this.responder = responder;
    this.commandTimeout = commandTimeout;
    this.log = log;
  }

  @Override
  public void handle(Connection connection) throws IOException {
    long start = System.nanoTime();
    OutputStream out = connection.output();
    PmuCommand command;
    try {
      command =
          readCommand(connection.input(), deadline(connection, start + commandTimeout.toNanos()));
    } catch (SocketTimeoutException e) {
      refuse(connection, "no command within " + commandTimeout.toMillis() + " ms");
      return;
    } catch (ProtocolException e) {
      refuse(connection, e.getMessage());
      return;
    }
    // One write call per message (TCP decides how they are packed, as on the lab's server), and
    // the floodme text in one write, as the lab's PMU sends it.
    String outcome =
        responder.answer(
            command,
            new PmuResponder.Sink() {
              @Override
              public void message(byte[] ascii, boolean now) throws IOException {
                out.write(ascii);
              }

              @Override
              public void flood(FloodText text) throws IOException {
                SocketChannel channel = channelOf(connection);
                if (channel != null && text == responder.floodText()) {
                  // The shared direct buffer, written as it is (a stream would copy the array
                  // into a temporary direct buffer first, 128 KiB per system call).
                  ByteBuffer all = responder.floodBuffer().duplicate();
                  while (all.hasRemaining()) {
                    channel.write(all);
                  }
                } else {
                  text.writeTo(out);
                }
              }
            });
    out.flush();
    // The peer's address is formatted when the line is written, not when the session starts:
    // 10,000 sessions opening at once share the CPU with nothing else to spare (bench 3).
    log.accept(
        Addresses.format(connection.remoteAddress())
            + " "
            + command.wire()
            + " -> "
            + outcome
            + " in "
            + Duration.ofNanos(System.nanoTime() - start).toMillis()
            + " ms");
    lingeringClose(connection);
  }

  /** The blocking channel under a plain TCP connection; null for TLS and in-memory ones. */
  private static SocketChannel channelOf(Connection connection) {
    return connection instanceof SocketConnection socket ? socket.socket().getChannel() : null;
  }

  /** Called before every read of the command: sets the read time-out to the time left. */
  @FunctionalInterface
  interface BeforeRead {
    void beforeRead() throws IOException;
  }

  /**
   * The command time-out bounds the whole command, not each read: a client that sends one byte a
   * second must not hold its session longer than a silent one (slowloris).
   */
  private static BeforeRead deadline(Connection connection, long deadlineNanos) {
    return () -> {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("command time-out");
      }
      connection.setReadTimeout(Duration.ofNanos(left));
    };
  }

  /** Reads one command with no time limit (tests). */
  static PmuCommand readCommand(InputStream in) throws IOException {
    return readCommand(in, () -> {});
  }

  /** Reads one command: up to a newline, or as soon as the bytes form a complete command. */
  static PmuCommand readCommand(InputStream in, BeforeRead beforeRead) throws IOException {
    byte[] buf = new byte[PmuCommand.MAX_LENGTH + 1];
    int len = 0;
    while (true) {
      beforeRead.beforeRead();
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        if (len == 0) {
          throw new ProtocolException("closed without sending a command");
        }
        return parse(buf, len);
      }
      int from = len;
      len += n;
      for (int i = from; i < len; i++) {
        if (buf[i] == '\n') {
          return parse(buf, i);
        }
      }
      String text = new String(buf, 0, len, StandardCharsets.UTF_8);
      Optional<PmuCommand> command = PmuCommand.tryParse(text);
      if (command.isPresent()) {
        return command.get();
      }
      if (len > PmuCommand.MAX_LENGTH) {
        throw new ProtocolException("command longer than " + PmuCommand.MAX_LENGTH + " bytes");
      }
      if (!couldBecomeCommand(text)) {
        return parse(buf, len); // fails with the reason
      }
    }
  }

  private static PmuCommand parse(byte[] buf, int len) throws ProtocolException {
    String text = new String(buf, 0, len, StandardCharsets.UTF_8);
    try {
      return PmuCommand.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(e.getMessage());
    }
  }

  /** True if more bytes could still turn {@code text} into a command. */
  private static boolean couldBecomeCommand(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return "cmd_floodme".startsWith(lower)
        || "cmd_short:".startsWith(lower)
        || lower.matches("cmd_short:[0-9]*\\.?[0-9]*");
  }

  private void refuse(Connection connection, String reason) throws IOException {
    log.accept(Addresses.format(connection.remoteAddress()) + " refused: " + reason);
    connection.output().write(("ERROR " + reason + "\n").getBytes(StandardCharsets.UTF_8));
    lingeringClose(connection);
  }

  /**
   * Sends FIN, then reads until the client closes (or {@link #LINGER} passes) before closing.
   * Closing a socket with unread input makes the kernel send a reset, which can destroy answer
   * bytes the client has not read yet; waiting for the client's close avoids it.
   */
  private static void lingeringClose(Connection connection) {
    try {
      connection.shutdownOutput();
      connection.setReadTimeout(LINGER);
      InputStream in = connection.input();
      byte[] sink = new byte[512];
      while (in.read(sink) >= 0) {
        // discard
      }
    } catch (IOException ignored) {
      // the client is gone or silent: close anyway
    }
  }
}
