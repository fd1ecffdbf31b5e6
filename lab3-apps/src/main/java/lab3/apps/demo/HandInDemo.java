package lab3.apps.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab3.apps.cli.CommandRunner;
import lab3.apps.cli.Io;
import lab3.apps.grade.GradeCommand;
import lab3.report.DemoPart;
import lab3.report.ReportContext;

/**
 * The end of the lab: {@code submit} the project's own hand-in, show its Part 2 source and run it
 * as a grader would (the JDK alone, from the folder), then {@code grade} it.
 */
final class HandInDemo implements DemoPart {
  private final CommandRunner commands;

  HandInDemo(CommandRunner commands) {
    this.commands = commands;
  }

  @Override
  public String title() {
    return "Hand-in: ./lab3 submit, its sources run as a grader would, then ./lab3 grade on it";
  }

  @Override
  public void run(PrintStream out, ReportContext ctx) throws Exception {
    Path dir = Files.createTempDirectory("lab3-demo-");
    try {
      Captured submit = run("submit", "--camipro", "123456", "654321", "--out", dir.toString());
      if (submit.status != 0) {
        throw new IllegalStateException("submit failed: " + submit.err.strip());
      }
      Path folder = dir.resolve("Lab3_123456_654321");
      out.println("   " + folder.getFileName() + "/ holds:");
      try (var files = Files.list(folder)) {
        files
            .map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : ""))
            .sorted()
            .forEach(f -> out.println("     | " + f));
      }
      showSource(out, folder.resolve("Part2_123456_654321.java"));
      runAsAGraderWould(out, folder);
      List<String> args = new ArrayList<>(List.of("grade", folder.toString()));
      if (!free(5003) && !GradeCommand.sandboxAvailable()) {
        // Part 6 is graded on localhost:5003, as in the lab; something (./lab3 serve?) holds it,
        // and there is no network namespace here in which it would be free.
        args.addAll(List.of("--parts", "Part2,Part3,Part4_Receiver,Part4_Sender,Part5"));
        out.println("   (port 5003 is taken on this machine: Part 6 is not graded here)");
      }
      try {
        GradeCommand.checkContainment(null, false);
      } catch (java.io.IOException noSandbox) {
        // The project's own hand-in is trusted code: shown graded even where untrusted code
        // would be refused.
        args.add("--unsafe-no-sandbox");
        out.println("   (no sandbox here: the project's own hand-in is graded uncontained)");
      }
      Captured grade = run(args.toArray(String[]::new));
      grade
          .err
          .lines() // where the bench ran: its own network namespace, or this machine's lo
          .filter(l -> l.contains("network namespace") || l.contains("compiled with javac"))
          .forEach(l -> out.println("   grade: " + l.strip()));
      grade.out.lines().forEach(l -> out.println("     | " + l));
      if (grade.status != 0) {
        throw new IllegalStateException("the project's own hand-in did not get full marks");
      }
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The heart of Part 2's source: from the class line, as a grader reads it. */
  private static void showSource(PrintStream out, Path source) throws java.io.IOException {
    List<String> lines = Files.readAllLines(source);
    int from = 0;
    while (from < lines.size() && !lines.get(from).startsWith("public class")) {
      from++;
    }
    out.println(
        "   " + source.getFileName() + " (" + lines.size() + " lines), from its class line:");
    lines.stream().skip(from).limit(24).forEach(l -> out.println("     | " + l));
    out.println("     | ...");
  }

  /**
   * Runs Part 2 from the folder as a grader would, with the JDK alone ({@code java -cp 'lib/*'
   * Part2_A_B.java ::1 <port> CMD_short:0}), against a PMU of this process on ::1.
   */
  private static void runAsAGraderWould(PrintStream out, Path folder) throws Exception {
    try (lab3.pmu.PmuServer pmu =
        lab3.pmu.PmuServer.builder()
            .bindAddress(java.net.InetAddress.getByName("::1"))
            .port(0)
            .messages(5)
            .build()
            .start()) {
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              "lib/*",
              "Part2_123456_654321.java",
              "::1",
              "" + pmu.port(),
              "CMD_short:0");
      out.println(
          "   run from the folder as a grader would (a PMU of 5 messages on ::1 port "
              + pmu.port()
              + "):");
      out.println(
          "     $ java -cp 'lib/*' Part2_123456_654321.java ::1 " + pmu.port() + " CMD_short:0");
      Process p =
          new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("Part2 from the hand-in did not finish in 60 s");
      }
      printed.lines().forEach(l -> out.println("     | " + l));
      if (p.exitValue() != 0) {
        throw new IllegalStateException("Part2 from the hand-in ended with " + p.exitValue());
      }
    }
  }

  private record Captured(int status, String out, String err) {}

  private Captured run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        commands.run(
            args,
            new Io(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    return new Captured(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
