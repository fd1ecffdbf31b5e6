package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cause 9 of issue 23: checks of one hand-in share a network, and one program's receiver heard the
 * same hand-in's sender check. Here the receiver and the sender hard-code the lab's group
 * (224.1.1.1:5005), and the receiver stops with an error as soon as it hears a line of its own
 * hand-in's sender: graded together, its check passes only if the bench never runs the two checks
 * at once on the group.
 */
class CrossTalkTest {
  @TempDir Path tmp;

  @Test
  void aReceiverNeverHearsTheSenderCheckOfItsOwnHandIn() throws Exception {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    Assumptions.assumeTrue(
        lab3.apps.grade.GradeCommand.sandboxAvailable(), "no network namespace can be made here");
    Path folder = Files.createDirectories(tmp.resolve("Lab3_111111_222222"));
    for (String part : new String[] {"Part4_Receiver", "Part4_Sender"}) {
      try (InputStream in =
          getClass()
              .getClassLoader()
              .getResourceAsStream("submissions/crosstalk/" + part + ".py")) {
        Files.copy(in, folder.resolve(part + "_111111_222222.py"));
      }
    }
    Path report = tmp.resolve("report.json");

    CommandRun grade =
        CommandRun.of(
            "grade",
            "--network",
            "sandbox",
            "--parts",
            "Part4_Receiver,Part4_Sender",
            "--timeout",
            "8",
            "--report",
            report.toString(),
            folder.toString());

    String json = Files.exists(report) ? Files.readString(report) : "";
    Matcher receiver =
        Pattern.compile("\"name\": \"prints the TV program's messages\", \"passed\": (true|false)")
            .matcher(json);
    assertTrue(receiver.find(), "no receiver check in the report\n" + json + grade.stderr());
    assertTrue(
        Boolean.parseBoolean(receiver.group(1)),
        "the receiver heard its own hand-in's sender check\n" + grade.out() + grade.stderr());
  }
}
