package lab3.multicast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MulticastChannelTest {

  @Test
  void aMessageSentToTheGroupArrivesWithItsIdTextAndSource() throws Exception {
    try (MulticastChannel receiver = Loopback.channel().open().join();
        MulticastChannel sender = Loopback.sameGroup(receiver).open()) {
      sender.send("123456", "But soft, what light through yonder window breaks?");
      MulticastMessage m = receiver.receive(Loopback.PATIENCE);
      assertEquals("123456", m.id());
      assertEquals("But soft, what light through yonder window breaks?", m.text());
      assertTrue(m.source().getAddress().isLoopbackAddress(), m.source().toString());
      assertTrue(m.wellFormed());
    }
  }

  @Test
  void joinWithPortZeroPicksAFreePort() throws Exception {
    try (MulticastChannel receiver = Loopback.channel().open().join()) {
      assertNotEquals(0, receiver.port());
      assertTrue(
          receiver.toString().endsWith(":" + receiver.port() + " on lo"), receiver.toString());
    }
  }

  @Test
  void aJoinedChannelHearsItselfOnLoopback() throws Exception {
    try (MulticastChannel channel = Loopback.channel().loopback(false).open().join()) {
      channel.send("654321", "echo");
      // On lo a datagram always comes back in, whatever IP_MULTICAST_LOOP says.
      assertEquals("echo", channel.receive(Loopback.PATIENCE).text());
    }
  }

  @Test
  void receiveTimesOutWhenTheGroupIsSilent() throws Exception {
    try (MulticastChannel receiver = Loopback.channel().open().join()) {
      assertThrows(SocketTimeoutException.class, () -> receiver.receive(Duration.ofMillis(50)));
    }
  }

  @Test
  void twoSendersAtOnceAreBothHeard() throws Exception {
    int each = 50;
    try (MulticastChannel receiver = Loopback.channel().open().join();
        MulticastChannel alice = Loopback.sameGroup(receiver).open();
        MulticastChannel bob = Loopback.sameGroup(receiver).open()) {
      CompletableFuture<Void> a = sendMany(alice, "111111", each);
      CompletableFuture<Void> b = sendMany(bob, "222222", each);
      Set<String> heard = new HashSet<>();
      while (heard.size() < 2 * each) {
        MulticastMessage m = receiver.receive(Loopback.PATIENCE);
        heard.add(m.id() + " " + m.text());
      }
      a.get(10, TimeUnit.SECONDS);
      b.get(10, TimeUnit.SECONDS);
      assertTrue(heard.contains("111111 message " + (each - 1)));
      assertTrue(heard.contains("222222 message 0"));
    }
  }

  private static CompletableFuture<Void> sendMany(MulticastChannel sender, String id, int n) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                for (int i = 0; i < n; i++) {
                  sender.send(id, "message " + i);
                }
                done.complete(null);
              } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
              }
            });
    return done;
  }

  @Test
  void malformedDatagramsAreReceivedWithWarningsAndTheChannelGoesOn() throws Exception {
    try (MulticastChannel receiver = Loopback.channel().open().join();
        MulticastChannel sender = Loopback.sameGroup(receiver).open()) {
      sender.sendRaw(new byte[] {'1', '2', '3'});
      sender.sendRaw(new byte[] {'1', '2', '3', '4', '5', '6', (byte) 0xFE, 'x'});
      sender.send("123456", "fine");
      MulticastMessage shortOne = receiver.receive(Loopback.PATIENCE);
      MulticastMessage badUtf8 = receiver.receive(Loopback.PATIENCE);
      MulticastMessage good = receiver.receive(Loopback.PATIENCE);
      assertEquals("123", shortOne.id());
      assertFalse(shortOne.wellFormed());
      assertEquals("\uFFFDx", badUtf8.text());
      assertFalse(badUtf8.wellFormed());
      assertEquals("fine", good.text());
      assertTrue(good.wellFormed());
    }
  }

  @Test
  void theLargestTextArrivesWholeInOneDatagram() throws Exception {
    try (MulticastChannel receiver = Loopback.channel().open().join();
        MulticastChannel sender = Loopback.sameGroup(receiver).open()) {
      String text = "é".repeat(receiver.maxTextBytes() / 2) + "x";
      sender.send("123456", text);
      assertEquals(text, receiver.receive(Loopback.PATIENCE).text());
    }
  }

  @Test
  void sendRefusesABadIdAndAnOversizedText() throws Exception {
    try (MulticastChannel sender = Loopback.channel().port(5005).open()) {
      assertThrows(IllegalArgumentException.class, () -> sender.send("12345", "x"));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> sender.send("123456", "x".repeat(sender.maxTextBytes() + 1)));
      assertTrue(e.getMessage().contains("65501"), e.getMessage());
    }
  }

  @Test
  void receiveNeedsJoinAndJoinMustComeBeforeTheFirstSend() throws Exception {
    try (MulticastChannel receiver = Loopback.channel().open().join();
        MulticastChannel channel = Loopback.sameGroup(receiver).open()) {
      assertThrows(IllegalStateException.class, channel::receive);
      channel.send("123456", "sent before join");
      assertThrows(IllegalStateException.class, channel::join);
      assertEquals("sent before join", receiver.receive(Loopback.PATIENCE).text());
    }
  }

  @Test
  void closingUnblocksAReceive() throws Exception {
    MulticastChannel receiver = Loopback.channel().open().join();
    CompletableFuture<MulticastMessage> pending = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                pending.complete(receiver.receive());
              } catch (IOException e) {
                pending.completeExceptionally(e);
              }
            });
    receiver.close();
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
    assertInstanceOf(IOException.class, e.getCause());
  }

  @Test
  void theBuilderRejectsBadValuesAtOnce() {
    assertThrows(
        IllegalArgumentException.class, () -> MulticastChannel.builder().group("127.0.0.1"));
    assertThrows(
        IllegalArgumentException.class, () -> MulticastChannel.builder().networkInterface("nope0"));
    assertThrows(IllegalArgumentException.class, () -> MulticastChannel.builder().ttl(256));
    assertThrows(IllegalArgumentException.class, () -> MulticastChannel.builder().port(65536));
  }

  @Test
  void anInterfaceCanBeNamedByItsAddress() {
    assertEquals(
        MulticastChannel.loopbackInterface(), MulticastChannel.interfaceNamed("127.0.0.1"));
    assertTrue(MulticastChannel.loopbackInterface().getName().startsWith("lo"));
  }

  @Test
  void theDefaultsAreTheLabsGroupAndPortOnLoopback() throws Exception {
    try (MulticastChannel channel = MulticastChannel.builder().open()) {
      assertEquals(InetAddress.getByName("224.1.1.1"), channel.group());
      assertEquals(5005, channel.port());
      assertEquals(MulticastChannel.loopbackInterface(), channel.networkInterface());
    }
  }

  @Test
  void anIpv6GroupWorksOnLoopbackWhereThePlatformAllowsIt() throws Exception {
    InetAddress group = InetAddress.getByName("ff02::1:" + Integer.toHexString(randomWord()));
    try (MulticastChannel receiver =
            MulticastChannel.builder()
                .group(group)
                .port(0)
                .networkInterface(MulticastChannel.loopbackInterface())
                .open()
                .join();
        MulticastChannel sender = Loopback.sameGroup(receiver).open()) {
      try {
        sender.send("123456", "over IPv6");
      } catch (SocketException e) {
        Assumptions.assumeTrue(
            false,
            "IPv6 multicast on the loopback interface is not possible here ("
                + e.getMessage()
                + "): Linux routes ff00::/8 only through interfaces with the MULTICAST flag,"
                + " which lo lacks (lab3-tests' Part4OverLabNetworkTest sends to ff15::1 across"
                + " the lab network's link instead)");
      }
      MulticastMessage m = receiver.receive(Loopback.PATIENCE);
      assertEquals("over IPv6", m.text());
      assertEquals(65_521, receiver.maxTextBytes());
    }
  }

  private static int randomWord() {
    return java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff);
  }

  @Test
  void theTestChannelsStayOnTheLoopbackInterface() throws Exception {
    try (MulticastChannel channel = Loopback.channel().open()) {
      assertTrue(channel.networkInterface().isLoopback());
      assertEquals((byte) 239, channel.group().getAddress()[0]);
    }
  }

  @Test
  void changingTheBuilderAfterOpenChangesNothingOfTheChannel() throws Exception {
    MulticastChannel.Builder builder = Loopback.channel();
    try (MulticastChannel opened = builder.open()) {
      InetAddress group = opened.group();
      builder.ttl(5).group(Loopback.randomGroup());
      assertEquals(1, opened.ttl());
      assertEquals(group, opened.group());
    }
  }
}
