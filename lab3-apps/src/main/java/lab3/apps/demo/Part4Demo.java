package lab3.apps.demo;

import java.io.PrintStream;
import java.time.Duration;
import lab3.multicast.MulticastChannel;
import lab3.multicast.MulticastMessage;
import lab3.multicast.TvProgram;

/**
 * Part 4: the TV program, a receiver and two senders on a multicast group, all on the loopback
 * interface with TTL 1.
 */
final class Part4Demo implements DemoPart {
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final String SHORT = "What a lovely balcony scene!";
  private static final String LONG =
      ("Two households, both alike in dignity, and a TV program that answers long opinions. ")
          .repeat(4);

  @Override
  public String title() {
    return "Part 4: UDP multicast, TV program, receiver and two senders on lo";
  }

  @Override
  public void run(PrintStream out) throws Exception {
    var loopback = MulticastChannel.loopbackInterface();
    try (MulticastChannel receiver =
            MulticastChannel.builder().port(0).networkInterface(loopback).ttl(1).open().join();
        TvProgram tv =
            TvProgram.builder()
                .port(receiver.port())
                .networkInterface(loopback)
                .ttl(1)
                .interval(Duration.ofMillis(100))
                .build()
                .start();
        MulticastChannel alice = sender(receiver);
        MulticastChannel bob = sender(receiver)) {
      out.println("   " + tv + ", a line every 100 ms; the receiver (4.1) prints:");
      for (int i = 0; i < 3; i++) {
        show(out, receiver.receive(PATIENCE));
      }
      out.printf(
          "   sender 123456 sends %d characters, sender 654321 sends %d (4.2):%n",
          SHORT.length(), LONG.length());
      alice.send("123456", SHORT);
      bob.send("654321", LONG);
      while (true) {
        MulticastMessage m = receiver.receive(PATIENCE);
        if (m.id().equals(TvProgram.ID) && m.text().startsWith("Thank you")) {
          if (!m.text().contains("654321")) {
            throw new IllegalStateException("unexpected answer: " + m.text());
          }
          show(out, m);
          break;
        }
        if (!m.id().equals(TvProgram.ID)) {
          show(out, m);
        }
      }
      out.println(
          "   Q17: any UDP socket may send to a group; IP_MULTICAST_IF and IP_MULTICAST_TTL say"
              + " by which interface and how far. Q18: only the text over "
              + TvProgram.ANSWER_THRESHOLD
              + " characters got an answer.");
    }
  }

  private static MulticastChannel sender(MulticastChannel receiver) throws java.io.IOException {
    return MulticastChannel.builder()
        .group(receiver.group())
        .port(receiver.port())
        .networkInterface(receiver.networkInterface())
        .ttl(1)
        .open();
  }

  private static void show(PrintStream out, MulticastMessage m) {
    String text = m.text().length() > 80 ? m.text().substring(0, 77) + "..." : m.text();
    out.println("     | " + m.id() + ": " + text);
  }
}
