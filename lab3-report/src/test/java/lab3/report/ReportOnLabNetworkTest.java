package lab3.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab3.multicast.MulticastChannel;
import lab3.netlab.LabEnvironment;
import lab3.netlab.LabHost;
import lab3.netlab.LabNetwork;
import lab3.netlab.NetlabEnvironment;
import lab3.netlab.ResetFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOnLabNetworkTest {
  private static final int N = 4;
  @TempDir Path out;

  /** Skips unless a lab network and captures can be made here; the capture tools. */
  private static Captures labNetworkAndCaptures() {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
    Captures captures = Captures.system();
    Optional<String> why = captures.unavailableReason();
    assumeTrue(why.isEmpty(), () -> "no capture here: " + why.orElse(""));
    return captures;
  }

  @Test
  void onTheLabNetworkFloodmeIsSegmentsOfAnMssAndShortOneIsOnePacketPerMessage() throws Exception {
    Captures captures = labNetworkAndCaptures();
    Optional<String> why = Optional.empty();
    try (NetlabEnvironment net =
        NetlabEnvironment.start(
            "rptnl" + ProcessHandle.current().pid(), 1500, NetlabEnvironment.DELAY)) {
      ReportContext ctx =
          new ReportContext(
              net, captures, why, out, N, 10, 0.3, 3, new String[] {"123456", "654321"}, m -> {});
      List<LabReport.Step> steps =
          LabReport.steps().stream().filter(s -> !s.name().equals("part1")).toList();
      LabReport.Run run = LabReport.run(ctx, "test", steps, p -> {});
      ReportFiles.write(run, out);
      for (LabReport.Outcome o : run.outcomes()) {
        assertTrue(o.ok(), o.name() + " failed: " + o.failure());
      }

      Part2Experiment.Result p2 = run.result("part2", Part2Experiment.Result.class);
      StreamRun flood = p2.run("CMD_floodme");
      assertEquals(45_771, flood.bytes());
      assertTrue(flood.packets() >= 32, "floodme at MTU 1500: " + flood.packets() + " packets");
      assertTrue(
          flood.segments().stream().allMatch(s -> s.bytes() <= 1440),
          "no segment above the MSS: " + flood.segments());
      StreamRun d1 = p2.run("CMD_short:1");
      assertEquals(N, d1.messages());
      assertEquals(N, d1.packets().intValue(), "d = 1: one packet per message");

      Part5Experiment.Result p5 = run.result("part5", Part5Experiment.Result.class);
      Part6Experiment.Result p6 = run.result("part6", Part6Experiment.Result.class);
      List<StreamRun> all = new ArrayList<>(p2.runs());
      all.addAll(p2.buffers());
      all.addAll(p5.runs());
      all.add(p6.session());
      FactorsExperiment.Result factors = run.result("factors", FactorsExperiment.Result.class);
      assertNull(factors.why());
      for (FactorsExperiment.Variant v : factors.variants()) {
        all.add(v.short0());
        all.add(v.flood());
      }
      LabReportTest.assertCountsAreTsharks(captures, out, all);
      FactorsExperiment.Variant jumbo =
          factors.variants().stream().filter(v -> v.mtu() == 9000).findFirst().orElseThrow();
      assertTrue(jumbo.flood().packets() < flood.packets(), "a larger MTU, fewer segments");

      Part3Experiment.Result p3 = run.result("part3", Part3Experiment.Result.class);
      assertEquals("IPv6", p3.wireFamily());
      assertTrue(p3.client().contains("tcpip.lab"), p3.client());
      Part4Experiment.Result p4 = run.result("part4", Part4Experiment.Result.class);
      assertEquals("224.1.1.1:5005", p4.group());
      assertEquals(2, p4.answers().size());
      assertEquals(
          Map.of(
              "no option", true, "IP_MULTICAST_TTL = 1 only", true, "IP_MULTICAST_IF only", true),
          p4.withOptions(),
          "on pc the route to 224.0.0.0/4 is the link: a sender needs no option");
      assertTrue(p6.protocol().startsWith("TLS"), p6.protocol());
      assertEquals(2, p6.chain().size(), "the server's certificate and the CA's");

      String md = Files.readString(out.resolve("REPORT.md"));
      assertTrue(md.contains("the lab network (netlab)"), "the profile is stated");
      assertTrue(md.contains("./lab3 netlab exec pc -- ./lab3 part2"), md);
      assertTrue(md.contains("## Part 6: TLS"), md);
    }
    assertTrue(
        Files.notExists(Path.of("/var/run/netns/rptnl" + ProcessHandle.current().pid() + "-pc")),
        "the network was removed");
  }

  @Test
  void againstOurOwnServeOnLabhostTheReportStartsNoEmulatorAndUsesTheLabPorts() throws Exception {
    Captures captures = labNetworkAndCaptures();
    Optional<String> why = Optional.empty();
    try (NetlabEnvironment net =
            NetlabEnvironment.start(
                "rptsv" + ProcessHandle.current().pid(), 1500, NetlabEnvironment.DELAY);
        LabHost serve =
            net.onServer(
                () ->
                    LabHost.start(
                        new LabHost.Config(
                            5003,
                            N,
                            N,
                            5004,
                            ResetFamily.V6,
                            0.2,
                            Duration.ofMinutes(1),
                            MulticastChannel.DEFAULT_GROUP,
                            5005,
                            NetworkInterface.getByName(net.serverInterface()),
                            Duration.ofMillis(100),
                            5006,
                            5007,
                            out.resolve("tls"),
                            null,
                            null),
                        m -> {}))) {
      LabEnvironment server =
          LabEnvironment.remote(
              "tcpip.lab", net.serverV4(), net.serverV6(), net.captureInterface(), net);
      ReportContext ctx =
          new ReportContext(
              server,
              captures,
              why,
              out,
              99,
              10,
              0.3,
              3,
              new String[] {"123456", "654321"},
              m -> {});
      List<LabReport.Step> steps =
          LabReport.steps().stream().filter(s -> !s.name().equals("part1")).toList();
      LabReport.Run run = LabReport.run(ctx, "test", steps, p -> {});
      ReportFiles.write(run, out);
      for (LabReport.Outcome o : run.outcomes()) {
        assertTrue(o.ok(), o.name() + " failed: " + o.failure());
      }
      Part2Experiment.Result p2 = run.result("part2", Part2Experiment.Result.class);
      assertEquals(N, p2.messages(), "n is the server's, not the report's 99");
      assertEquals(N, p2.run("CMD_short:1").packets().intValue());
      assertTrue(p2.run("CMD_floodme").packets() >= 32);
      LabReportTest.assertCountsAreTsharks(captures, out, p2.runs());
      Part3Experiment.Result p3 = run.result("part3", Part3Experiment.Result.class);
      assertTrue(Double.isNaN(p3.configuredLoss()), "the server's loss is not the report's");
      assertEquals("IPv6", p3.family());
      assertEquals(2, run.result("part4", Part4Experiment.Result.class).answers().size());
      assertEquals(N, run.result("part5", Part5Experiment.Result.class).messages());
      assertTrue(run.result("part6", Part6Experiment.Result.class).why() != null);
      assertTrue(run.result("factors", FactorsExperiment.Result.class).why() != null);
      String md = Files.readString(out.resolve("REPORT.md"));
      assertTrue(md.contains("the lab host tcpip.lab"), md);
      assertTrue(md.contains("the server's own loss is not known here"), md);
    }
  }
}
