package lab3.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import lab3.netlab.LabEnvironment;
import lab3.reset.LossStatistics;
import lab3.reset.ResetResult;
import lab3.transport.Endpoint;
import lab3.transport.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabReportTest {
  @TempDir Path out;

  private ReportContext context(Captures captures, Optional<String> noCapture, int runs) {
    return new ReportContext(
        LabEnvironment.loopback(),
        captures,
        noCapture,
        out,
        3,
        runs,
        0.3,
        7,
        new String[] {"123456", "654321"},
        m -> {});
  }

  private static List<LabReport.Step> steps(String... names) {
    return LabReport.steps().stream().filter(s -> List.of(names).contains(s.name())).toList();
  }

  @Test
  void reportOnLoopbackAnswersEveryQuestionWithCountsTsharkConfirms() throws Exception {
    Captures captures = Captures.system();
    Optional<String> why = captures.unavailableReason();
    assumeTrue(why.isEmpty(), () -> "no capture here: " + why.orElse(""));
    List<String> progress = new ArrayList<>();
    LabReport.Run run =
        LabReport.run(context(captures, why, 20), "test", LabReport.steps(), progress::add);
    ReportFiles.write(run, out);

    assertEquals(LabReport.steps().size(), progress.size(), "one progress line per experiment");
    for (LabReport.Outcome o : run.outcomes()) {
      if (o.name().equals("part1")) {
        continue; // needs python3 and unshare: checked below when they worked
      }
      assertTrue(o.ok(), o.name() + " failed: " + o.failure());
    }
    String md = Files.readString(out.resolve("REPORT.md"));
    for (int q = 1; q <= 21; q++) {
      assertTrue(md.contains("### Q" + q + "\n"), "Q" + q + " missing");
    }
    assertTrue(Files.readString(out.resolve("report.html")).contains("<h3>Q21</h3>"));
    assertTrue(Files.readString(out.resolve("report.json")).contains("\"experiments\""));
    assertTrue(Files.exists(out.resolve("plots/part3-histogram.png")));

    Part2Experiment.Result p2 = run.result("part2", Part2Experiment.Result.class);
    Part5Experiment.Result p5 = run.result("part5", Part5Experiment.Result.class);
    List<StreamRun> all = new ArrayList<>(p2.runs());
    all.addAll(p5.runs());
    assertCountsAreTsharks(captures, out, all);
    StreamRun d1 = p2.run("CMD_short:1");
    assertEquals(3, d1.messages());
    assertEquals(3, d1.packets().intValue(), "d = 1: one segment per message, a second apart");
    assertTrue(md.contains("d = 1: **3 packets**"), md);

    Part3Experiment.Result p3 = run.result("part3", Part3Experiment.Result.class);
    assertEquals("IPv6", p3.family());
    assertEquals("IPv6", p3.wireFamily());
    assertEquals(20, p3.runs());

    Part1Experiment.Result p1 = run.result("part1", Part1Experiment.Result.class);
    if (p1 != null && p1.python() == null) {
      assertTrue(p1.ssAlone().contains("LISTEN"), p1.ssAlone());
      assertEquals(2, p1.ssConnected().lines().filter(l -> l.startsWith("ESTAB")).count());
      assertFalse(p1.noMoreDataWhileConnected());
      assertTrue(p1.noMoreDataAfterSigint());
    }
  }

  /** Each run's packet count is what tshark counts in its kept capture, with the same filter. */
  static void assertCountsAreTsharks(Captures captures, Path out, List<StreamRun> runs)
      throws Exception {
    for (StreamRun r : runs) {
      assertNotNull(r.packets(), r.command());
      Path file = out.resolve(r.capture());
      String port = r.countCommand().replaceAll(".*tcp\\.srcport==(\\d+).*", "$1");
      List<String> decode =
          switch (r.transport()) {
            case "TCP" -> List.of();
            case "TLS" -> List.of("-d", "tcp.port==" + port + ",tls");
            default -> List.of("-d", "tcp.port==" + port + ",http");
          };
      String filter =
          "tcp.srcport=="
              + port
              + " && tcp.len>0"
              + (r.transport().equals("WebSocket") ? " && !http" : "");
      assertEquals(
          captures.fields(file, decode, filter, "frame.number").size(),
          r.packets().intValue(),
          r.transport() + " " + r.command() + ": the report's count is tshark's");
      assertTrue(r.packets() > 0, r.command() + " captured no segment");
    }
  }

  @Test
  void withoutCaptureToolsThePacketAnswersSaySoAndTheRestIsMeasured() throws Exception {
    Captures none = Captures.of("/nonexistent/dumpcap", "/nonexistent/tshark");
    Optional<String> why = none.unavailableReason();
    assertTrue(why.isPresent());
    assertTrue(why.get().contains("dumpcap not found"), why.get());
    LabReport.Run run = LabReport.run(context(none, why, 5), "test", steps("part5"), p -> {});
    ReportFiles.write(run, out);
    String md = Files.readString(out.resolve("REPORT.md"));
    assertTrue(md.contains("Captures: none: " + why.get()), md);
    assertTrue(md.contains("**not measured (no capture)**"), md);
    Part5Experiment.Result p5 = run.result("part5", Part5Experiment.Result.class);
    assertNull(p5.run("CMD_short:0").packets());
    assertEquals(3, p5.run("CMD_short:0").calls(), "on_message is still counted");
    assertTrue(md.contains("`on_message` ran **3** times"), md);
  }

  @Test
  void aServerThatMisbehavesMidExperimentIsNamedAndTheOthersStillRun() throws Exception {
    try (ServerSocket rude = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual()
          .start(
              () -> {
                try (Socket s = rude.accept()) {
                  s.getInputStream().read(new byte[64]);
                  OutputStream o = s.getOutputStream();
                  o.write("This is PMU data 1This is PMU da".getBytes(StandardCharsets.US_ASCII));
                  o.flush();
                  s.setSoLinger(true, 0); // RST mid-message
                } catch (Exception ignored) {
                  // the test checks the client's side
                }
              });
      LabReport.Step broken =
          new LabReport.Step(
              "part2",
              "Q9-Q13",
              "Part 2 against a server that resets mid-answer",
              ctx ->
                  Part2Experiment.session(
                      ctx,
                      "part2",
                      rude.getLocalPort(),
                      new Endpoint("127.0.0.1", rude.getLocalPort()),
                      "CMD_short:0",
                      0));
      List<LabReport.Step> steps = new ArrayList<>();
      steps.add(broken);
      steps.addAll(steps("part4"));
      List<String> progress = new ArrayList<>();
      LabReport.Run run =
          LabReport.run(
              context(Captures.of("/nonexistent/dumpcap", "x"), Optional.of("test"), 5),
              "test",
              steps,
              progress::add);
      ReportFiles.write(run, out);
      assertFalse(run.outcome("part2").ok());
      assertTrue(run.outcome("part4").ok(), run.outcome("part4").failure());
      assertTrue(progress.getFirst().contains("part2") && progress.getFirst().contains("FAILED"));
      String md = Files.readString(out.resolve("REPORT.md"));
      assertTrue(md.contains("**Experiment part2 (Q9-Q13) failed**"), md);
      assertTrue(md.contains("Not measured: experiment part2 failed"), md);
      assertTrue(md.contains("swcmTV: Thank you"), "Part 4 still answered: " + md);
    }
  }

  @Test
  void q15IntervalHoldsTheConfiguredLossAsOftenAsA95PercentIntervalShould() {
    // A 95% interval misses one report in 20: "at least 95 of 100" fails about 4 times in 10
    // however right the logic is (this seed gave 93 of the first 100). So: 1,000 seeded reports of
    // the report's 100 runs, and a coverage no lower than 3 standard errors under 95% (92.9%).
    double loss = 0.3;
    Random random = new Random(2026);
    int held = 0;
    for (int report = 0; report < 1000; report++) {
      LossStatistics stats = new LossStatistics();
      ResetResult first = null;
      for (int run = 0; run < 100; run++) {
        int rounds = 1;
        while (random.nextDouble() < loss) {
          rounds++;
        }
        ResetResult r =
            new ResetResult(
                7,
                Family.IPV6,
                new InetSocketAddress("::1", 5004),
                rounds,
                Duration.ofMillis(rounds),
                Duration.ofMillis(1),
                Instant.EPOCH);
        first = first == null ? r : first;
        stats.add(r);
      }
      Part3Experiment.Result result =
          Part3Experiment.summarize(first, null, null, null, null, null, stats, loss, null);
      assertEquals(100, result.runs());
      assertEquals(stats.meanPacketsPerAck(), result.meanPackets());
      if (result.intervalHoldsConfiguredLoss()) {
        held++;
      }
    }
    assertTrue(held >= 929, "the 95% interval held the configured loss in " + held + " of 1000");
  }
}
