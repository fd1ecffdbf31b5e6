package lab3.pmu.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.net.InetAddresses;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import lab3.pmu.FloodText;
import lab3.pmu.PmuServerBuilder;
import lab3.transport.Addresses;
import lab3.transport.internal.Timeouts;

/**
 * What every PMU emulator is configured with, whatever carries its bytes (TCP, TLS, WebSocket):
 * where it listens and what it sends. The public builders' common part ({@link PmuServerBuilder},
 * which {@link lab3.pmu.PmuServer.Builder} and {@link lab3.ws.WsPmuServer.Builder} extend) keeps
 * its values here, so defaults and validation live once.
 */
public final class PmuServerSettings {
  private static volatile Function<PmuServerBuilder<?>, PmuServerSettings> builderAccess;

  private InetAddress bindAddress = InetAddresses.forString("::");
  private int port;
  private int minMessages = 20;
  private int maxMessages = 20;
  private FloodText floodText;
  private Duration commandTimeout = Duration.ofSeconds(10);
  private Random random = new Random();
  private Consumer<String> log = line -> {};
  private String name;
  private int firstMessage = 1;

  /** Called once, by {@code PmuServerBuilder}'s static initialiser. */
  public static void installBuilderAccess(Function<PmuServerBuilder<?>, PmuServerSettings> access) {
    if (builderAccess != null) {
      throw new IllegalStateException("installed already");
    }
    builderAccess = access;
  }

  /**
   * The settings {@code builder} has been given so far, not a copy: a server being built takes
   * {@link #copy()} of them.
   */
  public static PmuServerSettings of(PmuServerBuilder<?> builder) {
    return builderAccess.apply(builder);
  }

  public PmuServerSettings(int defaultPort, String defaultName) {
    this.port = defaultPort;
    this.name = defaultName;
  }

  /**
   * A copy, for the server being built: what the builder is told afterwards never reaches the
   * server. Copies every field (PmuServerSettingsTest checks that by reflection, so a field added
   * later is not forgotten).
   */
  public PmuServerSettings copy() {
    PmuServerSettings copy = new PmuServerSettings(port, name);
    copy.bindAddress = bindAddress;
    copy.minMessages = minMessages;
    copy.maxMessages = maxMessages;
    copy.floodText = floodText;
    copy.firstMessage = firstMessage;
    copy.commandTimeout = commandTimeout;
    copy.random = random;
    copy.log = log;
    return copy;
  }

  public void bindAddress(InetAddress address) {
    this.bindAddress = checkNotNull(address, "address");
  }

  public void port(int port) {
    checkArgument(port >= 0 && port <= 65535, "port must be 0 to 65535, got %s", port);
    this.port = port;
  }

  public void messages(int min, int max) {
    checkArgument(min >= 1, "at least one message, got %s", min);
    checkArgument(max >= min, "max %s is below min %s", max, min);
    this.minMessages = min;
    this.maxMessages = max;
  }

  public void firstMessage(int first) {
    checkArgument(first == 0 || first == 1, "messages are numbered from 0 or 1, not %s", first);
    this.firstMessage = first;
  }

  public int firstMessage() {
    return firstMessage;
  }

  public void floodText(FloodText text) {
    this.floodText = checkNotNull(text, "text");
  }

  public void commandTimeout(Duration timeout) {
    Timeouts.check("command time-out", timeout);
    checkArgument(!timeout.isZero(), "command time-out must be positive");
    this.commandTimeout = timeout;
  }

  public void random(Random random) {
    this.random = checkNotNull(random, "random");
  }

  public void log(Consumer<String> log) {
    this.log = checkNotNull(log, "log");
  }

  public void name(String name) {
    this.name = checkNotNull(name, "name");
  }

  public InetAddress bindAddress() {
    return bindAddress;
  }

  public int port() {
    return port;
  }

  /** The floodme text: the one set, or the built-in one (read once, when first asked). */
  public FloodText floodText() {
    if (floodText == null) {
      floodText = FloodText.builtIn();
    }
    return floodText;
  }

  public Duration commandTimeout() {
    return commandTimeout;
  }

  public Consumer<String> log() {
    return log;
  }

  public String name() {
    return name;
  }

  /** How many messages the next {@code CMD_short} session sends: fixed, or drawn from the range. */
  public IntSupplier messageCount() {
    int min = minMessages;
    int max = maxMessages;
    Random source = random;
    return min == max ? () -> min : () -> min + source.nextInt(max - min + 1);
  }

  /** The error for a port that cannot be bound, naming the address as people write it. */
  public BindException bindFailure(Exception cause) {
    BindException failure =
        new BindException(
            "cannot listen on "
                + Addresses.format(new InetSocketAddress(bindAddress, port))
                + ": "
                + cause.getMessage());
    failure.initCause(cause);
    return failure;
  }
}
