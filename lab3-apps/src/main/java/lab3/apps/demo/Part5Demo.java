package lab3.apps.demo;

import java.io.PrintStream;
import java.net.InetAddress;
import java.util.List;
import lab3.pmu.FloodText;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.pmu.PmuServer;
import lab3.transport.Endpoint;
import lab3.ws.WsPmuClient;
import lab3.ws.WsPmuServer;
import lab3.ws.WsResult;

/**
 * Part 5 beside Part 2: the same commands to the TCP PMU and to the WebSocket PMU on ::1, counting
 * read() calls against on_message calls (Q20, Q21).
 */
final class Part5Demo implements DemoPart {
  static final int MESSAGES = 20;
  static final int FLOOD_BYTES = 1 << 20;

  @Override
  public String title() {
    return "Part 5: WebSocket PDC (OkHttp) and PMU (Jetty 12) on ::1, beside Part 2's TCP";
  }

  @Override
  public void run(PrintStream out) throws Exception {
    InetAddress loopback = InetAddress.getByName("::1");
    FloodText flood = FloodText.generated(FLOOD_BYTES);
    try (PmuServer tcp =
            PmuServer.builder()
                .bindAddress(loopback)
                .port(0)
                .messages(MESSAGES)
                .floodText(flood)
                .build()
                .start();
        WsPmuServer ws =
            WsPmuServer.builder()
                .bindAddress(loopback)
                .port(0)
                .messages(MESSAGES)
                .floodText(flood)
                .build()
                .start()) {
      Endpoint tcpAt = new Endpoint("::1", tcp.port());
      Endpoint wsAt = new Endpoint("::1", ws.port());
      out.println(
          "   TCP PMU on "
              + tcpAt
              + ", WebSocket PMU on "
              + WsPmuClient.url(wsAt)
              + " (binary frames); "
              + MESSAGES
              + " messages per CMD_short, floodme "
              + FLOOD_BYTES
              + " bytes");
      PmuClient tcpClient = PmuClient.builder().build();
      WsPmuClient wsClient = WsPmuClient.builder().build();
      PmuListener ignore = new PmuListener() {};
      out.printf("   %-12s | %-32s | %s%n", "command", "Part 2 (TCP)", "Part 5 (WebSocket)");
      for (String text : List.of("CMD_short:0", "CMD_floodme")) {
        PmuCommand command = PmuCommand.parse(text);
        PmuResult t = tcpClient.send(tcpAt, command, ignore);
        WsResult w = wsClient.exchange(wsAt, command, ignore);
        check(t.bytes() == w.pmu().bytes(), "the two PMUs sent different byte counts");
        if (command instanceof PmuCommand.Short) {
          check(w.pmu().messages() == MESSAGES, "expected " + MESSAGES + " WebSocket messages");
        } else {
          check(w.pmu().reads() == 1, "floodme came in " + w.pmu().reads() + " messages");
        }
        out.printf(
            "   %-12s | %-32s | %s%n",
            text,
            t.reads() + " read() calls, " + t.bytes() + " B",
            w.pmu().reads() + " on_message calls, close " + w.closeCode());
      }
      out.println(
          "   Q20/Q21: WebSocket frames carry message boundaries: one on_message per message, however"
              + " TCP cut the bytes; over plain TCP the PDC finds the boundaries itself.");
    }
  }

  private static void check(boolean ok, String failure) {
    if (!ok) {
      throw new IllegalStateException(failure);
    }
  }
}
