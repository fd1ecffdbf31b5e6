package lab3.grading;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import lab3.pmu.FloodText;

/**
 * The checks Parts 2 and 5 share: a PDC that sends {@code CMD_short:d} or {@code CMD_floodme} to a
 * PMU (over TCP or WebSocket) must print the messages, one per line, or the whole text. What is
 * tolerated beyond that is the policy's ({@link Policy}): a label before every message ({@code
 * part2.prefix}), a newline after every {@code recv()} of the floodme ({@code
 * part2.floodme-newlines}). Every failure names the rule that decided, and for the mistakes
 * students really make (an IPv4 socket, fixed-width parsing, per-recv decoding) says so in one
 * sentence.
 */
final class AnswerChecks {
  private AnswerChecks() {}

  /**
   * A started PMU emulator, its port and the number of its first message (0 or 1, see {@link
   * Profile#firstMessage}).
   */
  record Started(Closeable server, int port, int firstMessage) {
    Started(Closeable server, int port) {
      this(server, port, 1);
    }
  }

  /**
   * Starts the part's PMU emulator, on the bench's server host ({@link Bench#onServer}), with n
   * messages and the given flood text.
   */
  @FunctionalInterface
  interface Emulator {
    /**
     * Starts it on {@code port}: 0 for a free one, or the lab's port for a program that hard-codes
     * it (then on every address of the server's host, as {@code tcpip.epfl.ch} names both).
     */
    Started start(Bench bench, int messages, FloodText text, int port) throws Exception;
  }

  /** The lab's port of each part's server (lab text: 5003 for Part 2, 5006 for Part 5). */
  static int labPort(String part) {
    return part.equals("Part5") ? 5006 : 5003;
  }

  /**
   * How a part's program is run, found once from its source ({@link Invocation}): {@code <server>
   * <port> <command>} (the bench's default), or {@code <command>} alone with the server hard-coded
   * as {@code tcpip.epfl.ch} on the lab's port, which then resolves to the bench's emulator.
   *
   * @param port the emulator's port: 0 for a free one
   * @param how the sentence the feedback ends with
   */
  private record Run(boolean commandOnly, int port, String how) {}

  private static Run runOf(Bench bench, String part) throws Exception {
    java.nio.file.Path source = Invocation.source(bench, part);
    if (source == null || Invocation.argumentsRead(source) != 1) {
      return new Run(false, 0, "");
    }
    String literal = Invocation.hardCodedAddress(source);
    if (literal != null && !Invocation.mentions(source, LabNames.LAB_SERVER)) {
      throw new ProgramFault(
          "the program takes only the command and hard-codes the server's address "
              + literal
              + ": the bench never maps an address outside its test networks; give the server as"
              + " tcpip.epfl.ch (as the lab text does) or on the command line");
    }
    if (!bench.labNamesResolve()) {
      throw new Bench.HarnessException(
          "the program takes only the command (the server hard-coded as tcpip.epfl.ch): the bench"
              + " makes that name resolve to its emulators through the sandbox's /etc/hosts, which"
              + " --unsafe-no-sandbox has not");
    }
    int port = labPort(part);
    bench.exclusively("port " + port);
    return new Run(
        true,
        port,
        " (run as: " + part + " <command>, with tcpip.epfl.ch:" + port + " the bench's emulator)");
  }

  /** A fault of the hand-in found before its program runs: the check fails with this reason. */
  static final class ProgramFault extends Exception {
    ProgramFault(String message) {
      super(message);
    }
  }

  /** What a check does once it knows how the part's program is run. */
  @FunctionalInterface
  private interface RunBody {
    /** Returns null when the check passed, or the reason it failed (as {@link Check.Body}). */
    String run(Bench bench, Run how) throws Exception;
  }

  /**
   * The check's body, given the part's {@link Run} found from its source: a {@link ProgramFault}
   * found on the way is the check's failure (its message the reason), and the body does not run. A
   * fault of the bench ({@link Bench.HarnessException}) goes on up: the bench reports it as its own
   * error ({@link CheckResult.Status#HARNESS_ERROR}), and this check says nothing of the hand-in.
   */
  private static Check.Body withRun(String part, RunBody body) {
    return bench -> {
      Run how;
      try {
        how = runOf(bench, part);
      } catch (ProgramFault e) {
        return e.getMessage();
      }
      return body.run(bench, how);
    };
  }

  private static ProcessRunner.Result run(
      Bench bench, String part, Host host, Run how, int port, String command) throws Exception {
    return how.commandOnly()
        ? bench.run(part, new byte[0], command)
        : bench.run(part, new byte[0], host.of(bench), "" + port, command);
  }

  /** The server's address as the part's program is given it, on the bench's network. */
  @FunctionalInterface
  interface Host {
    String of(Bench bench);
  }

  static Check shortMessages(String part, Host host, Emulator emulator, int n, String d) {
    return new Check(
        part,
        "CMD_short:" + d + " with n=" + n,
        withRun(
            part,
            (bench, how) -> {
              Started pmu =
                  bench.onServer(
                      () -> emulator.start(bench, n, bench.profile().floodText(), how.port()));
              bench.track(pmu.server());
              ProcessRunner.Result r = run(bench, part, host, how, pmu.port(), "CMD_short:" + d);
              String failure = Outcome.ofRun(r, bench);
              if (failure != null) {
                return explain(part, failure, r.stderr()) + how.how();
              }
              List<String> expected =
                  IntStream.range(pmu.firstMessage(), pmu.firstMessage() + n)
                      .mapToObj(i -> "This is PMU data " + i)
                      .toList();
              String wrong = lines(part, bench.policy(), expected, r.out());
              return wrong == null ? null : wrong + how.how();
            }));
  }

