package lab3.multicast;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/** Multicast on the loopback interface only, on a random group, so that test runs never meet. */
final class Loopback {
  static final Duration PATIENCE = Duration.ofSeconds(10);

  private Loopback() {}

  /** A random group in 239.0.0.0/8, the administratively scoped (site-local) block. */
  static InetAddress randomGroup() throws IOException {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return InetAddress.getByAddress(
        new byte[] {
          (byte) 239, (byte) r.nextInt(1, 255), (byte) r.nextInt(256), (byte) r.nextInt(1, 255)
        });
  }

  /** A channel on a random group and port 0, pinned to the loopback interface, TTL 1. */
  static MulticastChannel.Builder channel() throws IOException {
    return MulticastChannel.builder()
        .group(randomGroup())
        .port(0)
        .networkInterface(MulticastChannel.loopbackInterface())
        .ttl(1);
  }

  /** A second channel on the same group and port as {@code joined}. */
  static MulticastChannel.Builder sameGroup(MulticastChannel joined) {
    return MulticastChannel.builder()
        .group(joined.group())
        .port(joined.port())
        .networkInterface(MulticastChannel.loopbackInterface())
        .ttl(1);
  }

  /**
   * Receives until a message matches, and returns every message received, the matching one last.
   * Fails with a time-out if the group stays silent for {@link #PATIENCE}.
   */
  static List<MulticastMessage> receiveUntil(
      MulticastChannel channel, Predicate<MulticastMessage> last) throws IOException {
    List<MulticastMessage> seen = new ArrayList<>();
    while (true) {
      MulticastMessage m = channel.receive(PATIENCE);
      seen.add(m);
      if (last.test(m)) {
        return seen;
      }
    }
  }
}
