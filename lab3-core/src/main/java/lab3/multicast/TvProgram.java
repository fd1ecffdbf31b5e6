package lab3.multicast;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lab3.multicast.internal.Recorder;
import lab3.multicast.internal.RepeatedLog;
import lab3.transport.Addresses;

/**
 * An emulator of the lab's broadcaster (Part 4), "Swisscom Internet TV": multicasts a play line by
 * line under the ID {@code swcmTV}, one line per interval; after the last line it sends {@link
 * #REWIND} and starts over. It also listens to the group: a subscriber (any other ID) that sends a
 * text longer than {@link #ANSWER_THRESHOLD} characters gets an answer on the group, under {@code
 * swcmTV}, that names the subscriber's ID and the length received (see {@link #answer}). When
 * asked, it records every message it sees, its own included, to a file, one line each.
 *
 * <pre>{@code
 * try (TvProgram tv = TvProgram.builder().port(0).interval(Duration.ofMillis(100)).build().start()) {
 *   int port = tv.port();
 *   ...
 * }
 * }</pre>
 *
 * <p>Two virtual threads do the work, one sending the play and one receiving; both share one
 * socket, joined to the group on the chosen interface (the loopback interface by default). An
 * interface removed and made again under the same name is noticed at the next send, which fails:
 * the program joins the group on the new one and sends the line again. A failure that repeats every
 * interval is logged once, then at the 10th, 100th... time with its count.
 */
public final class TvProgram implements Closeable {
  /** The program's sender ID. */
  public static final String ID = "swcmTV";

  /** Texts longer than this many characters are answered; this many or fewer are not. */
  public static final int ANSWER_THRESHOLD = 300;

  /** Sent after the last line of the script, before the program starts over. */
  public static final String REWIND = "*** End of tonight's excerpt: the program starts over ***";

  private final MulticastChannel.Builder channelBuilder;
  private final GroupChannel.Opener opener;
  private final Duration interval;
  private final List<String> script;
  private final Path recordFile;
  private final Consumer<String> log;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final RepeatedLog sendFailures;
  private GroupChannel channel;
  private Recorder recorder;
  private Thread broadcaster;
  private Thread listener;
  private volatile boolean closed;

  private TvProgram(Builder builder) {
    this.channelBuilder = builder.channel.copy(); // the builder may go on changing
    this.opener = builder.opener;
    this.interval = builder.interval;
    this.script = builder.script;
    this.recordFile = builder.recordFile;
    this.log = builder.log;
    this.sendFailures = new RepeatedLog(log);
  }

