package lab3.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a hand-in's program of one part takes its arguments, found once per part by reading its
 * source: the highest argument it reads ({@code sys.argv[i]} in Python, {@code args[i]} in Java).
 * The lab text fixes only that Part 2's command is given on the command line; students of later
 * years took {@code <server> <port> <command>}, earlier ones the command alone with {@code
 * tcpip.epfl.ch} hard-coded (FACTS.md), and Part 6 servers take {@code <cert> <key>} or nothing.
 * The bench runs each program one way, the way its source reads, and says which in its feedback:
 * never two tries of which one may pass.
 *
 * <p>A program whose source cannot be read (a binary) or reads no indexed argument is given the
 * bench's default for the part.
 */
final class Invocation {
  private static final Pattern PYTHON = Pattern.compile("\\bargv\\s*\\[\\s*(\\d+)\\s*\\]");
  private static final Pattern JAVA = Pattern.compile("\\bargs\\s*\\[\\s*(\\d+)\\s*\\]");

  private Invocation() {}

  /**
   * The number of arguments the program's source reads (1 + the highest index, not counting {@code
   * argv[0]}), or -1 if unknown (no source, or no indexed argument).
   */
  static int argumentsRead(Path source) {
    String text;
    try {
      if (Files.size(source) > 1_000_000) {
        return -1;
      }
      text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return -1;
    }
    if (text.indexOf('\0') >= 0) {
      return -1; // a binary
    }
    int highest = -1;
    boolean java = source.toString().endsWith(".java") || text.contains("public static void main");
    Matcher m = (java ? JAVA : PYTHON).matcher(text);
    while (m.find()) {
      highest = Math.max(highest, Integer.parseInt(m.group(1)));
    }
    if (highest < 0) {
      return -1;
    }
    return java ? highest + 1 : highest;
  }

  private static final Pattern IPV4_LITERAL =
      Pattern.compile("(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");

  /**
   * The first IPv4 address literal in the source that could be a server's (not a loopback, wildcard
   * or multicast address), or null. Students hard-coded the course server's address too.
   */
  static String hardCodedAddress(Path source) {
    String text = read(source);
    Matcher m = IPV4_LITERAL.matcher(text);
    while (m.find()) {
      int first = Integer.parseInt(m.group(1));
      if (first != 127 && first != 0 && first < 224 && Integer.parseInt(m.group(4)) <= 255) {
        return m.group();
      }
    }
    return null;
  }

  /** True if the source contains {@code text}. */
  static boolean mentions(Path source, String text) {
    return read(source).contains(text);
  }

  private static String read(Path source) {
    try {
      return Files.size(source) > 1_000_000
          ? ""
          : new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The part's program file in the hand-in (the source when it has one), or null. */
  static Path source(Bench bench, String part) {
    Submission s = bench.submission();
    String stem = part + "_" + s.camipro1() + "_" + s.camipro2();
    for (String name : List.of(stem + ".py", stem + ".java", stem)) {
      try {
        Path file = s.inside(name);
        if (file != null) {
          return file;
        }
      } catch (IOException refused) {
        return null;
      }
    }
    return null;
  }
}
