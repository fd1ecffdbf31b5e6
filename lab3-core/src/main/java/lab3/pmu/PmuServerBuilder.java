package lab3.pmu;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import lab3.pmu.internal.PmuServerSettings;

/**
 * What every PMU emulator is configured with, whatever carries its bytes: where it listens, what it
 * sends and how it logs. The builders of the TCP (and TLS) PMU, {@link PmuServer.Builder}, and of
 * the WebSocket PMU, {@code lab3.ws.WsPmuServer.Builder}, both extend it and add what only their
 * transport has; the defaults and the validation live here once.
 *
 * <pre>{@code
 * static <B extends PmuServerBuilder<B>> B classroom(B builder) {
 *   return builder.messages(5, 30).commandTimeout(Duration.ofSeconds(5));
 * }
 * PmuServer tcp = classroom(PmuServer.builder()).build();
 * }</pre>
 *
 * <p>Every setter validates its argument at once and returns the builder itself, as its own type.
 * What a builder is told after {@code build()} never reaches the server built.
 *
 * @param <B> the concrete builder, which every setter returns
 */
public abstract class PmuServerBuilder<B extends PmuServerBuilder<B>> {
  static {
    PmuServerSettings.installBuilderAccess(builder -> builder.settings);
  }

  private final PmuServerSettings settings;

  /**
   * For Lab3's own builders; a subclass elsewhere gets the setters and nothing to build with them.
   *
   * @param defaultPort the lab's port for this kind of PMU
   * @param defaultName the name of the server's threads unless {@link #name} says another
   */
  protected PmuServerBuilder(int defaultPort, String defaultName) {
    this.settings = new PmuServerSettings(defaultPort, defaultName);
  }

  /** The settings given so far (not a copy: a server copies them when it is built). */
  final PmuServerSettings settings() {
    return settings;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * The local address to listen on; {@code ::} (every address, IPv6 and IPv4) by default.
   *
   * @param address the local address to listen on
   * @return this builder
   */
  public B bindAddress(InetAddress address) {
    settings.bindAddress(address);
    return self();
  }

  /**
   * 0 picks a free port (the server's {@code port()} says which); the lab's port by default (5003
   * for TCP, 5006 for WebSocket).
   *
   * @param port 0 to 65535 (0: a free port the system picks)
   * @return this builder
   */
  public B port(int port) {
    settings.port(port);
    return self();
  }

  /**
   * Every session sends exactly {@code n} messages (20 by default).
   *
   * @param n how many messages, at least 1
   * @return this builder
   */
  public B messages(int n) {
    return messages(n, n);
  }

  /**
   * Every session sends a number of messages drawn uniformly from [min, max].
   *
   * @param min the fewest messages, at least 1
   * @param max the most messages, at least {@code min}
   * @return this builder
   */
  public B messages(int min, int max) {
    settings.messages(min, max);
    return self();
  }

  /**
   * The number of the first message: 1 by default, as the lab text says; 0 as the course's server
   * numbered them in 2020-2021 ({@code This is PMU data 0}, ..., see the course profile of {@code
   * lab3.grading.Profile}).
   *
   * @param first 0 or 1
   * @return this builder
   */
  public B firstMessage(int first) {
    settings.firstMessage(first);
    return self();
  }

  /**
   * The floodme text; the built-in one by default.
   *
   * @param text the text {@code CMD_floodme} gets
   * @return this builder
   */
  public B floodText(FloodText text) {
    settings.floodText(text);
    return self();
  }

  /**
   * How long a client may take to send its command; 10 s by default. Over WebSocket also how long
   * it may stay silent beyond the d of its command.
   *
   * @param timeout how long a client may take to send its command; positive
   * @return this builder
   */
  public B commandTimeout(Duration timeout) {
    settings.commandTimeout(timeout);
    return self();
  }

  /**
   * The random source for message counts; seed it for repeatable tests.
   *
   * @param random the source of random draws; seed it for repeatable tests
   * @return this builder
   */
  public B random(Random random) {
    settings.random(random);
    return self();
  }

  /**
   * Receives one line per session and per failure; nothing by default.
   *
   * @param log receives one line per session and per failure
   * @return this builder
   */
  public B log(Consumer<String> log) {
    settings.log(log);
    return self();
  }

  /**
   * Names the server's threads.
   *
   * @param name the name of the server's threads
   * @return this builder
   */
  public B name(String name) {
    settings.name(name);
    return self();
  }
}
