package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench against the evidence: student-style hand-ins ({@code submissions/students/}, one file
 * per part, written as {@code FACTS.md} says students wrote them) and the verdict a careful
 * teaching assistant gives each check, from {@code verdicts.csv} (the machine-readable copy of
 * {@code docs/grading-evidence.md}). The bench is changed until it agrees, never the table.
 *
 * <p>{@code bench-open.csv} lists the verdicts the bench does not reach yet, each with the cause of
 * the issue it waits for. Such a row must still disagree: once the bench agrees, the row is taken
 * out of that list, so the list always tells the truth.
 */
class GradingEvidenceTest {
  private static final String A = "111111";
  private static final String B = "222222";
  private static final String ROOT = "submissions/students/";

  @TempDir Path tmp;

  /** One row of the table: the hand-in's file, the check, and pass or fail. */
  private record Verdict(String file, String check, boolean pass, String rule) {}

  /** One test per hand-in file of the table: the bench grades it, each check as the table says. */
  @TestFactory
  List<DynamicTest> benchGivesEveryStudentStyleHandInTheVerdictOfTheTable() throws IOException {
    return table(null);
  }

  /**
   * The same in the bench's own network namespace ({@code --network sandbox}), the mode a normal
   * user gets: the verdicts must not depend on the network mode.
   */
  @TestFactory
  List<DynamicTest> theVerdictsAreTheSameInTheSandbox() throws IOException {
    return table("sandbox");
  }

  private List<DynamicTest> table(String network) throws IOException {
    Set<String> open =
        csv("bench-open.csv").stream()
            .map(r -> r.get(0) + "|" + r.get(1))
            .collect(Collectors.toSet());
    Map<String, List<Verdict>> byFile =
        verdicts().stream()
            .collect(Collectors.groupingBy(Verdict::file, LinkedHashMap::new, Collectors.toList()));
    List<DynamicTest> tests = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, List<Verdict>> entry : byFile.entrySet()) {
      int at = index++;
      tests.add(
          DynamicTest.dynamicTest(
              entry.getKey(),
              () -> gradeAgainstTheTable(at, entry.getKey(), entry.getValue(), open, network)));
    }
    return tests;
  }

  private void gradeAgainstTheTable(
      int index, String file, List<Verdict> verdicts, Set<String> open, String network)
      throws Exception {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    if (network != null) {
      Assumptions.assumeTrue(
          lab3.apps.grade.GradeCommand.sandboxAvailable(), "no network namespace can be made here");
    }
    String part = file.substring(0, file.indexOf('/'));
    String mode = network == null ? "auto" : network;
    Path folder = handIn(mode + index, file, part);
    Path report = tmp.resolve("report-" + mode + index + ".json");
    CommandRun grade =
        CommandRun.of(
            "grade",
            "--network",
            mode,
            "--parts",
            part,
            "--timeout",
            // A Java hand-in is compiled at each run by the source launcher: seconds on a busy
            // machine.
            file.endsWith(".java") ? "30" : "8",
            "--report",
            report.toString(),
            folder.toString());
    String json = Files.exists(report) ? Files.readString(report) : "";
    List<String> contradictions = new ArrayList<>();
    List<String> staleOpen = new ArrayList<>();
    for (Verdict v : verdicts) {
      Boolean passed = passed(json, v.check());
      String key = v.file() + "|" + v.check();
      boolean agrees = passed != null && passed == v.pass();
      if (open.contains(key)) {
        if (agrees) {
          staleOpen.add(key);
        }
      } else if (!agrees) {
        contradictions.add(
            v.check()
                + ": the table says "
                + (v.pass() ? "pass" : "fail")
                + " ("
                + v.rule()
                + "), the bench "
                + (passed == null ? "ran no such check" : passed ? "passed it" : "failed it"));
      }
    }
    assertTrue(
        contradictions.isEmpty() && staleOpen.isEmpty(),
        String.join("\n", contradictions)
            + (staleOpen.isEmpty()
                ? ""
                : "\nthe bench now agrees with these rows: take them out of bench-open.csv: "
                    + staleOpen)
            + "\n"
            + grade.out()
            + grade.stderr());
  }

  /** Whether the report says the check passed, or null if it has no such check. */
  private static Boolean passed(String json, String check) {
    Matcher m =
        Pattern.compile("\"name\": \"" + Pattern.quote(check) + "\", \"passed\": (true|false)")
            .matcher(json);
    return m.find() ? Boolean.parseBoolean(m.group(1)) : null;
  }

  /**
   * A hand-in folder whose only program is {@code file}, as the part's program. A Java file is run
   * by the JDK's source launcher behind an executable script (until the bench compiles .java
   * hand-ins itself).
   */
  private Path handIn(String index, String file, String part) throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("h" + index).resolve("Lab3_" + A + "_" + B));
    String stem = part + "_" + A + "_" + B;
    if (file.endsWith(".java")) {
      String source = file.substring(file.indexOf('/') + 1);
      copyResource(ROOT + file, folder.resolve(source));
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Path script = folder.resolve(stem);
      Files.writeString(
          script, "#!/bin/sh\nexec '" + java + "' \"$(dirname \"$0\")/" + source + "\" \"$@\"\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } else {
      copyResource(ROOT + file, folder.resolve(stem + ".py"));
    }
    return folder;
  }

  private static List<Verdict> verdicts() throws IOException {
    List<Verdict> table = new ArrayList<>();
    for (List<String> row : csv("verdicts.csv")) {
      table.add(new Verdict(row.get(0), row.get(1), row.get(2).equals("pass"), row.get(3)));
    }
    assertTrue(table.size() > 20, "the table has rows");
    return table;
  }

  /** The rows of a CSV resource, header left out; quoted fields may hold commas. */
  private static List<List<String>> csv(String name) throws IOException {
    String text;
    try (InputStream in = resource(ROOT + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<List<String>> rows = new ArrayList<>();
    Pattern field = Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^,]*)");
    text.lines()
        .skip(1)
        .filter(l -> !l.isBlank())
        .forEach(
            line -> {
              List<String> row = new ArrayList<>();
              Matcher m = field.matcher(line);
              int at = 0;
              while (at <= line.length() && m.find(at)) {
                row.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
                at = m.end() + 1;
              }
              rows.add(row);
            });
    return rows;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = GradingEvidenceTest.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("no resource " + name);
    }
    return in;
  }

  private static void copyResource(String name, Path to) throws IOException {
    try (InputStream in = resource(name)) {
      Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
