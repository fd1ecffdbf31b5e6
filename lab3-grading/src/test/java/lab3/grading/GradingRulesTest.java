package lab3.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab3.netlab.CourseProfile;
import lab3.reset.ResetProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grading policy's rules, each on the output students really print. */
class GradingRulesTest {
  @TempDir Path tmp;

  private static final Policy DEFAULTS = Policy.defaults();

  @Test
  void part3PassesWhenTheOffsetPrintedIsTheOneAckedWhateverElseIsPrinted() {
    List<Integer> sent = List.of(7);
    assertNull(Part3Checks.offsetPrinted("attempt 1\nreceived b'OFFSET=7' from ::1\n", sent));
    assertNull(Part3Checks.offsetPrinted("7\n", sent));
    assertNull(Part3Checks.offsetPrinted("Received: OFFSET:7 after 3 tries\n", sent));
    assertTrue(Part3Checks.offsetPrinted("OFFSET=3\n", sent).contains("[part3.output]"));
    assertTrue(Part3Checks.offsetPrinted("", sent).startsWith("printed no offset"));
  }

  @Test
  void part3PassesAnOffsetOfAnEarlierAckWhenTheServerAnsweredARetryToo() {
    // The program's time-out fired before the first ack came; it sent again, took the first ack.
    List<Integer> sent = List.of(7, 3);
    assertNull(Part3Checks.offsetPrinted("OFFSET=7\n", sent));
    assertNull(Part3Checks.offsetPrinted("OFFSET=3\n", sent));
    assertTrue(Part3Checks.offsetPrinted("OFFSET=5\n", sent).contains("one of [7, 3]"));
  }

  @Test
  void part3sServerAnswersWithTheColonOnlyToASourceWrittenForIt() throws Exception {
    // Waits for the course's colon, prints what the lab text asks.
    Path colon =
        Files.writeString(
            tmp.resolve("colon.py"),
            "if r.startswith('OFFSET:'):\n    print('OFFSET=' + r.split(':')[1])\n");
    Path equals = Files.writeString(tmp.resolve("equals.py"), "print(r.split('OFFSET=')[1])\n");
    Path neither = Files.writeString(tmp.resolve("neither.py"), "print(re.search('[0-9]+', r))\n");
    assertEquals(ResetProfile.COURSE, Part3Checks.serverProfile(DEFAULTS, colon));
    assertEquals(ResetProfile.LAB_TEXT, Part3Checks.serverProfile(DEFAULTS, equals));
    assertEquals(ResetProfile.LAB_TEXT, Part3Checks.serverProfile(DEFAULTS, neither));
    assertEquals(ResetProfile.LAB_TEXT, Part3Checks.serverProfile(DEFAULTS, null));
    Policy labText = Policy.parse("part3.server=lab-text", DEFAULTS);
    assertEquals(ResetProfile.LAB_TEXT, Part3Checks.serverProfile(labText, colon));
    Policy profile = Policy.parse("profile=course\npart3.server=profile", DEFAULTS);
    assertEquals(ResetProfile.COURSE, Part3Checks.serverProfile(profile, equals));
  }

  @Test
  void part2ToleratesOneLabelBeforeEveryMessageOnlyWhenThePolicySays() {
    List<String> expected = List.of("This is PMU data 0", "This is PMU data 1");
    String labelled = "received: This is PMU data 0\nreceived: This is PMU data 1\n";
    assertNull(AnswerChecks.lines("Part2", DEFAULTS, expected, labelled));
    Policy strict = Policy.parse("part2.prefix=reject", DEFAULTS);
    assertTrue(AnswerChecks.lines("Part2", strict, expected, labelled).contains("[part2.lines]"));
    // Two different labels are not one label.
    assertTrue(
        AnswerChecks.lines(
                "Part2", DEFAULTS, expected, "a This is PMU data 0\nb This is PMU data 1")
            != null);
  }

