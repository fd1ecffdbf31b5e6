package lab3.tests.networks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import lab3.pmu.PmuServer;
import lab3.tests.CommandRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part 6 on a network: the TLS PMU on the server host with a certificate for the server's name
 * (made with {@code ./lab3 pki}), the {@code part6-pdc} command on the client host, trusting the CA
 * and checking the name.
 */
abstract class Part6Suite extends NetworkSuite {

  @TempDir static Path dir;

  @BeforeAll
  void makeTheCaAndTheServersCertificate() {
    makeCertificate(dir, network.serverName());
  }

  /**
   * Makes with {@code ./lab3 pki}, in {@code dir}: a CA ({@code ca/cacert.pem}), a key ({@code
   * key.pem}) and a certificate for {@code name} signed by the CA ({@code cert.pem}).
   */
  static void makeCertificate(Path dir, String name) {
    String ca = dir.resolve("ca").toString();
    String key = dir.resolve("key.pem").toString();
    String csr = dir.resolve("req.csr").toString();
    ok(CommandRun.of("pki", "ca", "--out", ca, "--algorithm", "ec"));
    ok(CommandRun.of("pki", "key", "--out", key, "--algorithm", "ec"));
    ok(CommandRun.of("pki", "csr", "--key", key, "--subject", "/O=EPFL/CN=" + name, "--out", csr));
    ok(
        CommandRun.of(
            "pki",
            "sign",
            "--ca",
            ca,
            "--csr",
            csr,
            "--san",
            name,
            "--out",
            dir.resolve("cert.pem").toString()));
  }

  private static void ok(CommandRun run) {
    assertEquals(0, run.status(), run.stderr());
  }

  private PmuServer pmu() throws Exception {
    return network.onServer(
        () ->
            PmuServer.builder()
                .tls(dir.resolve("cert.pem"), dir.resolve("key.pem"))
                .bindAddress(network.serverAnyAddress())
                .port(0)
                .messages(20)
                .floodText(FLOOD)
                .build()
                .start());
  }

  private CommandRun pdc(PmuServer pmu, String command) throws Exception {
    return network.lab3(
        "part6-pdc",
        command,
        dir.resolve("ca/cacert.pem").toString(),
        "--server",
        network.serverName(),
        "--port",
        Integer.toString(pmu.port()));
  }

  @Test
  void thePdcByTheServersNamePrintsTheTwentyMessages() throws Exception {
    try (PmuServer pmu = pmu()) {
      CommandRun run = pdc(pmu, "CMD_short:0");
      assertEquals(0, run.status(), run.stderr());
      assertEquals(TWENTY_LINES, run.out());
    }
  }

  @Test
  void thePdcFloodmeOfOneMebibytePrintsTheTextByteForByte() throws Exception {
    try (PmuServer pmu = pmu()) {
      CommandRun run = pdc(pmu, "CMD_floodme");
      assertEquals(0, run.status(), run.stderr());
      assertArrayEquals(floodmePrinted(), run.stdout(), network.describe());
    }
  }
}
