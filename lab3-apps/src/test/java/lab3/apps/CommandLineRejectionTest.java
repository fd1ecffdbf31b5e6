package lab3.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import lab3.apps.cli.Command;
import lab3.apps.cli.Io;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command of {@link Commands#all()} refuses a bad command line the same way: exit status 2,
 * the reason and a usage line on stderr, nothing on stdout, never a stack trace; and {@code --help}
 * exits 0. The table of bad lines below must name every registered command: a new command fails
 * {@link #everyRegisteredCommandHasItsOwnBadLines} until its cases are added.
 */
class CommandLineRejectionTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  /** Command lines that must be refused, by command; a missing argument, an extra one, ... */
  static final List<List<String>> BAD_LINES =
      List.of(
          List.of("demo", "extra"),
          List.of("demo", "--network", "wifi"),
          List.of("part1"),
          List.of("part1", "no-such-example"),
          List.of("part1", "udp-send", "extra"),
          List.of("part1", "udp-send", "--port", "0"),
          List.of("part1", "udp-send", "--port", "70000"),
          List.of("part1", "udp-recv", "--port", "abc"),
          List.of("part1", "echo-server", "--port", "70000"),
          List.of("part1", "echo-client", "--port", "-1"),
          List.of("part2"),
          List.of("part2", "::1"),
          List.of("part2", "::1", "5003"),
          List.of("part2", "::1", "0", "CMD_short:0"),
          List.of("part2", "::1", "70000", "CMD_short:0"),
          List.of("part2", "::1", "abc", "CMD_short:0"),
          List.of("part2", "::1", "5003", "CMD_short:abc"),
          List.of("part2", "::1", "5003", "CMD_short:-1"),
          List.of("part2", "::1", "5003", "CMD_short:"),
          List.of("part2", "::1", "5003", "CMD_bogus"),
          List.of("part2", "::1", "5003", "CMD_short:0", "extra"),
          List.of("part2", "--timeout", "abc", "::1", "5003", "CMD_short:0"),
          List.of("part2", "--timeout", "-1", "::1", "5003", "CMD_short:0"),
          List.of("serve-pmu", "extra"),
          List.of("serve-pmu", "--profile", "classic"),
          List.of("serve-pmu", "--port", "70000"),
          List.of("serve-pmu", "--port", "abc"),
          List.of("serve-pmu", "--messages", "0"),
          List.of("serve-pmu", "--messages", "abc"),
          List.of("serve-pmu", "--command-timeout", "abc"),
          List.of("part3"),
          List.of("part3", "::1"),
          List.of("part3", "::1", "0"),
          List.of("part3", "::1", "70000"),
          List.of("part3", "::1", "abc"),
          List.of("part3", "::1", "5004", "extra"),
          List.of("part3", "::1", "5004", "--n", "abc"),
          List.of("part3", "::1", "5004", "--n", "-1"),
          List.of("part3", "::1", "5004", "--timeout", "abc"),
          List.of("part3", "::1", "5004", "--resolve", "nonsense"),
          List.of("part3-stats"),
          List.of("part3-stats", "::1", "0"),
          List.of("part3-stats", "::1", "70000"),
          List.of("part3-stats", "::1", "5004", "--runs", "abc"),
          List.of("part3-stats", "::1", "5004", "extra"),
          List.of("serve-reset", "extra"),
          List.of("serve-reset", "--profile", "classic"),
          List.of("serve-reset", "--port", "70000"),
          List.of("serve-reset", "--port", "abc"),
          List.of("serve-reset", "--loss", "2"),
          List.of("serve-reset", "--loss", "abc"),
          List.of("serve-reset", "--family", "v5"),
          List.of("part5"),
          List.of("part5", "::1"),
          List.of("part5", "::1", "5006"),
          List.of("part5", "::1", "0", "CMD_short:0"),
          List.of("part5", "::1", "70000", "CMD_short:0"),
          List.of("part5", "::1", "abc", "CMD_short:0"),
          List.of("part5", "::1", "5006", "CMD_short:abc"),
          List.of("part5", "::1", "5006", "CMD_bogus"),
          List.of("part5", "::1", "5006", "CMD_short:0", "extra"),
          List.of("part5", "--timeout", "abc", "::1", "5006", "CMD_short:0"),
          List.of("serve-ws", "extra"),
          List.of("serve-ws", "--profile", "classic"),
          List.of("serve-ws", "--port", "70000"),
          List.of("serve-ws", "--port", "abc"),
          List.of("serve-ws", "--messages", "0"),
          List.of("serve-ws", "--frame-bytes", "abc"),
          List.of("serve-ws", "--command-timeout", "abc"),
          List.of("part4-receiver"),
          List.of("part4-receiver", "224.1.1.1"),
          List.of("part4-receiver", "224.1.1.1", "0"),
          List.of("part4-receiver", "224.1.1.1", "70000"),
          List.of("part4-receiver", "224.1.1.1", "abc"),
          List.of("part4-receiver", "127.0.0.1", "5005"),
          List.of("part4-receiver", "224.1.1.1", "5005", "extra"),
          List.of("part4-receiver", "224.1.1.1", "5005", "--interface", "no-such-if0"),
          List.of("part4-sender"),
          List.of("part4-sender", "224.1.1.1", "5005"),
          List.of("part4-sender", "224.1.1.1", "0", "123456"),
          List.of("part4-sender", "224.1.1.1", "70000", "123456"),
          List.of("part4-sender", "224.1.1.1", "5005", "12345"),
          List.of("part4-sender", "224.1.1.1", "5005", "123456", "--ttl", "300"),
          List.of("part4-sender", "224.1.1.1", "5005", "123456", "extra"),
          List.of("serve-tv", "extra"),
          List.of("serve-tv", "--profile", "classic"),
          List.of("serve-tv", "--port", "70000"),
          List.of("serve-tv", "--port", "abc"),
          List.of("serve-tv", "--interval", "abc"),
          List.of("serve-tv", "--ttl", "-1"),
          List.of("serve-tv", "--group", "127.0.0.1"),
          List.of("part6-pmu"),
          List.of("part6-pmu", "cert.pem"),
          List.of("part6-pmu", "cert.pem", "key.pem", "extra"),
          List.of("part6-pmu", "cert.pem", "key.pem", "--port", "70000"),
          List.of("part6-pmu", "cert.pem", "key.pem", "--port", "abc"),
          List.of("part6-pdc"),
          List.of("part6-pdc", "CMD_short:0"),
          List.of("part6-pdc", "CMD_bogus", "ca.pem"),
          List.of("part6-pdc", "CMD_short:abc", "ca.pem"),
          List.of("part6-pdc", "CMD_short:0", "ca.pem", "--port", "0"),
          List.of("part6-pdc", "CMD_short:0", "ca.pem", "--port", "70000"),
          List.of("part6-pdc", "CMD_short:0", "ca.pem", "--timeout", "abc"),
          List.of("part6-pdc", "CMD_short:0", "ca.pem", "extra"),
          List.of("pki", "no-such-sub-command"),
          List.of("pki", "ca"),
          List.of("pki", "ca", "--out", "x", "--bits", "abc"),
          List.of("pki", "key"),
          List.of("pki", "key", "--out", "x", "--algorithm", "dsa"),
          List.of("pki", "sign"),
          List.of("pki", "show"),
          List.of("serve", "extra"),
          List.of("serve", "--profile", "classic"),
          List.of("serve", "--pmu-port", "70000"),
          List.of("serve", "--pmu-port", "abc"),
          List.of("serve", "--reset-loss", "2"),
          List.of("serve", "--reset-family", "v5"),
          List.of("serve", "--messages", "0"),
          List.of("submit", "extra"),
          List.of("submit", "--camipro", "12345", "222222"),
          List.of("grade"),
          List.of("grade", "one", "two"),
          List.of("grade", "--timeout", "abc", "Lab3_111111_222222"),
          List.of("netlab"),
          List.of("netlab", "sideways"),
          List.of("netlab", "up", "extra"),
          List.of("netlab", "up", "--mtu", "100"),
          List.of("netlab", "up", "--loss", "2"),
          List.of("netlab", "up", "--delay", "abc"),
          List.of("netlab", "exec"),
          List.of("netlab", "exec", "router", "--", "true"),
          List.of("netlab", "down", "extra"),
          List.of("grade", "--retries", "x", "Lab3_111111_222222"),
          List.of("grade-class"),
          List.of("grade-class", "one", "two"),
          List.of("grade-class", "download.zip", "--jobs", "0"),
          List.of("grade-class", "download.zip", "--retries", "abc"),
          List.of("grade-class", "download.zip", "--hand-in-limit", "-5"),
          List.of("grade-class", "download.zip", "--parts", "../Part2"),
          List.of("report", "extra"),
          List.of("report", "--runs", "0"),
          List.of("report", "--network", "wifi"),
          List.of("report", "--server", "tcpip.lab", "--network", "loopback"),
          List.of("report", "--camipro", "12", "654321"));

  /** What a run printed. */
  record Run(int status, String out, String err) {}

  static Run run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io =
        new Io(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    int status =
        assertTimeoutPreemptively(
            PATIENCE, () -> Main.run(args.toArray(String[]::new), io), String.join(" ", args));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static List<String> names() {
    return Commands.all().stream().map(Command::name).toList();
  }

  static Stream<List<String>> badLines() {
    List<List<String>> lines = new ArrayList<>(BAD_LINES);
    for (String name : names()) {
      lines.add(List.of(name, "--no-such-option"));
      List<String> extras = new ArrayList<>(List.of(name));
      extras.addAll(Collections.nCopies(12, "extra"));
      lines.add(extras);
    }
    lines.add(List.of("no-such-command"));
    lines.add(List.of());
    return lines.stream();
  }

  @ParameterizedTest
  @MethodSource("badLines")
  void badCommandLineExitsTwoWithAUsageLineAndNoStackTrace(List<String> args) {
    Run run = run(args);
    String line = "./lab3 " + String.join(" ", args);
    assertEquals(Main.USAGE, run.status(), line + "\n" + run.err());
    assertTrue(run.err().contains("usage: "), line + ": no usage line in\n" + run.err());
    assertFalse(run.err().contains("\tat "), line + ": stack trace\n" + run.err());
    assertFalse(run.err().contains("internal error"), line + "\n" + run.err());
    assertEquals("", run.out(), line + ": stdout is data only");
    if (!args.isEmpty()) {
      List<String> errLines = run.err().lines().toList();
      assertTrue(errLines.size() <= 2, line + ": reason and usage only, got\n" + run.err());
    }
  }

  static Stream<Arguments> commands() {
    return names().stream().map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpExitsZeroWithTheUsageOnStdout(String name) {
    Run run = run(List.of(name, "--help"));
    assertEquals(Main.OK, run.status(), run.err());
    assertTrue(run.out().startsWith("usage: lab3 " + name), run.out());
    assertEquals("", run.err());
  }

  @Test
  void everyRegisteredCommandHasItsOwnBadLines() {
    Set<String> covered = new TreeSet<>();
    BAD_LINES.forEach(l -> covered.add(l.getFirst()));
    Set<String> missing = new TreeSet<>(names());
    missing.removeAll(covered);
    assertEquals(Set.of(), missing, "add bad command lines for these commands to BAD_LINES");
  }

  @Test
  void commandsWithRequiredArgumentsRefuseAnEmptyLine() {
    for (String name : names()) {
      String usage = run(List.of(name, "--help")).out().lines().findFirst().orElse("");
      if (usage.contains("<")) {
        assertEquals(Main.USAGE, run(List.of(name)).status(), name + " with no arguments");
      }
    }
  }

  @Test
  void tableHasNoDuplicates() {
    assertEquals(
        BAD_LINES.size(),
        new java.util.HashSet<>(BAD_LINES).size(),
        Arrays.toString(BAD_LINES.toArray()));
  }
}
