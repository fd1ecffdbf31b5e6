package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab3.netlab.LabNetwork;
import lab3.tests.networks.TestNetwork;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade --network netlab}: each hand-in on a lab network of its own, the bench's emulators
 * on {@code labhost} and the hand-in's programs on {@code pc}. The emulators' logs ({@code -v})
 * show where their clients came from: pc's addresses on the link. Skipped where no lab network can
 * be made (not Linux, not root, no {@code ip}), with the reason; the refusal itself is checked as
 * {@code nobody}.
 */
class GradeOnLabNetworkTest {
  /** pc's addresses on the lab network's link (see lab3.netlab.Addresses). */
  private static final String PC_V4 = "198.18.0.1";

  private static final String PC_V6 = "[fd1a:b3d0:c3e0:1::1]";
  private static final String A = "111111";
  private static final String B = "222222";

  @TempDir Path tmp;

  private static void assumeLabNetwork() {
    Assumptions.assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
  }

  private static String score(CommandRun run, String part) {
    Matcher m = Pattern.compile("(?m)^" + part + "\\s+(\\d+/\\d+)").matcher(run.out());
    assertTrue(m.find(), run.out() + run.stderr());
    return m.group(1);
  }

  @Test
  void projectsOwnHandInGetsFullMarksWithTheEmulatorsOnLabhostAndItsProgramsOnPc()
      throws Exception {
    assumeLabNetwork();
    CommandRun submit = CommandRun.of("submit", "--camipro", A, B, "--out", tmp.toString());
    assertEquals(0, submit.status(), submit.stderr());
    CommandRun grade =
        CommandRun.of(
            "grade", "-v", "--network", "netlab", tmp.resolve("Lab3_" + A + "_" + B).toString());
    String all = grade.out() + grade.stderr();
    assertEquals("13/13", score(grade, "total"), all);
    assertEquals(0, grade.status(), all);
    assertTrue(grade.stderr().startsWith("on a lab network of its own"), grade.stderr());
    // Part 2's PMU on labhost was reached from pc's IPv6 address, Part 5's WebSocket PMU from
    // pc's IPv4 address, Part 3's server (behind tcpip.lab) from one of them.
    assertTrue(
        grade
            .stderr()
            .contains("Part2: CMD_floodme, the whole text: PMU emulator on labhost: " + PC_V6),
        grade.stderr());
    assertTrue(
        grade
            .stderr()
            .contains(
                "Part5: CMD_short:1 with n=3: WebSocket PMU emulator on labhost: " + PC_V4 + ":"),
        grade.stderr());
    assertTrue(
        Pattern.compile(
                "Part3: OFFSET=X from an IPv6-only server with loss: reset server on labhost:"
                    + " 'RESET:20' from \\Q"
                    + PC_V6
                    + "\\E:\\d+ -> OFFSET=")
            .matcher(grade.stderr())
            .find(),
        grade.stderr());
    assertTrue(
        grade.stderr().contains("TV program on labhost: TV program on 239."), grade.stderr());
    // Nothing of it is left on the machine: its namespaces lived in the sandbox's own /run/netns.
    assertTrue(
        TestNetwork.run(new ProcessBuilder("ip", "netns", "list"), new byte[0])
            .out()
            .lines()
            .noneMatch(l -> l.startsWith("lab3grade")));
  }

