package lab3.tests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lab3.netlab.LabNetwork;
import lab3.pmu.FloodText;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuServer;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Wireshark shows the student, counted from a live capture on labhost's link (tshark) with 5
 * ms of delay each way: the PMU's payload segments for the lab's Q9/Q10.
 */
class PacketCountsTest {
  private static LabNetwork lab;
  private static PmuServer twenty;
  private static PmuServer five;

  private String lastCapture = "";

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
    assumeTrue(
        found("dumpcap") && found("tshark"), "needs dumpcap and tshark (apt-get install tshark)");
    lab = LabNetwork.builder().delay(Duration.ofMillis(5)).start();
    twenty =
        lab.labhost()
            .call(
                () ->
                    PmuServer.builder()
                        .port(5003)
                        .messages(20)
                        .floodText(FloodText.builtIn())
                        .build()
                        .start());
    five = lab.labhost().call(() -> PmuServer.builder().port(5004).messages(5).build().start());
    startCapture();
  }

  @AfterAll
  static void stop() throws Exception {
    if (tshark != null) {
      tshark.destroy();
      tshark.waitFor(10, TimeUnit.SECONDS);
    }
    for (AutoCloseable thing : new AutoCloseable[] {twenty, five, lab}) {
      if (thing != null) {
        thing.close();
      }
    }
  }

  @Test
  void cmdShortZeroOfTwentyMessagesSharesAtMostFourSegmentsWithNagleOn() throws Exception {
    List<Integer> payloads = capture(5003, PmuCommand.Short.seconds(0));
    assertTrue(
        payloads.size() >= 1 && payloads.size() <= 4,
        "20 messages in " + payloads.size() + " payload packets: " + payloads + " " + lastCapture);
  }

  @Test
  void cmdShortOneOfFiveMessagesIsFivePayloadPackets() throws Exception {
    List<Integer> payloads = capture(5004, PmuCommand.Short.seconds(1));
    assertEquals(5, payloads.size(), "payload packets: " + payloads);
  }

  @Test
  void floodmeIsCutIntoSegmentsOfAtMostTheMss() throws Exception {
    int size = FloodText.builtIn().size();
    List<Integer> payloads = capture(5003, new PmuCommand.Floodme());
    assertEquals(size, payloads.stream().mapToInt(i -> i).sum(), "every byte captured once");
    assertTrue(payloads.size() >= 32, payloads.size() + " segments for " + size + " bytes");
    int mss = lab.mtu() - 20 - 20; // IPv4 and TCP headers
    assertTrue(
        payloads.stream().allMatch(n -> n <= mss), "a segment above " + mss + ": " + payloads);
  }

  /**
   * The payload sizes of the server's segments while the client runs {@code command}, from one live
   * capture ({@code tshark -l}, a line per packet). A connection attempt to a closed port is a
   * marker: the capture has seen everything before it once it prints the marker's packet.
   */
  private List<Integer> capture(int port, PmuCommand command) throws Exception {
    int begin = marker();
    lab.pc()
        .call(
            () ->
                PmuClient.builder()
                    .build()
                    .send(
                        new Endpoint(lab.labhost().ipv4().getHostAddress(), port),
                        command,
                        new PmuListener() {}));
    List<String> seen = new ArrayList<>();
    int end = marker();
    List<Integer> payloads = new ArrayList<>();
    boolean inside = false;
    for (String packet : packets) {
      String[] f = packet.split("\t");
      if (f.length < 3) {
        continue;
      }
      if (f[1].equals(Integer.toString(begin))) {
        inside = true;
      } else if (f[1].equals(Integer.toString(end))) {
        break;
      } else if (inside && f[0].equals(Integer.toString(port)) && !f[2].equals("0")) {
        payloads.add(Integer.parseInt(f[2]));
      }
      seen.add(packet);
    }
    lastCapture = String.join("; ", seen);
    return payloads;
  }

  private static final List<String> packets = new CopyOnWriteArrayList<>();
  private static final AtomicInteger markers = new AtomicInteger(6000);
  private static Process tshark;

  /** Knocks on a closed port of labhost until the capture shows it; returns the port. */
  private static int marker() throws Exception {
    int port = markers.incrementAndGet();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      lab.pc()
          .call(
              () -> {
                try (Socket knock = new Socket()) {
                  knock.connect(new InetSocketAddress(lab.labhost().ipv4(), port), 1000);
                } catch (IOException refused) {
                  // the RST is the point
                }
                return null;
              });
      for (int i = 0; i < 20; i++) {
        if (packets.stream().anyMatch(p -> p.contains("\t" + port + "\t"))) {
          return port;
        }
        Thread.sleep(25);
      }
    }
    throw new AssertionError("the capture never showed the marker " + port);
  }

  private static void startCapture() throws IOException {
    tshark =
        lab.labhost()
            .command(
                List.of(
                    "tshark",
                    "-i",
                    lab.labhost().interfaceName(),
                    "-l",
                    "-n",
                    "-f",
                    "tcp",
                    "-T",
                    "fields",
                    "-e",
                    "tcp.srcport",
                    "-e",
                    "tcp.dstport",
                    "-e",
                    "tcp.len"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(tshark.getInputStream(), StandardCharsets.UTF_8));
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try {
                String line;
                while ((line = lines.readLine()) != null) {
                  packets.add(line);
                }
              } catch (IOException ended) {
                // tshark stopped
              }
            });
  }

  private static boolean found(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