  static Check floodme(String part, Host host, Emulator emulator) {
    return new Check(
        part,
        "CMD_floodme, the whole text",
        withRun(
            part,
            (bench, how) -> {
              FloodText text = bench.profile().floodText();
              Started pmu = bench.onServer(() -> emulator.start(bench, 1, text, how.port()));
              bench.track(pmu.server());
              ProcessRunner.Result r = run(bench, part, host, how, pmu.port(), "CMD_floodme");
              String failure = Outcome.ofRun(r, bench);
              if (failure != null) {
                return explain(part, failure, r.stderr()) + how.how();
              }
              String expected = new String(text.bytes(), StandardCharsets.UTF_8);
              String exact = Diff.text(expected, r.out());
              if (exact == null) {
                return null;
              }
              if (bench.policy().is("part2.floodme-newlines", "tolerate")
                  && onlyNewlinesAdded(expected, r.out())) {
                return null;
              }
              return exact + " " + Policy.tag("part2.floodme-newlines") + how.how();
            }));
  }

  /**
   * Null if the output's lines are the expected messages, or (policy {@code part2.prefix}) the same
   * label followed by each of them; else why not, naming the rule.
   */
  static String lines(String part, Policy policy, List<String> expected, String out) {
    String exact = Diff.lines(expected, out);
    if (exact == null) {
      return null;
    }
    List<String> got = out.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
    if (policy.is("part2.prefix", "tolerate") && sameLabel(expected, got)) {
      return null;
    }
    String sentence = fixedWidth(expected, got);
    return (sentence == null ? "" : sentence + " ") + Policy.tag("part2.lines") + " " + exact;
  }

  /** True if every line is one label (the same for all) followed by the expected message. */
  private static boolean sameLabel(List<String> expected, List<String> got) {
    if (got.size() != expected.size() || got.isEmpty()) {
      return false;
    }
    String label = null;
    for (int i = 0; i < got.size(); i++) {
      String line = got.get(i);
      if (!line.endsWith(expected.get(i))) {
        return false;
      }
      String before = line.substring(0, line.length() - expected.get(i).length());
      if (label == null) {
        label = before;
      } else if (!label.equals(before)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The sentence for output that is right up to message 9 (or 99) and cut after: parsing by the
   * width of {@code This is PMU data 1}, which breaks when the number gets a digit more.
   */
  private static String fixedWidth(List<String> expected, List<String> got) {
    int first = -1;
    for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
      if (!expected.get(i).equals(got.get(i))) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return null;
    }
    String want = expected.get(first);
    String have = got.get(first);
    if (!(want.length() > have.length() && want.startsWith(have))) {
      return null;
    }
    return "The output is right until '"
        + want
        + "', which is one character longer than the message before it: the program reads or"
        + " slices messages by a fixed width, which breaks when the number gets another digit"
        + " (Part 2: the PDC does not know n nor the messages' lengths; Q11: how can the client be"
        + " sure it received all the messages?).";
  }

  /**
   * True if {@code out} is {@code expected} with newlines added (as a program that prints each
   * {@code recv()} on its own line adds them), and nothing else changed.
   */
  static boolean onlyNewlinesAdded(String expected, String out) {
    int i = 0;
    int j = 0;
    while (i < expected.length() && j < out.length()) {
      if (expected.charAt(i) == out.charAt(j)) {
        i++;
        j++;
      } else if (out.charAt(j) == '\n') {
        j++;
      } else {
        return false;
      }
    }
    while (j < out.length() && out.charAt(j) == '\n') {
      j++;
    }
    return i == expected.length() && j == out.length();
  }

  /**
   * A failed run's reason, with a sentence for the two crashes students really meet: an IPv4 socket
   * where Part 2 requires IPv6 (policy {@code part2.ipv6-socket}), and a decode of each {@code
   * recv()} on its own that cuts a character in two.
   */
  static String explain(String part, String failure, String stderr) {
    if (part.equals("Part2")
        && (stderr.contains("Address family for hostname not supported")
            || stderr.contains("Address family not supported"))) {
      return "Part 2 requires an IPv6 socket; your program opened an IPv4 (AF_INET) socket and"
          + " could not reach the PMU on its IPv6 address (Part 2's N.B.; Q3 asks which family"
          + " the lab's codes use) "
          + Policy.tag("part2.ipv6-socket")
          + ". "
          + failure;
    }
    if (stderr.contains("UnicodeDecodeError")) {
      return "The program decodes each recv() on its own: a character cut between two recv() calls"
          + " cannot be decoded; decode the bytes once they are all received (Q12: the floodme"
          + " arrives in many packets, cut anywhere). "
          + failure;
    }
    return failure;
  }

  /**
   * The usual set: d=0 for each n of {@code zeroDelayCounts}, d=1 with 3 messages, floodme; then
   * d=0 for each n of {@code adviceCounts}, as advice.
   */
  static List<Check> all(
      String part,
      Host host,
      Emulator emulator,
      List<Integer> zeroDelayCounts,
      List<Integer> adviceCounts) {
    var checks = new java.util.ArrayList<Check>();
    for (int n : zeroDelayCounts) {
      checks.add(shortMessages(part, host, emulator, n, "0"));
    }
    checks.add(shortMessages(part, host, emulator, 3, "1"));
    checks.add(floodme(part, host, emulator));
    for (int n : adviceCounts) {
      checks.add(shortMessages(part, host, emulator, n, "0").asAdvice());
    }
    return List.copyOf(checks);
  }

  /** The usual set with no advice. */
  static List<Check> all(String part, Host host, Emulator emulator, int... zeroDelayCounts) {
    return all(part, host, emulator, IntStream.of(zeroDelayCounts).boxed().toList(), List.of());
  }
}
