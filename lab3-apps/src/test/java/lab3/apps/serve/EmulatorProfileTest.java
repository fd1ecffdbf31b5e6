package lab3.apps.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lab3.apps.Main;
import lab3.apps.cli.Io;
import lab3.netlab.EmulatorProfile;
import lab3.netlab.ResetFamily;
import lab3.reset.ResetProfile;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --profile lab-text|course} of {@code serve} and every {@code serve-*}. */
class EmulatorProfileTest {

  private static String help(String command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Io io =
        new Io(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(0, Main.run(new String[] {command, "--help"}, io));
    return out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"serve", "serve-pmu", "serve-reset", "serve-tv", "serve-ws"})
  void everyServeCommandSaysWhatTheCourseProfileChangesCitingFacts(String command) {
    String help = help(command);

    assertTrue(help.contains("--profile"), help);
    assertTrue(help.contains("FACTS.md"), help);
  }

  @Test
  void serveResetsHelpNamesTheCoursesAnswers() {
    String help = help("serve-reset");

    assertTrue(help.contains("OFFSET:X"), help);
    assertTrue(help.contains("Wrong command."), help);
    assertTrue(help.contains("10 s"), help);
  }

  private static ServeCommand.Settings serve(String... args) throws Exception {
    Options options = new Options();
    new ServeCommand().options(options);
    CommandLine line = new DefaultParser().parse(options, args);
    return ServeCommand.config(line);
  }

  @Test
  void serveWithTheCourseProfileTakesTheCoursesResetServerAndMessageCounts() throws Exception {
    ServeCommand.Settings course = serve("--profile", "course");

    assertEquals(EmulatorProfile.COURSE, course.profile());
    assertEquals(ResetProfile.COURSE, course.profile().reset());
    assertEquals(0.5, course.config().resetLoss());
    assertEquals(Duration.ofSeconds(10), course.config().resetPeriod());
    assertEquals(ResetFamily.ALTERNATE, course.config().resetFamily());
    assertEquals(2, course.config().minMessages());
    assertEquals(17, course.config().maxMessages());
    assertEquals(0, course.profile().firstMessage());
  }

  @Test
  void settingsGivenBesideTheCourseProfileWin() throws Exception {
    ServeCommand.Settings course =
        serve("--profile", "course", "--reset-loss", "0.1", "--messages", "5");

    assertEquals(0.1, course.config().resetLoss());
    assertEquals(5, course.config().minMessages());
  }

  @Test
  void serveByDefaultKeepsTheLabTextsServers() throws Exception {
    ServeCommand.Settings labText = serve();

    assertEquals(EmulatorProfile.LAB_TEXT, labText.profile());
    assertEquals(0.3, labText.config().resetLoss());
    assertEquals(1, labText.profile().firstMessage());
  }
}
