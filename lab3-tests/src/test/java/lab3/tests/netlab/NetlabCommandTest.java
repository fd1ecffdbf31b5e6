package lab3.tests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lab3.netlab.LabNetwork;
import lab3.tests.CommandRun;
import lab3.tests.networks.TestNetwork;
import org.junit.jupiter.api.Test;

/**
 * The "done when" session, from a shell: {@code netlab up --delay 5 --loss 0.02}, the
 * servers started with {@code netlab exec labhost}, {@code part2} and {@code part3} by the name
 * {@code tcpip.lab} with {@code netlab exec pc}, then {@code netlab down} leaves nothing. Every
 * {@code ./lab3} here is a JVM of its own, as from a shell; the network has a name of its own.
 */
class NetlabCommandTest {
  private static final String NAME = "t-netlabcmd";

  @Test
  void upExecStatusDownAsTheReadmeShowsThem() throws Exception {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
    List<Process> servers = new ArrayList<>();
    try {
      CommandRun up = lab3("", "netlab", "up", "--name", NAME, "--delay", "5", "--loss", "0.02");
      assertEquals(0, up.status(), up.stderr());
      assertTrue(up.out().contains("loss 2% (the relay in the wire namespace)"), up.out());

      servers.add(onLabhost("serve-pmu", "--port", "5003"));
      servers.add(onLabhost("serve-reset", "--port", "5004", "--family", "v6", "--loss", "0.3"));

      CommandRun part2 = lab3("", exec("pc", "part2", "tcpip.lab", "5003", "CMD_short:0"));
      assertEquals(0, part2.status(), part2.stderr());
      assertEquals(
          IntStream.rangeClosed(1, 20)
              .mapToObj(i -> "This is PMU data " + i + "\n")
              .collect(Collectors.joining()),
          part2.out());
      CommandRun part3 = lab3("", exec("pc", "part3", "--timeout", "0.5", "tcpip.lab", "5004"));
      assertEquals(0, part3.status(), part3.stderr());
      assertTrue(part3.out().matches("OFFSET=\\d+\n"), part3.out());

      CommandRun cat = lab3("through\n", "netlab", "exec", "--name", NAME, "pc", "--", "cat");
      assertEquals("through\n", cat.out(), "stdin and stdout passed through");
      CommandRun exit =
          lab3("", "netlab", "exec", "--name", NAME, "pc", "--", "sh", "-c", "exit 7");
      assertEquals(7, exit.status(), "the exit status passed through");

      CommandRun status = lab3("", "netlab", "status", "--name", NAME);
      assertTrue(status.out().matches("(?s).*relay: pid \\d+ \\(running\\)\n"), status.out());
    } finally {
      CommandRun down = lab3("", "netlab", "down", "--name", NAME);
      assertEquals(0, down.status(), down.stderr());
    }
    for (Process server : servers) {
      assertTrue(server.waitFor(10, TimeUnit.SECONDS), "a server on labhost outlived down");
    }
    CommandRun namespaces = run("", List.of("ip", "netns", "list"));
    assertFalse(namespaces.out().contains(NAME), namespaces.out());
    CommandRun links = run("", List.of("ip", "link"));
    assertFalse(links.out().contains(NAME), links.out());
    assertFalse(Files.exists(Path.of("/etc/netns", NAME + "-pc")));
    for (String file : List.of(".describe", ".relay.pid", ".relay.log")) {
      assertFalse(Files.exists(Path.of("/run/lab3-netlab", NAME + file)), file);
    }
    assertEquals("down\n", lab3("", "netlab", "status", "--name", NAME).out());
  }

  /** {@code ./lab3 netlab exec --name NAME host -- ./lab3 args...}, as argv for {@link #lab3}. */
  private static String[] exec(String host, String... args) {
    List<String> argv = new ArrayList<>(List.of("netlab", "exec", "--name", NAME, host, "--"));
    argv.addAll(TestNetwork.lab3Argv(List.of()));
    argv.addAll(List.of(args));
    return argv.toArray(String[]::new);
  }

  /** A server on labhost, once it said on stdout that it listens. */
  private static Process onLabhost(String... args) throws IOException {
    List<String> argv = new ArrayList<>(TestNetwork.lab3Argv(List.of()));
    argv.addAll(List.of(exec("labhost", args)));
    Process server =
        new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertTrue(first != null && first.contains("listening"), args[0] + " said: " + first);
    return server;
  }

  private static CommandRun lab3(String stdin, String... args) throws Exception {
    return run(stdin, TestNetwork.lab3Argv(List.of(args)));
  }

  private static CommandRun run(String stdin, List<String> argv) throws Exception {
    return TestNetwork.run(new ProcessBuilder(argv), stdin.getBytes(StandardCharsets.UTF_8));
  }
}
