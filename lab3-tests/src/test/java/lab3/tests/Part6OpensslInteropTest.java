package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuServer;
import lab3.tls.TlsTransport;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Part 6 against the tools graders and students use: every file {@code ./lab3 pki} writes is
 * accepted by openssl and the other way round, and the TLS PMU serves {@code openssl s_client} and
 * Python's {@code ssl} module. Skipped, with the reason, where openssl (or python3) is missing.
 */
class Part6OpensslInteropTest {
  private static final int MESSAGES = 5;
  private static final String PYTHON_CLIENT =
      """
      import socket, ssl, sys
      cafile, port = sys.argv[1], int(sys.argv[2])
      context = ssl.create_default_context(cafile=cafile)
      with socket.create_connection(("localhost", port)) as raw:
          with context.wrap_socket(raw, server_hostname="localhost") as tls:
              tls.sendall(b"CMD_short:0")
              data = b""
              while True:
                  chunk = tls.recv(4096)
                  if not chunk:
                      break
                  data += chunk
              print(tls.version(), tls.cipher()[0], file=sys.stderr)
      print(data.decode().replace("This", "\\nThis").strip())
      """;

  @TempDir Path dir;
  private final BlockingQueue<String> log = new LinkedBlockingQueue<>();

  @BeforeAll
  static void needsOpenssl() {
    assumeTrue(Tools.available("openssl", "version"), "openssl is not installed");
  }

  @BeforeEach
  void makePki() {
    Tools.pki(dir);
  }

  private Tools.Result openssl(String... args) throws IOException {
    String[] command = new String[args.length + 1];
    command[0] = "openssl";
    System.arraycopy(args, 0, command, 1, args.length);
    return Tools.run(dir, null, command);
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  private PmuServer tlsPmu(String cert, String key) throws IOException {
    return PmuServer.builder()
        .tls(dir.resolve(cert), dir.resolve(key))
        .bindAddress(InetAddress.getLoopbackAddress())
        .port(0)
        .messages(MESSAGES)
        .log(log::add)
        .build()
        .start();
  }

  private List<String> pdc(int port, Path caFile) throws IOException {
    List<String> messages = new ArrayList<>();
    PmuClient.builder()
        .transport(TlsTransport.builder().trust(caFile).build())
        .build()
        .send(
            new Endpoint("localhost", port),
            PmuCommand.parse("CMD_short:0"),
            new PmuListener() {
              @Override
              public void onMessage(String message) {
                messages.add(message);
              }
            });
    return messages;
  }

  @Test
  void opensslVerifyAcceptsWhatPkiSignIssues() throws Exception {
    Tools.Result verify =
        openssl("verify", "-CAfile", path("ca/cacert.pem"), path("cert.pem")).ok();
    Tools.Result csr = openssl("req", "-in", path("req.csr"), "-noout", "-verify").ok();
    Tools.Result names =
        openssl("x509", "-in", path("cert.pem"), "-noout", "-ext", "subjectAltName").ok();

    assertEquals(path("cert.pem") + ": OK", verify.out().strip());
    assertTrue((csr.out() + csr.err()).contains("verify OK"), csr.err());
    assertTrue(
        names.out().contains("DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1"),
        names.out());
  }

  @Test
  void pkiSignAcceptsAnOpensslReqCsr() throws Exception {
    openssl("genrsa", "-out", path("o_key.pem"), "2048").ok();
    opensslRequestSignedByPki("/C=CH/O=EPFL/CN=localhost");

    openssl("verify", "-CAfile", path("ca/cacert.pem"), path("o_cert.pem")).ok();
    var cert = Pem.readCertificate(dir.resolve("o_cert.pem"));
    assertEquals("CN=localhost,O=EPFL,C=CH", cert.getSubjectX500Principal().getName());
    assertTrue(KeyPairs.matches(Pem.readPrivateKey(dir.resolve("o_key.pem")), cert.getPublicKey()));
  }

  /** {@code openssl req} for o_key.pem, then {@code pki sign}: o_req.csr and o_cert.pem. */
  private void opensslRequestSignedByPki(String subject) throws IOException {
    openssl("req", "-new", "-key", path("o_key.pem"), "-subj", subject, "-out", path("o_req.csr"))
        .ok();
    Tools.lab3(
            "pki",
            "sign",
            "--ca",
            path("ca"),
            "--csr",
            path("o_req.csr"),
            "--out",
            path("o_cert.pem"),
            "--days",
            "2")
        .ok();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "genrsa (PKCS#8, OpenSSL 3's default) | BEGIN PRIVATE KEY     | genrsa -out o_key.pem 2048",
        "genrsa -traditional (PKCS#1)          | BEGIN RSA PRIVATE KEY | genrsa -traditional -out o_key.pem 2048",
        "ecparam -genkey (SEC1 EC)             | BEGIN EC PRIVATE KEY  | ecparam -genkey -name prime256v1 -noout -out o_key.pem",
        "genpkey EC (PKCS#8 EC)                | BEGIN PRIVATE KEY     | genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out o_key.pem"
      })
  void theServerRunsOnKeysOpensslMade(String name, String header, String command) throws Exception {
    openssl(command.split(" ")).ok();
    assertTrue(Files.readString(dir.resolve("o_key.pem")).contains("-----" + header + "-----"));
    opensslRequestSignedByPki("/CN=localhost");

    try (PmuServer pmu = tlsPmu("o_cert.pem", "o_key.pem")) {
      assertEquals(MESSAGES, pdc(pmu.port(), dir.resolve("ca/cacert.pem")).size());
    }
  }

