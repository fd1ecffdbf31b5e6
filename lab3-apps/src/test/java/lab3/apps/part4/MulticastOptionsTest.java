package lab3.apps.part4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.NetworkInterface;
import lab3.multicast.MulticastChannel;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

/**
 * Nothing the Part 4 commands send leaves the machine unless the user names an interface: the
 * default interface is the loopback one and the default TTL is 1, for every command that has the
 * options (part4-receiver, part4-sender, serve-tv).
 */
class MulticastOptionsTest {

  private static CommandLine parse(String... args) throws Exception {
    Options options = new Options();
    MulticastOptions.addInterface(options);
    MulticastOptions.addTtl(options);
    return new DefaultParser().parse(options, args);
  }

  @Test
  void withoutOptionsTheInterfaceIsLoopbackAndTheTtlIsOne() throws Exception {
    CommandLine none = parse();
    NetworkInterface chosen = MulticastOptions.networkInterface(none);
    assertEquals(MulticastChannel.loopbackInterface(), chosen);
    assertEquals(true, chosen.isLoopback(), chosen.getName());
    assertEquals(1, MulticastOptions.ttl(none));
  }

  @Test
  void aNamedInterfaceAndTtlAreUsed() throws Exception {
    CommandLine named = parse("--interface", "127.0.0.1", "--ttl", "5");
    assertEquals(MulticastChannel.loopbackInterface(), MulticastOptions.networkInterface(named));
    assertEquals(5, MulticastOptions.ttl(named));
  }

  @Test
  void aChannelBuiltWithoutOptionsSendsOnLoopbackWithTtlOne() throws Exception {
    try (MulticastChannel channel = MulticastChannel.builder().port(0).open()) {
      assertEquals(true, channel.networkInterface().isLoopback(), channel.toString());
      assertEquals(1, channel.ttl());
    }
    try (MulticastChannel channel = MulticastChannel.builder().port(0).ttl(7).open()) {
      assertEquals(7, channel.ttl());
    }
  }
}
