package lab3.ws.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import lab3.pmu.FloodText;
import lab3.pmu.PmuCommand;
import lab3.pmu.internal.PmuResponder;
import lab3.pmu.internal.SharedFloodBytes;
import lab3.transport.Addresses;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The PMU's side of one WebSocket session: the first message the client sends is the command; the
 * answer is sent by a virtual thread of its own, in blocking style (each send waits for Jetty's
 * callback), then the session is closed with 1000. A bad command, or none within the command
 * time-out, closes with 1008 (policy violation) and the reason.
 *
 * <p>Jetty calls the {@code onWebSocket*} methods; they never block.
 */
public final class WsPmuSession implements Session.Listener.AutoDemanding {
  /** The longest close reason RFC 6455 allows, in bytes (125 minus the 2-byte code). */
  static final int MAX_REASON_BYTES = 123;

  private final PmuResponder responder;
  private final WsFrames frames;
  private final Duration commandTimeout;
  private final Consumer<String> log;
  private final Runnable onEnd;
  private final long start = System.nanoTime();
  private volatile Session session;
  private volatile Thread answering;
  private volatile Thread deadline;
  private boolean commandSeen; // guarded by this

  /**
   * One session of the emulator, with its settings; {@code onEnd} runs when it closes.
   *
   * @param responder what to answer to which command
   * @param frames the frames
   * @param commandTimeout the command timeout
   * @param log the log
   * @param onEnd the on end
   */
  public WsPmuSession(
      PmuResponder responder,
      WsFrames frames,
      Duration commandTimeout,
      Consumer<String> log,
      Runnable onEnd) {
    this.responder = responder;
    this.frames = frames;
    this.commandTimeout = commandTimeout;
    this.log = log;
    this.onEnd = onEnd;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    // The idle time-out restarts with every frame, pings included: a client that pings and never
    // sends a command would hold its session for ever (slowloris). The command has a deadline.
    deadline =
        Thread.ofVirtual()
            .name("ws-pmu-command-deadline")
            .start(
                () -> {
                  try {
                    Thread.sleep(commandTimeout);
                  } catch (InterruptedException commandOrClose) {
                    return;
                  }
                  if (firstToDecide()) {
                    refuseSilentClient();
                  }
                });
    // Longer than the deadline, so that the deadline's 1008 close goes out first; it still drops
    // a client that never completes that close.
    session.setIdleTimeout(commandTimeout.multipliedBy(2));
    session.addIdleTimeoutListener(
        timeout -> {
          if (!firstToDecide()) {
            return true; // a silent client during the answer: let Jetty fail the session
          }
          refuseSilentClient();
          return false;
        });
  }

  @Override
  public void onWebSocketText(String text) {
    onCommand(text);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    String text = text(payload);
    callback.succeed();
    onCommand(text);
  }

  /** A binary frame's command: its bytes as UTF-8, malformed ones replaced (never an error). */
  static String text(ByteBuffer payload) {
    return StandardCharsets.UTF_8.decode(payload).toString();
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    stopDeadline();
    Thread thread = answering;
    if (thread != null) {
      thread.interrupt(); // the client left: stop pausing between messages
    }
    onEnd.run();
  }

  private void onCommand(String text) {
    if (!firstToDecide()) {
      return; // the PMU reads one command per session, as the lab's does
    }
    stopDeadline();
    PmuCommand command;
    try {
      command = PmuCommand.parse(text);
    } catch (IllegalArgumentException e) {
      refuse(e.getMessage());
      return;
    }
    answering = Thread.ofVirtual().name("ws-pmu-session").start(() -> answer(command));
  }

  private void answer(PmuCommand command) {
    Session s = session;
    String peer = Addresses.format(s.getRemoteSocketAddress());
    try {
      // The client may now wait up to d between two messages; only a longer silence is idle.
      Duration pause = command instanceof PmuCommand.Short sh ? sh.interval() : Duration.ZERO;
      s.setIdleTimeout(commandTimeout.plus(pause));
      String outcome = responder.answer(command, new Sink(s));
      s.close(StatusCode.NORMAL, "done", Callback.NOOP);
      log.accept(
          peer
              + " "
              + command.wire()
              + " -> "
              + outcome
              + " in "
              + Duration.ofNanos(System.nanoTime() - start).toMillis()
              + " ms");
    } catch (IOException e) {
      log.accept(peer + " " + command.wire() + " failed: " + e.getMessage());
      s.disconnect();
    }
  }

  /**
   * One WebSocket message per PMU message. With no pause between them (d = 0), up to {@link #BURST}
   * are queued in Jetty and written together; the floodme text is one message, sent from the shared
   * direct buffer when it goes as one binary frame.
   */
  private final class Sink implements PmuResponder.Sink {
    private final Session session;
    private int queued;

    Sink(Session session) {
      this.session = session;
    }

    @Override
    public void message(byte[] ascii, boolean now) throws IOException {
      if (now && queued == 0) {
        frames.send(session, ascii);
      } else if (!frames.queue(session, ascii)) {
        flush();
        frames.send(session, ascii);
      } else if (++queued == BURST || now) {
        flush();
      }
    }

    @Override
    public void flood(FloodText text) throws IOException {
      frames.send(session, SharedFloodBytes.of(text), responder::floodBuffer);
    }

    private void flush() throws IOException {
      frames.flush(session);
      queued = 0;
    }
  }

  /** The most d = 0 messages queued in Jetty before they are written. */
  static final int BURST = 256;

  /**
   * True for the first caller only: the command, the deadline or the idle time-out, whichever comes
   * first, decides what the session does.
   */
  private synchronized boolean firstToDecide() {
    if (commandSeen) {
      return false;
    }
    commandSeen = true;
    return true;
  }

  private void refuseSilentClient() {
    refuse("no command within " + commandTimeout.toMillis() + " ms");
  }

  private void stopDeadline() {
    Thread thread = deadline;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void refuse(String reason) {
    Session s = session;
    log.accept(Addresses.format(s.getRemoteSocketAddress()) + " refused: " + reason);
    s.close(StatusCode.POLICY_VIOLATION, truncate(reason), Callback.NOOP);
  }

  /** Cuts a close reason to what fits in a close frame, on a character boundary. */
  static String truncate(String reason) {
    byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_REASON_BYTES) {
      return reason;
    }
    int cut = MAX_REASON_BYTES - 3;
    while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
      cut--;
    }
    return new String(bytes, 0, cut, StandardCharsets.UTF_8) + "...";
  }

  /** Waits for a Jetty send to complete: the session's thread is virtual, so blocking is cheap. */
  static void await(Future<?> sent) throws IOException {
    try {
      sent.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while sending");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
    }
  }
}
