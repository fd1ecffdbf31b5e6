package lab3.apps.demo;

import java.io.PrintStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.pmu.PmuServer;
import lab3.transport.Endpoint;

/** Part 2: the PDC against the PMU emulator on ::1, for d=0, d=1 and floodme. */
final class Part2Demo implements DemoPart {
  static final int MESSAGES = 4;

  @Override
  public String title() {
    return "Part 2: packetization, PDC and PMU over TCP on ::1";
  }

  @Override
  public void run(PrintStream out) throws Exception {
    try (PmuServer pmu =
        PmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(MESSAGES)
            .build()
            .start()) {
      Endpoint endpoint = new Endpoint("::1", pmu.port());
      out.println("   PMU emulator on " + endpoint + ", " + MESSAGES + " messages per CMD_short");
      PmuClient client = PmuClient.builder().build();
      for (String command : List.of("CMD_short:0", "CMD_short:1", "CMD_floodme")) {
        List<String> messages = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        PmuResult r =
            client.send(
                endpoint,
                PmuCommand.parse(command),
                new PmuListener() {
                  @Override
                  public void onMessage(String message) {
                    messages.add(message);
                  }

                  @Override
                  public void onText(CharSequence chunk) {
                    text.append(chunk);
                  }
                });
        if (r.command() instanceof PmuCommand.Short) {
          if (messages.size() != MESSAGES) {
            throw new IllegalStateException(
                "expected " + MESSAGES + " messages, got " + messages.size());
          }
          out.printf(
              "   %-12s -> %d messages ('%s' .. '%s') in %d read() calls, %d bytes, %d ms%n",
              command,
              messages.size(),
              messages.getFirst(),
              messages.getLast(),
              r.reads(),
              r.bytes(),
              r.elapsed().toMillis());
        } else {
          out.printf(
              "   %-12s -> %d characters (%d bytes) in %d read() calls, %d ms; begins '%s'%n",
              command,
              text.length(),
              r.bytes(),
              r.reads(),
              r.elapsed().toMillis(),
              text.toString().lines().findFirst().orElse(""));
        }
      }
      out.println(
          "   Q9/Q10: with d=0 the messages share few segments; with d=1 each arrives alone."
              + " Q13: read() calls depend on segment sizes, buffer size and timing, not on send()s.");
    }
  }
}
