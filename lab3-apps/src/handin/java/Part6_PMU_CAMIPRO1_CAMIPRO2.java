import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import lab3.pmu.PmuServer;

/**
 * Lab 3, Part 6: the PMU of Part 2 as a TLS server on localhost:5003, until Ctrl+C.
 *
 * <pre>
 *   java -cp 'lib/*' Part6_PMU_CAMIPRO1_CAMIPRO2.java [&lt;cert.pem&gt; &lt;key.pem&gt;]
 *   java -cp 'lib/*' Part6_PMU_CAMIPRO1_CAMIPRO2.java      (CAMIPRO1_cert.pem, CAMIPRO1_key.pem)
 * </pre>
 *
 * <p>The server proves who it is with the certificate the course's CA signed and the private key
 * that goes with it; a client that trusts that CA ({@code cacert.pem}) checks the proof during the
 * handshake, before any command is read. After it, the session is Part 2's: {@code CMD_short:d} or
 * {@code CMD_floodme}, answered over the encrypted connection. The key file is PKCS#8 ({@code BEGIN
 * PRIVATE KEY}), which the JDK reads by itself.
 */
public class Part6_PMU_CAMIPRO1_CAMIPRO2 {
  static final int PORT = 5003;

  public static void main(String[] args) {
    Path certificate;
    Path key;
    if (args.length == 0) {
      certificate = Path.of("CAMIPRO1_cert.pem");
      key = Path.of("CAMIPRO1_key.pem");
    } else if (args.length == 2) {
      certificate = Path.of(args[0]);
      key = Path.of(args[1]);
    } else {
      System.err.println("usage: Part6_PMU_CAMIPRO1_CAMIPRO2 [<cert.pem> <key.pem>]");
      System.exit(2);
      return;
    }
    try {
      PmuServer server =
          PmuServer.builder()
              .tls(certificate, key) // the PMU of Part 2, each session over TLS
              .bindAddress(InetAddress.getByName("localhost"))
              .port(PORT)
              .log(System.err::println) // one line per session
              .build()
              .start();
      System.out.println("PMU (TLS) listening on localhost:" + server.port());
      Thread.currentThread().join(); // serve until the program is stopped
    } catch (NoSuchFileException e) {
      System.err.println(
          "Part6_PMU_CAMIPRO1_CAMIPRO2: no file "
              + e.getFile()
              + " (give the certificate and key as arguments, or put them here)");
      System.exit(1);
    } catch (IOException | RuntimeException e) {
      System.err.println(
          "Part6_PMU_CAMIPRO1_CAMIPRO2: "
              + (e.getMessage() != null ? e.getMessage() : e.toString()));
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