  /**
   * A builder with the lab's defaults (224.1.1.1:5005 on {@code lo}, TTL 1).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The opening of Romeo and Juliet (public domain), one speech or verse a line.
   *
   * @return the opening of Romeo and Juliet (public domain), one speech or verse a line
   */
  public static List<String> builtInScript() {
    try (InputStream in = TvProgram.class.getResourceAsStream("romeo-opening.txt")) {
      checkState(in != null, "resource lab3/multicast/romeo-opening.txt is missing from the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The lines of a UTF-8 text file, as a script.
   *
   * @param file a UTF-8 text file, one line per message
   * @return the lines of a UTF-8 text file, as a script
   * @throws IOException if the I/O fails
   */
  public static List<String> scriptFrom(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  /**
   * The program's answer to a subscriber's long text.
   *
   * @param subscriberId the subscriber's six-character ID
   * @param characters how many characters the subscriber's message had
   * @return the program's answer to a subscriber's long text
   */
  public static String answer(String subscriberId, int characters) {
    return "Thank you, subscriber "
        + subscriberId
        + ": we received your message of "
        + characters
        + " characters.";
  }

  /**
   * Joins the group, opens the record file if any, and starts broadcasting and listening.
   *
   * @return this tv program, listening
   * @throws IOException if the I/O fails
   */
  public synchronized TvProgram start() throws IOException {
    checkState(channel == null, "already started");
    GroupChannel joined = opener != null ? opener.open() : joined(channelBuilder.open());
    try {
      if (recordFile != null) {
        recorder = Recorder.appendingTo(recordFile);
      }
    } catch (IOException | RuntimeException e) {
      joined.close();
      throw e;
    }
    channel = joined;
    log.accept(
        "TV program on "
            + channel
            + ", a line every "
            + interval.toMillis()
            + " ms"
            + (recordFile == null ? "" : ", recording to " + recordFile));
    listener = Thread.ofVirtual().name("tv-listener").start(this::listen);
    broadcaster = Thread.ofVirtual().name("tv-broadcaster").start(this::broadcast);
    return this;
  }

  private static MulticastChannel joined(MulticastChannel channel) throws IOException {
    try {
      return channel.join();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * The group's port: the chosen one when built with port 0.
   *
   * @return the group's port: the chosen one when built with port 0
   */
  public int port() {
    checkState(channel != null, "not started");
    return channel.port();
  }

  /** The group, port and interface it broadcasts on, e.g. {@code 224.1.1.1:5005 on lo}. */
  @Override
  public String toString() {
    return channel == null ? "TV program (not started)" : "TV program on " + channel;
  }

  private void broadcast() {
    try {
      while (!closed) {
        for (String line : script) {
          if (!sendAndWait(line)) {
            return;
          }
        }
        if (!sendAndWait(REWIND)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** False once the program is closed. */
  private boolean sendAndWait(String text) throws InterruptedException {
    send(text);
    return !closed && !stop.await(interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Sends one line. A failure may mean that the interface was removed and made again: then the
   * channel joins the group on the new one and the line goes out again. A failure that repeats is
   * logged once, with its count (see {@link RepeatedLog}).
   */
  private void send(String text) {
    IOException failure;
    try {
      channel.send(ID, text);
      sendFailures.success();
      return;
    } catch (IOException e) {
      failure = e;
    }
    if (closed) {
      return;
    }
    try {
      if (channel.rejoinIfInterfaceChanged()) {
        sendFailures.success();
        log.accept(
            "the interface "
                + (channel instanceof MulticastChannel real
                    ? real.networkInterface().getName()
                    : "?")
                + " was removed and made again: joined "
                + channel
                + " again, sending the line again");
        channel.send(ID, text);
        return;
      }
    } catch (IOException e) {
      failure = e;
    }
    if (!closed) {
      sendFailures.failure("send failed: " + failure.getMessage());
    }
  }

  private void listen() {
    while (!closed) {
      MulticastMessage message;
      try {
        message = channel.receive();
      } catch (IOException e) {
        if (!closed) {
          log.accept("receive failed, the program stops listening: " + e.getMessage());
        }
        return;
      }
      try {
        seen(message);
      } catch (IOException e) {
        if (!closed) {
          log.accept(
              "failed on a message from "
                  + Addresses.format(message.source())
                  + ": "
                  + e.getMessage());
        }
      }
    }
  }

  private void seen(MulticastMessage message) throws IOException {
    if (recorder != null) {
      recorder.record(message);
    }
    if (!message.wellFormed()) {
      log.accept(
          "malformed datagram from "
              + Addresses.format(message.source())
              + ": "
              + message.warnings());
    }
    boolean subscriber =
        message.id().length() == MulticastMessage.ID_LENGTH && !message.id().equals(ID);
    if (subscriber && message.length() > ANSWER_THRESHOLD) {
      channel.send(ID, answer(message.id(), message.length()));
      log.accept(
          "answered "
              + message.id()
              + " at "
              + Addresses.format(message.source())
              + ": "
              + message.length()
              + " characters");
    }
  }

  /** Stops both threads, leaves the group and closes the record file. */
  @Override
  public synchronized void close() throws IOException {
    if (closed || channel == null) {
      closed = true;
      return;
    }
    closed = true;
    stop.countDown();
    channel.close();
    try {
      broadcaster.join();
      listener.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (recorder != null) {
      recorder.close();
    }
  }

  /** Configures a {@link TvProgram}; every setter validates its argument at once. */
  public static final class Builder {
    private final MulticastChannel.Builder channel = MulticastChannel.builder();
    private Duration interval = Duration.ofSeconds(1);
    private List<String> script;
    private Path recordFile;
    private Consumer<String> log = line -> {};
    private GroupChannel.Opener opener;

    private Builder() {}

    /**
     * Where the program joins its group: for tests, an in-memory group ({@code
     * lab3.testing.InMemoryGroup}); by default a {@link MulticastChannel} with this builder's
     * group, port, interface and TTL, which are then not used.
     *
     * @param opener opens a joined channel when the program starts
     * @return this builder
     */
    public Builder channel(GroupChannel.Opener opener) {
      this.opener = checkNotNull(opener, "opener");
      return this;
    }

    /**
     * 224.1.1.1 by default.
     *
     * @param group a multicast group address (224.0.0.0/4 or ff00::/8)
     * @return this builder
     */
    public Builder group(InetAddress group) {
      channel.group(group);
      return this;
    }

    /**
     * The group as a literal ({@code 239.1.2.3}) or a host name.
     *
     * @param group a multicast group address (224.0.0.0/4 or ff00::/8)
     * @return this builder
     */
    public Builder group(String group) {
      channel.group(group);
      return this;
    }

    /**
     * 5005 by default; 0 picks a free port (see {@link TvProgram#port()}).
     *
     * @param port the group's port, 0 to 65535 (0: a free port)
     * @return this builder
     */
    public Builder port(int port) {
      channel.port(port);
      return this;
    }

    /**
     * The loopback interface by default.
     *
     * @param networkInterface the interface, e.g. {@link MulticastChannel#loopbackInterface()}
     * @return this builder
     */
    public Builder networkInterface(NetworkInterface networkInterface) {
      channel.networkInterface(networkInterface);
      return this;
    }

    /**
     * 1 by default: the datagrams stay on the local network.
     *
     * @param ttl how many routers a datagram may cross, 0 to 255 (1: this network only)
     * @return this builder
     */
    public Builder ttl(int ttl) {
      channel.ttl(ttl);
      return this;
    }

    /**
     * On by default (on the loopback interface datagrams come back whatever this says).
     *
     * @param loopback whether this host's own sockets get a copy of what it sends
     * @return this builder
     */
    public Builder loopback(boolean loopback) {
      channel.loopback(loopback);
      return this;
    }

    /**
     * Time between two lines; 1 s by default, as short as 1 ms for tests.
     *
     * @param interval how long to wait between two lines
     * @return this builder
     */
    public Builder interval(Duration interval) {
      checkNotNull(interval, "interval");
      checkArgument(
          interval.compareTo(Duration.ofMillis(1)) >= 0,
          "interval must be at least 1 ms: %s",
          interval);
      this.interval = interval;
      return this;
    }

    /**
     * The lines to broadcast, blank ones left out; {@link #builtInScript()} by default.
     *
     * @throws IllegalArgumentException if no line is left, or one does not fit in a datagram
     * @param lines the lines, in order
     * @return this builder
     */
    public Builder script(List<String> lines) {
      List<String> kept = lines.stream().filter(line -> !line.isBlank()).toList();
      checkArgument(!kept.isEmpty(), "the script has no line to broadcast");
      kept.forEach(line -> MulticastMessage.encode(ID, line));
      this.script = kept;
      return this;
    }

    /**
     * Appends every message seen to this file, one line each; no recording by default.
     *
     * @param file the file to append to; made if missing
     * @return this builder
     */
    public Builder record(Path file) {
      this.recordFile = checkNotNull(file, "file");
      return this;
    }

    /**
     * Stamps what is recorded; the system clock by default.
     *
     * @param clock stamps each message received; the system's by default
     * @return this builder
     */
    public Builder clock(Clock clock) {
      channel.clock(clock);
      return this;
    }

    /**
     * Receives one line per answer, failure and malformed datagram; nothing by default.
     *
     * @param log receives one line per event (start, answers, failures)
     * @return this builder
     */
    public Builder log(Consumer<String> log) {
      this.log = checkNotNull(log, "log");
      return this;
    }

    /**
     * A program, not yet on the air: call {@link TvProgram#start()}.
     *
     * @return the new tv program
     */
    public TvProgram build() {
      if (script == null) {
        script(builtInScript());
      }
      return new TvProgram(this);
    }
  }
}
