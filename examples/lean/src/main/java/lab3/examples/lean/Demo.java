package lab3.examples.lean;

import java.io.IOException;
import java.net.InetAddress;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.pmu.PmuServer;
import lab3.transport.Endpoint;

/**
 * Runs a PMU emulator and a PMU client in one process, on loopback and a free port: the smallest
 * program that uses lab3-core. On the module path:
 *
 * <pre>
 * java --module-path target/classes:lab3-core.jar:guava.jar:... -m lab3.examples.lean/lab3.examples.lean.Demo 3
 * </pre>
 *
 * <p>Prints each message on stdout, then one line of counts on stderr.
 */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args optionally, how many messages (default 3)
   * @throws IOException if the session fails
   */
  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    try (PmuServer server =
        PmuServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0).messages(n).build()) {
      server.start();
      PmuResult result =
          PmuClient.builder()
              .build()
              .send(
                  new Endpoint("127.0.0.1", server.port()),
                  PmuCommand.parse("CMD_short:0"),
                  PmuListener.forMessages(System.out::println));
      System.err.printf(
          "demo: %d messages, %d bytes, module %s%n",
          result.messages(), result.bytes(), Demo.class.getModule().getName());
    }
  }
}
