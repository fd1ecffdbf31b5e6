package lab3.grading;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab3.reset.ResetProfile;
import lab3.reset.ResetServer;
import lab3.transport.Family;

/**
 * Part 3: the reset client against an IPv4-only and an IPv6-only server, each dropping half the
 * requests, as the lab's server does. The printed offset must be the one the server sent.
 *
 * <p>On loopback the client is given the server's address literal (127.0.0.1 or ::1): on many
 * machines no name resolves to both. On the lab network it is given {@code tcpip.lab}, which names
 * both of labhost's addresses, as {@code tcpip.epfl.ch} does in the lab: the client must find out
 * by itself which family the server is on, which is what the lab asks.
 */
public final class Part3Checks {
  private static final Pattern ACK = Pattern.compile("OFFSET=(\\d+)");

  /**
   * A seed with which the server drops the first two requests and answers the third: every
   * submission meets the same losses, and a correct client needs three rounds (about 2 s).
   */
  static final long DROPS_TWO_THEN_ANSWERS = 28 * 0x9E3779B97F4A7C15L;

  private Part3Checks() {}

  public static List<Check> all() {
    return List.of(
        new Check(
            "Part3",
            "OFFSET=X from an IPv4-only server with loss",
            b -> check(b, Family.IPV4, "127.0.0.1")),
        new Check(
            "Part3",
            "OFFSET=X from an IPv6-only server with loss",
            b -> check(b, Family.IPV6, "::1")));
  }

  /** The server a check runs: on one family, on loopback, with the seeded losses. */
  static ResetServer server(Family family) {
    return server(family, true, ResetProfile.LAB_TEXT).build();
  }

  /** The same, answering as {@code profile} says (the policy's profile on the bench). */
  static ResetServer server(Family family, ResetProfile profile) {
    return server(family, true, profile).build();
  }

  /**
   * The same, on loopback addresses only ({@code loopback}) or on every address of its host (the
   * lab network's labhost, whose only link is the lab's). Whatever the profile, a check's server
   * serves one family and drops with the seeded draws: the course's runner alternated families
   * every 10 s (FACTS.md, Part 3), which the two checks, one per family, stand for; the profile
   * decides the answers ({@code OFFSET:X} and {@code Wrong command.} for the course).
   */
  private static ResetServer.Builder server(Family family, boolean loopback, ResetProfile profile) {
    return ResetServer.builder()
        .profile(profile)
        .alternate(false)
        .family(family)
        .loopback(loopback)
        .port(0)
        .loss(0.5)
        .random(new Random(DROPS_TWO_THEN_ANSWERS));
  }

  /**
   * How the checks' reset server answers (policy {@code part3.server}):
   *
   * <ul>
   *   <li>{@code as-written} (the default): as the program expects, judging by its source. The lab
   *       text writes {@code OFFSET=X}; the course's server answered {@code OFFSET:X} (FACTS.md,
   *       Part 3), and students who tested against it wrote their programs for the colon (and
   *       printed {@code OFFSET=X}, as the lab text asks). A source that names {@code OFFSET:} gets
   *       the course's server (a program that accepts both forms is served either way); any other
   *       (no colon form, no source to read) the lab text's. One run, decided before it: a program
   *       never passes because one of two servers suited it.
   *   <li>{@code lab-text}: always {@code OFFSET=X}, as the lab text describes the server.
   *   <li>{@code profile}: as the policy's profile says (with the course profile, {@code OFFSET:X}
   *       and {@code Wrong command.}, as the course's server did).
   * </ul>
   *
   * @param source the program's source as handed in, or null if there is none to read
   */
  static ResetProfile serverProfile(Policy policy, Path source) {
    if (policy.is("part3.server", "profile")) {
      return Profile.of(policy).reset();
    }
    if (policy.is("part3.server", "as-written") && waitsForTheColon(source)) {
      return ResetProfile.COURSE;
    }
    return ResetProfile.LAB_TEXT;
  }

  private static boolean waitsForTheColon(Path source) {
    return source != null && Invocation.mentions(source, "OFFSET:");
  }

  /** The sentence for a program whose source chose the course's server, which acked. */
  static final String AS_WRITTEN_COLON =
      "The server answered OFFSET:X, as the course's server did (FACTS.md), because the program's"
          + " source looks for 'OFFSET:' "
          + Policy.tag("part3.server")
          + ".";

  /** The sentence for a program that failed against the course's server, which acked. */
  static final String COURSE_COLON =
      "The server answered OFFSET:X with a colon, as the course's server did (FACTS.md), where the"
          + " lab text writes OFFSET=X: a program that waits for 'OFFSET=' alone never ends against"
          + " it "
          + Policy.tag("part3.server")
          + ".";

  /** The lab's port of the reset server (lab text, Part 3). */
  static final int LAB_PORT = 5004;

