package lab3.transport;

import static com.google.common.base.Preconditions.checkNotNull;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One event of a {@link TcpTransport} connecting to one address of a name, as its {@link
 * TcpTransport.Builder#onAttempt listener} hears it: for {@code -v} output and tests.
 *
 * <p>Every attempt is first {@link Outcome#STARTED STARTED}, then exactly one of {@link
 * Outcome#CONNECTED CONNECTED} (it won: the transport returns its socket), {@link Outcome#FAILED
 * FAILED} (refused, unreachable or timed out: {@link #failure} says which) or {@link
 * Outcome#ABANDONED ABANDONED} (still waiting when another attempt connected, and closed). The
 * events of one {@code open} come on the thread that called it, in order.
 *
 * @param endpoint what the caller asked for (the name, not yet an address)
 * @param number 1 for the first address tried, 2 for the next, and so on
 * @param address the address and port this attempt connects to
 * @param outcome what happened
 * @param elapsed since {@code open} began: for {@code STARTED} when the attempt started, else when
 *     it ended
 * @param failure for {@code FAILED} why, as the operating system said it ("Connection refused");
 *     empty otherwise
 */
public record ConnectAttempt(
    Endpoint endpoint,
    int number,
    InetSocketAddress address,
    Outcome outcome,
    Duration elapsed,
    String failure) {

  /** What happened to an attempt. */
  public enum Outcome {
    /** The attempt sent its SYN and waits for an answer. */
    STARTED,
    /** The attempt connected first; its socket is the connection. */
    CONNECTED,
    /** The attempt was refused, found no route or timed out. */
    FAILED,
    /** Another attempt connected first; this one was closed unanswered. */
    ABANDONED
  }

  /** Validates the components. */
  public ConnectAttempt {
    checkNotNull(endpoint, "endpoint");
    checkNotNull(address, "address");
    checkNotNull(outcome, "outcome");
    checkNotNull(elapsed, "elapsed");
    checkNotNull(failure, "failure");
  }

  /**
   * One line for {@code -v}, e.g. {@code connect tcpip.lab:5003: attempt 2, 198.18.0.2:5003 (as
   * ::ffff:198.18.0.2 on the IPv6 socket) started at 250 ms}.
   *
   * @return the line, without a line break
   */
  public String describe() {
    StringBuilder line =
        new StringBuilder("connect ")
            .append(endpoint)
            .append(": attempt ")
            .append(number)
            .append(", ")
            .append(Addresses.format(address));
    if (outcome == Outcome.STARTED
        && address.getAddress() instanceof Inet4Address v4
        && !Boolean.getBoolean("java.net.preferIPv4Stack")) {
      line.append(" (as ::ffff:").append(v4.getHostAddress()).append(" on the IPv6 socket)");
    }
    line.append(
        switch (outcome) {
          case STARTED -> " started at ";
          case CONNECTED -> " connected at ";
          case FAILED -> " failed (" + failure + ") at ";
          case ABANDONED -> " abandoned (another attempt connected) at ";
        });
    return line.append(elapsed.toMillis()).append(" ms").toString();
  }
}