  /**
   * Two hand-ins graded at the same time, each on a network of its own: each Part 2 program (a
   * wrapper around the Python one) writes down the network namespace it runs in, its address on
   * eth0 and when it ran, then runs the real program. The two ran at the same time, both on a pc
   * (198.18.0.1), in two different namespaces, neither of them the machine's.
   */
  @Test
  void twoHandInsGradedAtOnceRunEachOnALabNetworkOfItsOwn() throws Exception {
    assumeLabNetwork();
    var python = Python.withModule("websocket");
    Assumptions.assumeTrue(python.isPresent() || Part1InteropTest.hasPython(), "no python3");
    String py = python.orElse("python3");
    List<Path> handIns = new ArrayList<>();
    for (String who : List.of("one", "two")) {
      Path folder = Files.createDirectories(tmp.resolve(who).resolve("Lab3_" + A + "_" + B));
      copyResource("submissions/python/Part2.py", folder.resolve("real_part2.py"));
      Path wrapper = folder.resolve("Part2_" + A + "_" + B);
      Files.writeString(
          wrapper,
          "#!/bin/sh\n"
              + "here=$(dirname \"$0\")\n"
              + "{ echo start $(date +%s%N) $(readlink /proc/self/ns/net)"
              + " $(ip -o -4 addr show dev eth0 | awk '{print $4}'); } >> "
              + tmp.resolve(who + ".log")
              + "\n"
              + "sleep 1\n"
              + py
              + " \"$here/real_part2.py\" \"$@\"; status=$?\n"
              + "echo end $(date +%s%N) >> "
              + tmp.resolve(who + ".log")
              + "\nexit $status\n");
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
      handIns.add(folder);
    }
    List<CompletableFuture<CommandRun>> runs = new ArrayList<>();
    for (Path folder : handIns) {
      runs.add(
          CompletableFuture.supplyAsync(
              () ->
                  CommandRun.of(
                      "grade",
                      "--network",
                      "netlab",
                      "--parts",
                      "Part2",
                      "--checks-at-once",
                      "5",
                      // The probe writes its log outside its copy of the hand-in, which the
                      // sandbox forbids (HostileHandInTest): it is this test's own, trusted code.
                      "--unsafe-no-sandbox",
                      folder.toString())));
    }
    for (var run : runs) {
      CommandRun grade = run.get();
      assertEquals("5/5", score(grade, "Part2"), grade.out() + grade.stderr());
    }
    String machine = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    List<List<String[]>> logs = new ArrayList<>();
    for (String who : List.of("one", "two")) {
      List<String[]> lines =
          Files.readAllLines(tmp.resolve(who + ".log")).stream().map(l -> l.split(" ")).toList();
      logs.add(lines);
      for (String[] line : lines) {
        if (line[0].equals("start")) {
          assertEquals(4, line.length, String.join(" ", line));
          assertEquals(PC_V4 + "/24", line[3], "the program ran on pc");
          assertNotEquals(machine, line[2], "the program ran in the machine's network");
        }
      }
    }
    String netOne = starts(logs.get(0)).get(0)[2];
    String netTwo = starts(logs.get(1)).get(0)[2];
    starts(logs.get(0)).forEach(l -> assertEquals(netOne, l[2], "one hand-in, one pc"));
    starts(logs.get(1)).forEach(l -> assertEquals(netTwo, l[2], "one hand-in, one pc"));
    assertNotEquals(netOne, netTwo, "two hand-ins on the same network");
    // They overlapped: each started before the other's last program ended.
    assertTrue(first(logs.get(0), "start") < last(logs.get(1), "end"));
    assertTrue(first(logs.get(1), "start") < last(logs.get(0), "end"));
  }

  /**
   * Where no lab network can be made, {@code --network netlab} says why in one line, and {@code
   * auto} says it falls back: checked as {@code nobody} (the lab network needs root).
   */
  @Test
  void aNormalUserIsToldInOneLineWhyThereIsNoLabNetwork() throws Exception {
    assumeLabNetwork(); // root: it can become nobody
    Path jar = Path.of("..", "lab3-apps", "target", "lab3.jar").toAbsolutePath();
    Assumptions.assumeTrue(Files.isRegularFile(jar), "needs lab3-apps/target/lab3.jar");
    Path open = Files.createTempDirectory(Path.of("/tmp"), "lab3-grade-nobody-");
    try {
      Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path folder = Files.createDirectories(open.resolve("Lab3_" + A + "_" + B));
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
      CommandRun netlab = asNobody(jar, "grade", "--network", "netlab", folder.toString());
      assertEquals(
          "lab3 grade: cannot grade on a lab network here: the lab network needs root (ip netns);"
              + " run it with sudo, or use the loopback emulators; try --network sandbox\n",
          netlab.stderr());
      assertEquals("", netlab.out());
      assertEquals(1, netlab.status());
      CommandRun auto = asNobody(jar, "grade", "--parts", "Part2", folder.toString());
      assertTrue(
          auto.stderr().startsWith("no lab network (the lab network needs root (ip netns);"),
          auto.stderr());
      assertTrue(auto.out().contains("Part2"), auto.out() + auto.stderr());
    } finally {
      try (var files = Files.walk(open)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static CommandRun asNobody(Path jar, String... args) throws Exception {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString()));
    argv.addAll(List.of(args));
    CommandRun run =
        TestNetwork.run(new ProcessBuilder(argv).directory(Path.of("/").toFile()), new byte[0]);
    Assumptions.assumeFalse(
        run.stderr().contains("Error: Unable to access jarfile"),
        "nobody cannot read " + jar + " here");
    return run;
  }

  private static List<String[]> starts(List<String[]> log) {
    return log.stream().filter(l -> l[0].equals("start")).toList();
  }

  private static long first(List<String[]> log, String what) {
    return log.stream()
        .filter(l -> l[0].equals(what))
        .mapToLong(l -> Long.parseLong(l[1]))
        .min()
        .orElseThrow();
  }

  private static long last(List<String[]> log, String what) {
    return log.stream()
        .filter(l -> l[0].equals(what))
        .mapToLong(l -> Long.parseLong(l[1]))
        .max()
        .orElseThrow();
  }

  private static void copyResource(String name, Path to) throws IOException {
    try (InputStream in = GradeOnLabNetworkTest.class.getClassLoader().getResourceAsStream(name)) {
      Files.copy(in, to);
    }
  }
}
