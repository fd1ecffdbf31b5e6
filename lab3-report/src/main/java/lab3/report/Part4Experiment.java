package lab3.report;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab3.multicast.MulticastChannel;
import lab3.multicast.MulticastMessage;
import lab3.multicast.TvProgram;
import lab3.netlab.LabEnvironment;

/**
 * Q16 to Q18: the TV program emulator, a receiver and two senders (the two CAMIPRO numbers) on one
 * multicast group with TTL 1: on loopback all on {@code lo}; on the lab network the TV program on
 * labhost, the receiver and the senders on pc, on the group 224.1.1.1:5005 of the lab. Each sender
 * sends a text of more than 300 characters; the report keeps what the receiver saw.
 */
public final class Part4Experiment {
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Duration OPTION_PATIENCE = Duration.ofSeconds(3);
  static final int PROGRAM_LINES = 4;

  /**
   * @param group the group and port (the port is a free one: the lab's 5005 is for namespaces)
   * @param program the first lines of the TV program the receiver printed ({@code id: text})
   * @param sent characters each CAMIPRO's sender sent
   * @param delivered whether the receiver saw each sender's own datagram
   * @param answers the TV program's answer to each sender, as the receiver printed it
   * @param senderOptions the socket options our senders set
   * @param withOptions for a sender with only the options named (or none), whether the TV program
   *     answered it; null unless the client's host is a namespace with no route out (a sender
   *     without IP_MULTICAST_IF follows the default route, off this machine)
   */
  public record Result(
      String group,
      List<String> program,
      Map<String, Integer> sent,
      Map<String, Boolean> delivered,
      Map<String, String> answers,
      String senderOptions,
      Map<String, Boolean> withOptions) {}

  /** Q17's senders: the options each sets, and the id it sends with. */
  static final Map<String, String> OPTION_SENDERS =
      Map.of(
          "no option",
          "100001",
          "IP_MULTICAST_TTL = 1 only",
          "100002",
          "IP_MULTICAST_IF only",
          "100003");

  private Part4Experiment() {}

  public static Result run(ReportContext ctx) throws Exception {
    LabEnvironment net = ctx.network();
    try (MulticastChannel receiver =
            net.onClient(
                () ->
                    MulticastChannel.builder()
                        .port(net.port(MulticastChannel.DEFAULT_PORT))
                        .networkInterface(net.captureInterface())
                        .ttl(1)
                        .open()
                        .join());
        TvProgram tv =
            net.startsServers()
                ? net.onServer(
                    () ->
                        TvProgram.builder()
                            .port(receiver.port())
                            .networkInterface(NetworkInterface.getByName(net.serverInterface()))
                            .ttl(1)
                            .interval(Duration.ofMillis(100))
                            .build()
                            .start())
                : null) {
      List<String> program = new ArrayList<>();
      while (program.size() < PROGRAM_LINES) {
        MulticastMessage m = receiver.receive(PATIENCE);
        if (m.id().equals(TvProgram.ID)) {
          program.add(m.id() + ": " + m.text());
        }
      }
      Map<String, Integer> sent = new LinkedHashMap<>();
      Map<String, Boolean> delivered = new LinkedHashMap<>();
      Map<String, String> answers = new LinkedHashMap<>();
      for (String camipro : ctx.camipro()) {
        String text = opinion(camipro);
        try (MulticastChannel sender = net.onClient(() -> sender(receiver))) {
          sender.send(camipro, text);
        }
        sent.put(camipro, text.length());
        delivered.put(camipro, false);
        while (!answers.containsKey(camipro)) {
          MulticastMessage m = receiver.receive(PATIENCE);
          if (m.id().equals(camipro) && m.text().equals(text)) {
            delivered.put(camipro, true);
          } else if (m.id().equals(TvProgram.ID) && m.text().contains(camipro)) {
            answers.put(camipro, m.id() + ": " + m.text());
          }
        }
      }
      return new Result(
          receiver.group().getHostAddress() + ":" + receiver.port(),
          program,
          sent,
          delivered,
          answers,
          "IP_MULTICAST_IF = " + net.captureInterface() + ", IP_MULTICAST_TTL = 1",
          net.isolated() ? withOptions(net, receiver) : null);
    }
  }

  /**
   * Sends from plain sockets that set one option or none and waits (a few seconds) for the TV
   * program's answer to each: which options a sender needs.
   */
  private static Map<String, Boolean> withOptions(LabEnvironment net, MulticastChannel receiver)
      throws Exception {
    Map<String, Boolean> answered = new LinkedHashMap<>();
    InetSocketAddress group = new InetSocketAddress(receiver.group(), receiver.port());
    for (var e : new java.util.TreeMap<>(OPTION_SENDERS).entrySet()) {
      answered.put(e.getKey(), false);
      net.onClient(
          () -> {
            try (DatagramChannel plain = DatagramChannel.open(StandardProtocolFamily.INET)) {
              if (e.getKey().contains("TTL")) {
                plain.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
              } else if (e.getKey().contains("IF")) {
                plain.setOption(
                    StandardSocketOptions.IP_MULTICAST_IF,
                    NetworkInterface.getByName(net.captureInterface()));
              }
              plain.send(
                  ByteBuffer.wrap(MulticastMessage.encode(e.getValue(), opinion(e.getValue()))),
                  group);
            }
            return null;
          });
    }
    long deadline = System.nanoTime() + OPTION_PATIENCE.toNanos();
    while (answered.containsValue(false) && System.nanoTime() < deadline) {
      MulticastMessage m;
      try {
        m = receiver.receive(OPTION_PATIENCE);
      } catch (SocketTimeoutException timeout) {
        break;
      }
      if (m.id().equals(TvProgram.ID)) {
        for (var e : OPTION_SENDERS.entrySet()) {
          if (m.text().contains(e.getValue())) {
            answered.put(e.getKey(), true);
          }
        }
      }
    }
    return answered;
  }

  static String opinion(String camipro) {
    return ("Subscriber "
            + camipro
            + " thinks the balcony scene is the finest of the play, and"
            + " that the nurse deserves a play of her own. ")
        .repeat(3);
  }

  private static MulticastChannel sender(MulticastChannel receiver) throws IOException {
    return MulticastChannel.builder()
        .group(receiver.group())
        .port(receiver.port())
        .networkInterface(receiver.networkInterface())
        .ttl(1)
        .open();
  }
}
