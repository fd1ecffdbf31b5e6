package lab3.tests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab3.netlab.LabNetwork;
import lab3.tests.CommandRun;
import lab3.tests.networks.TestNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A normal user gets no lab network, and is told so in one line: {@code ./lab3 netlab} run as
 * {@code nobody} ({@code setpriv}, from root) refuses {@code up}, {@code down} and {@code exec}
 * with the same line on stderr, nothing on stdout, and exit status 1.
 */
class NetlabAsNormalUserTest {
  private static final Path JAR = Path.of("..", "lab3-apps", "target", "lab3.jar").toAbsolutePath();
  private static final String NOBODY = "65534";

  @BeforeAll
  static void needsRootToBecomeNobody() throws Exception {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "needs root on Linux (to run as nobody): " + LabNetwork.unavailableReason().get());
    assumeTrue(Files.isRegularFile(JAR), "needs lab3-apps/target/lab3.jar (mvn package)");
    CommandRun probe = asNobody("netlab", "--help");
    assumeTrue(
        probe.status() == 0,
        () ->
            "nobody cannot run java -jar "
                + JAR
                + " here (setpriv; path not readable?): "
                + probe.stderr().strip());
  }

  @ParameterizedTest
  @ValueSource(strings = {"up --delay 5", "down", "exec pc -- true"})
  void refusesWithOneLineSayingItNeedsRoot(String subCommand) throws Exception {
    List<String> args = new ArrayList<>(List.of("netlab"));
    args.addAll(List.of(subCommand.split(" ")));
    CommandRun run = asNobody(args.toArray(String[]::new));
    assertEquals(
        "lab3 netlab: the lab network needs root (ip netns); run it with sudo, or use the"
            + " loopback emulators\n",
        run.stderr());
    assertEquals("", run.out());
    assertEquals(1, run.status());
  }

  private static CommandRun asNobody(String... args) throws IOException, InterruptedException {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid=" + NOBODY,
                "--regid=" + NOBODY,
                "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-jar",
                JAR.toString()));
    argv.addAll(List.of(args));
    return TestNetwork.run(new ProcessBuilder(argv).directory(Path.of("/").toFile()), new byte[0]);
  }
}
