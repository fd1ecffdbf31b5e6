package lab3.tests.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lab3.multicast.MulticastChannel;
import lab3.multicast.MulticastMessage;
import lab3.tests.CommandRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Part 4 on a network: the server host sends to a group (the lab's IPv4 group, and an IPv6 one), a
 * receiver that joined on the client host hears it, from the server host's address. TTL 1: the link
 * is one hop. On loopback the IPv6 group skips where lo cannot carry IPv6 multicast (Linux: lo has
 * no MULTICAST flag); across the lab network's link it must work.
 */
abstract class Part4Suite extends NetworkSuite {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @ParameterizedTest
  @ValueSource(strings = {"224.1.1.1", "ff15::1"})
  void aMessageSentOnTheServerHostReachesAReceiverOnTheClientHost(String groupName)
      throws Exception {
    InetAddress group = InetAddress.getByName(groupName);
    try (MulticastChannel receiver =
            network.onClient(
                () ->
                    MulticastChannel.builder()
                        .group(group)
                        .port(0)
                        .networkInterface(network.clientInterface())
                        .open()
                        .join());
        MulticastChannel sender =
            network.onServer(
                () ->
                    MulticastChannel.builder()
                        .group(group)
                        .port(receiver.port())
                        .networkInterface(network.serverInterface())
                        .open())) {
      try {
        sender.send("123456", "across the link to " + groupName);
      } catch (SocketException e) {
        assumeTrue(
            !(network.isLoopback() && group instanceof Inet6Address),
            "IPv6 multicast on the loopback interface is not possible here ("
                + e.getMessage()
                + "): Linux routes ff00::/8 only through interfaces with the MULTICAST flag,"
                + " which lo lacks; Part4OverLabNetworkTest runs it across a link");
        throw e;
      }
      MulticastMessage m = receiver.receive(PATIENCE);
      assertEquals("123456", m.id());
      assertEquals("across the link to " + groupName, m.text());
      StandardProtocolFamily family =
          group instanceof Inet6Address
              ? StandardProtocolFamily.INET6
              : StandardProtocolFamily.INET;
      assertEquals(network.serverAddress(family), m.source().getAddress(), network.describe());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"224.1.1.1", "ff15::1"})
  void thePart4SenderOnTheClientHostReachesAReceiverOnTheServerHost(String groupName)
      throws Exception {
    InetAddress group = InetAddress.getByName(groupName);
    assumeTrue(
        !(network.isLoopback() && group instanceof Inet6Address && !loopbackCarriesIpv6Multicast()),
        "IPv6 multicast on the loopback interface is not possible here: Linux routes ff00::/8"
            + " only through interfaces with the MULTICAST flag, which lo lacks;"
            + " Part4OverLabNetworkTest runs it across a link");
    try (MulticastChannel receiver =
        network.onServer(
            () ->
                MulticastChannel.builder()
                    .group(group)
                    .port(0)
                    .networkInterface(network.serverInterface())
                    .open()
                    .join())) {
      CommandRun run =
          network.lab3WithInput(
              "first line\nsecond line\n".getBytes(StandardCharsets.UTF_8),
              "part4-sender",
              "--interface",
              network.clientInterface(),
              groupName,
              Integer.toString(receiver.port()),
              "654321");
      assertEquals(0, run.status(), run.stderr());
      assertEquals("first line", receiver.receive(PATIENCE).text());
      assertEquals("second line", receiver.receive(PATIENCE).text());
    }
  }

  /** Whether a datagram to an IPv6 group can be sent by lo here. */
  private static boolean loopbackCarriesIpv6Multicast() throws Exception {
    try (MulticastChannel probe =
        MulticastChannel.builder().group("ff15::1").port(0).open().join()) {
      probe.send("000000", "probe");
      return true;
    } catch (SocketException e) {
      return false;
    }
  }
}