  @Test
  void opensslSClientGetsThePmuMessages() throws Exception {
    try (PmuServer pmu = tlsPmu("cert.pem", "key.pem")) {
      Tools.Result client = sClient(pmu.port(), path("ca/cacert.pem"));

      assertTrue(client.out().contains("This is PMU data 1"), client.out() + client.err());
      assertTrue(client.out().contains("This is PMU data " + MESSAGES), client.out());
      assertTrue(client.err().contains("verify return:1"), client.err());
    }
  }

  @Test
  void opensslSClientWithTls11IsRefused() throws Exception {
    assumeTrue(
        openssl("s_client", "-help").err().contains("-tls1_1"),
        "this openssl cannot offer TLS 1.1");

    try (PmuServer pmu = tlsPmu("cert.pem", "key.pem")) {
      // OpenSSL 3 needs security level 0 to even offer TLS 1.1.
      Tools.Result client =
          Tools.run(
              dir,
              "",
              "openssl",
              "s_client",
              "-connect",
              "127.0.0.1:" + pmu.port(),
              "-tls1_1",
              "-cipher",
              "DEFAULT@SECLEVEL=0");

      assertNotEquals(0, client.status());
      String line = log.poll(10, TimeUnit.SECONDS);
      assertTrue(
          line != null && line.contains("TLS handshake failed") && line.contains("TLSv1.1"), line);
    }
  }

  /**
   * The done-when of the issue: a CA, key and certificate made by openssl alone, as a student
   * following the lab's instructions (plus subject alternative names) would get them.
   */
  @Test
  void servesOpensslAndPythonClientsWithFilesMadeByOpensslAlone() throws Exception {
    openssl(
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            path("o_cakey.pem"),
            "-out",
            path("o_cacert.pem"),
            "-subj",
            "/O=TCPIP TA/CN=OpenSSL Course CA",
            "-days",
            "2")
        .ok();
    openssl("genrsa", "-out", path("o_key.pem"), "2048").ok();
    openssl(
            "req",
            "-new",
            "-key",
            path("o_key.pem"),
            "-subj",
            "/O=EPFL/CN=123456",
            "-out",
            path("o_req.csr"))
        .ok();
    Files.writeString(
        dir.resolve("o_server.ext"),
        "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
            + "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n");
    openssl(
            "x509",
            "-req",
            "-in",
            path("o_req.csr"),
            "-CA",
            path("o_cacert.pem"),
            "-CAkey",
            path("o_cakey.pem"),
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            path("o_server.ext"),
            "-out",
            path("o_cert.pem"))
        .ok();

    try (PmuServer pmu = tlsPmu("o_cert.pem", "o_key.pem")) {
      Tools.Result sClient = sClient(pmu.port(), path("o_cacert.pem"));
      assertTrue(
          sClient.out().contains("This is PMU data " + MESSAGES), sClient.out() + sClient.err());

      assertEquals(MESSAGES, pdc(pmu.port(), dir.resolve("o_cacert.pem")).size());

      var python3 = Python.withModule("ssl");
      assumeTrue(python3.isPresent(), "no python3 with the ssl module");
      Files.writeString(dir.resolve("client.py"), PYTHON_CLIENT);
      Tools.Result python =
          Tools.run(
                  dir,
                  null,
                  python3.get(),
                  "client.py",
                  path("o_cacert.pem"),
                  String.valueOf(pmu.port()))
              .ok();
      assertEquals(
          List.of(
              "This is PMU data 1",
              "This is PMU data 2",
              "This is PMU data 3",
              "This is PMU data 4",
              "This is PMU data 5"),
          python.out().strip().lines().toList());
      assertTrue(python.err().startsWith("TLSv1.3 TLS_"), python.err());
    }
  }

  private Tools.Result sClient(int port, String caFile) throws IOException {
    // -quiet implies -ign_eof: s_client sends the command and reads until the server closes.
    return Tools.run(
        dir,
        "CMD_short:0",
        "openssl",
        "s_client",
        "-connect",
        "127.0.0.1:" + port,
        "-servername",
        "localhost",
        "-CAfile",
        caFile,
        "-verify_return_error",
        "-verify_hostname",
        "localhost",
        "-quiet");
  }
}
