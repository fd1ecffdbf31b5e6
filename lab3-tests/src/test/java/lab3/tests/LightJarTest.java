package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab3.pmu.PmuServer;
import lab3.reset.ResetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab3} runs the commands of Parts 1 to 4 and the overview from {@code lab3-light.jar}
 * alone (lab3's classes, Commons CLI and the Guava classes they reach), for a faster start. These
 * tests run that jar as the launcher does, in a JVM of its own: each of those commands finds every
 * class it needs there, and the list the launcher holds is the one tested here.
 */
class LightJarTest {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** The one list of commands, which ./lab3 reads for each command's class path. */
  static final Path COMMANDS = ROOT.resolve("lab3-apps/src/main/resources/lab3/apps/commands.txt");

  /**
   * The commands ./lab3 runs from lab3-light.jar alone: the overview ("" is no argument at all) and
   * every command the list marks light.
   */
  static List<String> lightCommands() throws IOException {
    List<String> light = new ArrayList<>(List.of("", "-h", "--help", "help"));
    for (String line : Files.readAllLines(COMMANDS, StandardCharsets.UTF_8)) {
      String[] entry = line.strip().split("\\s+");
      if (entry.length >= 2 && !entry[0].startsWith("#") && entry[1].equals("light")) {
        light.add(entry[0]);
      }
    }
    return light;
  }

  static final Path LIGHT_JAR = ROOT.resolve("lab3-apps/target/lab3-light.jar");

  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  Run light(String... args) throws IOException, InterruptedException {
    assertTrue(Files.isRegularFile(LIGHT_JAR), LIGHT_JAR + " is built by ./mvnw package");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:+UseSerialGC", "-cp", LIGHT_JAR.toString(), "lab3.apps.Main"));
    command.addAll(Arrays.asList(args));
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running: " + command);
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theLauncherTakesEachCommandsClassPathFromTheOneList() throws IOException {
    String launcher = Files.readString(ROOT.resolve("lab3"), StandardCharsets.UTF_8);
    assertTrue(
        launcher.contains(ROOT.relativize(COMMANDS).toString()),
        "./lab3 reads " + ROOT.relativize(COMMANDS));
    assertEquals(
        List.of(
            "",
            "-h",
            "--help",
            "help",
            "part1",
            "part2",
            "serve-pmu",
            "part3",
            "part3-stats",
            "serve-reset",
            "part4-receiver",
            "part4-sender",
            "serve-tv"),
        lightCommands(),
        "the commands of Parts 1 to 4 and the overview run light");
  }

  @Test
  void everyLightCommandShowsItsHelp() throws Exception {
    for (String name : lightCommands()) {
      if (name.isEmpty() || name.startsWith("-") || name.equals("help")) {
        Run run = name.isEmpty() ? light() : light(name);
        assertEquals(name.isEmpty() ? 2 : 0, run.status(), name + ": " + run.err());
        String overview = name.isEmpty() ? run.err() : run.out();
        assertTrue(overview.contains("part5 "), name + ": " + overview);
      } else {
        Run run = light(name, "--help");
        assertEquals(0, run.status(), name + ": " + run.err());
        assertTrue(run.out().startsWith("usage: lab3 " + name), name + ": " + run.out());
        assertEquals("", run.err(), name);
      }
    }
  }

  @Test
  void part3AndPart2RunFromTheLightJar() throws Exception {
    try (ResetServer reset = ResetServer.builder().loopback(true).port(0).build().start()) {
      Run run = light("part3", "-v", "::1", String.valueOf(reset.port()));
      assertEquals(0, run.status(), run.err());
      assertEquals("OFFSET=" + reset.lastOffset().getAsInt() + "\n", run.out());
    }
    try (PmuServer pmu =
        PmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(3)
            .build()
            .start()) {
      Run run = light("part2", "-v", "::1", String.valueOf(pmu.port()), "CMD_short:0");
      assertEquals(0, run.status(), run.err());
      assertEquals(3, run.out().lines().count(), run.out());
      run = light("part2", "::1", String.valueOf(pmu.port()), "CMD_floodme");
      assertEquals(0, run.status(), run.err());
      assertTrue(run.out().length() > 1000, "floodme text");
    }
  }
}