  private static String check(Bench bench, Family family, String literal) throws Exception {
    boolean shared = bench.network().shared();
    // A program that reads no argument and names tcpip.epfl.ch (the lab text's server) is run with
    // none, against the server on the lab's port, the name resolving to it (see LabNames).
    Path source = Invocation.source(bench, "Part3");
    boolean hardCoded =
        source != null
            && Invocation.argumentsRead(source) < 1
            && Invocation.mentions(source, LabNames.LAB_SERVER);
    String address =
        source != null && Invocation.argumentsRead(source) < 1 && !hardCoded
            ? Invocation.hardCodedAddress(source)
            : null;
    if (address != null) {
      return "the program takes no argument and hard-codes the server's address "
          + address
          + ": the bench never maps an address outside its test networks (only the name"
          + " tcpip.epfl.ch, as the lab text gives the server); give the server as that name or on"
          + " the command line";
    }
    if (hardCoded && !bench.labNamesResolve()) {
      throw new Bench.HarnessException(
          "the program takes no argument (the server hard-coded as tcpip.epfl.ch): the bench can"
              + " make that name resolve to its emulators through the sandbox's /etc/hosts, which"
              + " --unsafe-no-sandbox has not");
    }
    if (hardCoded) {
      bench.exclusively("port " + LAB_PORT);
    }
    int port = hardCoded ? LAB_PORT : 0;
    ResetServer server =
        bench.track(
            bench.onServer(
                () ->
                    server(family, shared, serverProfile(bench.policy(), source))
                        .port(port)
                        .log(bench.emulatorLog("reset server"))
                        .build()
                        .start()));
    String host = shared ? literal : bench.network().serverName();
    String how =
        hardCoded ? " (run as: Part3, with tcpip.epfl.ch:" + LAB_PORT + " the bench's server)" : "";
    ProcessRunner.Result r =
        hardCoded
            ? bench.run("Part3", new byte[0])
            : bench.run("Part3", new byte[0], host, "" + server.port());
    String failure = Outcome.ofRun(r, bench);
    String colon =
        server.profile() != ResetProfile.COURSE || server.acks() == 0
            ? ""
            : bench.policy().is("part3.server", "as-written")
                ? AS_WRITTEN_COLON + " "
                : COURSE_COLON + " ";
    if (failure != null) {
      return colon + failure + how;
    }
    // Every offset the server acked in this check: a program whose own time-out is shorter than a
    // loaded machine's round trip sends again, and may print the first ack while a second was sent.
    List<Integer> sent = server.offsetsSent();
    if (bench.policy().is("part3.output", "exact-line")) {
      String wrong = exactLine(r.out(), sent);
      return wrong == null ? null : wrong + how;
    }
    String wrong = offsetPrinted(r.out(), sent);
    return wrong == null ? null : wrong + how;
  }

  private static final Pattern ACK_ANYWHERE = Pattern.compile("OFFSET\\s*[=:]\\s*(\\d+)");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d+)(?![\\w.])");

  /**
   * Policy {@code part3.output=offset-printed}: the lab fixes no output format for Part 3, so the
   * program passes when the number it prints for the ack is an offset the server sent: the number
   * after its last {@code OFFSET=} (or {@code OFFSET:}, as the course's server wrote it), or, if it
   * prints none, the last whole number it prints. Other lines (counts, debug lines, the ack's repr)
   * are allowed.
   *
   * @param sent every offset the server acked during the check, oldest first
   */
  static String offsetPrinted(String out, List<Integer> sent) {
    String rule = " " + Policy.tag("part3.output");
    Integer printed = null;
    Matcher ack = ACK_ANYWHERE.matcher(out);
    while (ack.find()) {
      printed = Integer.valueOf(ack.group(1));
    }
    if (printed == null) {
      Matcher number = NUMBER.matcher(out);
      while (number.find()) {
        if (number.group(1).length() <= 9) {
          printed = Integer.valueOf(number.group(1));
        }
      }
    }
    if (printed == null) {
      String first = out.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
      return "printed no offset"
          + (first.isEmpty() ? " (nothing at all)" : "; first line '" + first.strip() + "'")
          + rule;
    }
    if (sent.isEmpty()) {
      return "printed " + printed + " but the server never answered" + rule;
    }
    if (!sent.contains(printed)) {
      return "printed "
          + printed
          + " as the offset, but the server's answer was "
          + answers(sent)
          + rule;
    }
    return null;
  }

  /** Policy {@code part3.output=exact-line}: one line, {@code OFFSET=X}, X the server's. */
  private static String exactLine(String out, List<Integer> sent) {
    String rule = " " + Policy.tag("part3.output");
    List<String> lines = out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.size() != 1) {
      return "expected one line OFFSET=X, got "
          + lines.size()
          + " lines"
          + (lines.isEmpty() ? "" : ", first '" + lines.getFirst() + "'")
          + rule;
    }
    Matcher m = ACK.matcher(lines.getFirst());
    if (!m.matches()) {
      return "expected OFFSET=X, got '" + lines.getFirst() + "'" + rule;
    }
    int offset = Integer.parseInt(m.group(1));
    if (offset > 20) {
      return "printed " + lines.getFirst() + ", out of range 0..20: not an answer of the server";
    }
    if (!sent.contains(offset)) {
      return "printed "
          + lines.getFirst()
          + " but the server's answer was OFFSET="
          + (sent.isEmpty() ? "none" : answers(sent));
    }
    return null;
  }

  /** The server's answers in a sentence: "7", or "one of [7, 3]" when it answered a retry too. */
  private static String answers(List<Integer> sent) {
    return sent.size() == 1 ? "" + sent.getFirst() : "one of " + sent;
  }
}
