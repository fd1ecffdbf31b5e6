package lab3.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every area of lab3-core, as a consumer uses it; run on the module path and on the class path. */
class ExamplesTest {

  private static List<String> expected(int n) {
    return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "This is PMU data " + i).toList();
  }

  @Test
  void pmuOverTcp() throws Exception {
    assertEquals(expected(4), Examples.pmu(4));
  }

  @Test
  void resetOverUdp() throws Exception {
    int offset = Examples.reset();
    assertTrue(offset >= 0 && offset <= 20, "offset " + offset);
  }

  @Test
  void multicastOnLoopback() throws Exception {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    InetAddress group =
        InetAddress.getByAddress(
            new byte[] {(byte) 239, (byte) r.nextInt(1, 255), (byte) r.nextInt(256), 7});
    assertEquals("hello, group", Examples.multicast(group, "hello, group"));
  }

  @Test
  void webSocketServerAndClient() throws Exception {
    assertEquals(expected(3), Examples.webSocket(3));
  }

  @Test
  void tlsWithKeysFromPki(@TempDir Path dir) throws Exception {
    assertEquals(expected(2), Examples.tls(dir, 2));
  }

  @Test
  void runsWhereTheTestSays() {
    // Documents which of surefire's two runs this is: a named module, or the class path.
    String where = Examples.class.getModule().isNamed() ? "module path" : "class path";
    System.err.println("ExamplesTest ran on the " + where);
    assertEquals(
        Examples.class.getModule().isNamed(),
        lab3.pmu.PmuClient.class.getModule().isNamed());
  }
}
