package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab3.apps.Main;
import lab3.pmu.FloodText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PMUs send their floodme text from one shared direct buffer ({@code
 * PmuResponder.floodBuffer}). A JVM whose direct memory cannot hold the text (here 1 MiB for a text
 * of 4 MiB) sends it from the heap instead: every session still gets the whole text, and the
 * server's stderr has its log line per session and no stack trace.
 */
class FloodWithoutDirectMemoryTest {
  private static final int TEXT_BYTES = 4 << 20;

  @ParameterizedTest(name = "{0}, read by {1}")
  @CsvSource({"serve-pmu, part2, PMU (TCP) listening on ", "serve-ws, part5, listening on "})
  void floodmeIsWholeWhenTheTextDoesNotFitInDirectMemory(
      String server, String client, String listening) throws Exception {
    String text = new String(FloodText.generated(TEXT_BYTES).bytes(), StandardCharsets.UTF_8);
    try (ChildJvm pmu =
        new ChildJvm(
            List.of(),
            List.of("-XX:MaxDirectMemorySize=1m"),
            Main.class,
            server,
            "--port",
            "0",
            "--bind",
            "::1",
            "--flood-bytes",
            "" + TEXT_BYTES)) {
      String started = pmu.out().await(line -> line.contains(listening), Duration.ofSeconds(60));
      Matcher port = Pattern.compile(":(\\d+)/?$").matcher(started);
      assertTrue(port.find(), started);
      for (int session = 1; session <= 2; session++) { // the second one from the kept buffer
        CommandRun run = CommandRun.of(client, "::1", port.group(1), "CMD_floodme");
        assertEquals(0, run.status(), run.stderr());
        assertEquals(text + "\n", run.out(), "session " + session + ": the text and one newline");
      }
      // The server's log: one line per session, the whole text sent, and nothing else.
      List<String> log = pmu.err().lines();
      assertEquals(2, log.size(), "the server's stderr: " + log);
      for (String line : log) {
        assertTrue(line.contains("CMD_floodme -> " + TEXT_BYTES + " bytes of text in "), line);
      }
    }
  }
}