  @Test
  void fixedWidthParsingIsNamedWhereItBreaks() {
    List<String> expected =
        java.util.stream.IntStream.range(0, 12).mapToObj(i -> "This is PMU data " + i).toList();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      out.append("This is PMU data ").append(i).append('\n');
    }
    out.append("This is PMU data 1\n0This is PMU data \n11\n");
    String why = AnswerChecks.lines("Part2", DEFAULTS, expected, out.toString());
    assertTrue(why.startsWith("The output is right until 'This is PMU data 10'"), why);
  }

  @Test
  void aFloodmeWithANewlineAfterEveryRecvIsTheTextWithNewlinesAdded() {
    String text = "Two households,\nboth alike in dignity";
    assertTrue(
        AnswerChecks.onlyNewlinesAdded(text, "Two hou\nseholds,\n\nboth alike\n in dignity\n"));
    assertFalse(AnswerChecks.onlyNewlinesAdded(text, "Two households, both alike in dignity"));
    assertFalse(AnswerChecks.onlyNewlinesAdded(text, "Two households,\n"));
  }

  @Test
  void anIpv4SocketInPart2IsToldInOneSentence() {
    String why =
        AnswerChecks.explain(
            "Part2",
            "exited with status 1",
            "socket.gaierror: [Errno -9] Address family for hostname not supported\n");
    assertTrue(why.startsWith("Part 2 requires an IPv6 socket; your program opened an IPv4"), why);
    assertTrue(why.contains("[part2.ipv6-socket]"), why);
  }

  @Test
  void theCoursesFloodmeIsAbout57KbOfAscii() {
    byte[] text = CourseProfile.floodText().bytes();
    assertTrue(text.length > 55_000 && text.length <= 57_000, "" + text.length);
    for (byte b : text) {
      assertTrue(b >= 0, "a byte outside ASCII");
    }
  }

  @Test
  void theCoursesClientAcceptsMessagesNumberedFromZeroOrOneInSequence() {
    assertNull(CourseTlsClient.judge("This is PMU data 0This is PMU data 1", ""));
    assertNull(CourseTlsClient.judge("This is PMU data 1This is PMU data 2", ""));
    assertTrue(CourseTlsClient.judge("This is PMU data 1This is PMU data 3", "").contains("3"));
    assertTrue(CourseTlsClient.judge("", "").contains("no message"));
  }

  @Test
  void aListeningSocketIsReadFromTheKernelsTable() {
    String line =
        "   0: 0100007F:138B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0"
            + "        0 12345 1 0000000000000000 100 0 0 10 0";
    assertTrue(Listening.listensIn(line, 5003));
    assertFalse(Listening.listensIn(line, 5004));
    assertFalse(Listening.listensIn(line.replace(" 0A ", " 01 "), 5003)); // established
  }

  @Test
  void theInvocationIsReadFromTheSource() throws Exception {
    Path commandOnly = Files.writeString(tmp.resolve("a.py"), "cmd = sys.argv[1]\n");
    Path full =
        Files.writeString(tmp.resolve("b.py"), "s, p, c = sys.argv[1], sys.argv[2], sys.argv[3]\n");
    Path java =
        Files.writeString(
            tmp.resolve("C.java"), "class C { void f(String[] args) { g(args[1]); } }");
    assertEquals(1, Invocation.argumentsRead(commandOnly));
    assertEquals(3, Invocation.argumentsRead(full));
    assertEquals(2, Invocation.argumentsRead(java));
    Path literal = Files.writeString(tmp.resolve("d.py"), "HOST = '128.178.151.72'\n");
    assertEquals("128.178.151.72", Invocation.hardCodedAddress(literal));
    assertNull(Invocation.hardCodedAddress(commandOnly));
  }

  @Test
  void aPolicyFileChangesOnlyTheRulesItSetsAndRefusesUnknownValues() {
    Policy changed = Policy.parse("part3.output=exact-line\n", DEFAULTS);
    assertTrue(changed.is("part3.output", "exact-line"));
    assertTrue(changed.is("part2.prefix", "tolerate"));
    assertThrows(
        IllegalArgumentException.class, () -> Policy.parse("part3.output=loose\n", DEFAULTS));
    assertThrows(IllegalArgumentException.class, () -> Policy.parse("part9=yes\n", DEFAULTS));
    assertEquals(List.of(1, 7, 17), DEFAULTS.numbers("part2.scored-n"));
  }
}
