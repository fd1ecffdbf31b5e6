package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab3.apps.grade.GradeCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code submit} and {@code grade}: the project's own hand-in, Python ones, broken ones. */
class GradeTest {
  private static final String A = "111111";
  private static final String B = "222222";

  private static final List<String> PARTS =
      List.of("Part2", "Part3", "Part4_Receiver", "Part4_Sender", "Part5", "Part6_PMU");

  @TempDir Path tmp;

  /** A Python hand-in: the good programs, with {@code part}'s replaced by broken/{@code broken}. */
  private Path pythonSubmission(String part, String broken) throws IOException {
    Path folder = pythonSubmission();
    copyResource(
        "submissions/broken/" + broken + ".py", folder.resolve(part + "_" + A + "_" + B + ".py"));
    return folder;
  }

  /** A Python hand-in written from the lab text alone. */
  private Path pythonSubmission() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("py").resolve("Lab3_" + A + "_" + B));
    for (String part :
        List.of("Part2", "Part3", "Part4_Receiver", "Part4_Sender", "Part5", "Part6_PMU")) {
      copyResource(
          "submissions/python/" + part + ".py", folder.resolve(part + "_" + A + "_" + B + ".py"));
    }
    return folder;
  }

  private static void copyResource(String name, Path to) throws IOException {
    try (InputStream in = GradeTest.class.getClassLoader().getResourceAsStream(name)) {
      Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** "Part2 3/5" from the table. */
  private static String score(CommandRun run, String part) {
    Matcher m = Pattern.compile("(?m)^" + part + "\\s+(\\d+/\\d+)").matcher(run.out());
    assertTrue(m.find(), run.out() + run.stderr());
    return m.group(1);
  }

  private static List<String> failed(CommandRun run) {
    return run.out()
        .lines()
        .filter(l -> l.startsWith("  FAILED "))
        .map(l -> l.substring(9))
        .toList();
  }

  @Test
  void hardCodedIpv4FailsOnlyAgainstTheIpv6Server() throws IOException {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    CommandRun grade =
        CommandRun.of(
            "grade",
            pythonSubmission("Part3", "Part3_ipv4_only").toString(),
            "--parts",
            "Part3",
            "--timeout",
            "5");
    assertEquals("1/2", score(grade, "Part3"), grade.out());
    assertEquals(1, failed(grade).size(), grade.out());
    assertTrue(failed(grade).get(0).startsWith("OFFSET=X from an IPv6-only server"), grade.out());
  }

  @Test
  void projectsOwnSubmissionGetsFullMarks() throws IOException {
    CommandRun submit = CommandRun.of("submit", "--camipro", A, B, "--out", tmp.toString());
    assertEquals(0, submit.status(), submit.stderr());
    Path folder = tmp.resolve("Lab3_" + A + "_" + B);
    for (String part : PARTS) {
      assertTrue(Files.isRegularFile(folder.resolve(part + "_" + A + "_" + B + ".java")), part);
    }
    assertTrue(Files.isRegularFile(tmp.resolve("Lab3_" + A + "_" + B + ".zip")));
    Path report = tmp.resolve("report.json");
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--report", report.toString());
    assertEquals("13/13", score(grade, "total"), grade.out() + grade.stderr());
    assertEquals(0, grade.status());
    assertTrue(
        Files.readString(report).contains("\"part\": \"Part6_PMU\", \"score\": 1, \"max\": 1"));
  }

  @Test
  void zipUnpackedWithPythonsZipfileWhichDropsExecutableBitsGetsFullMarks() throws IOException {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    Path out = Files.createDirectories(tmp.resolve("out"));
    CommandRun submit = CommandRun.of("submit", "--camipro", A, B, "--out", out.toString());
    assertEquals(0, submit.status(), submit.stderr());
    Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
    Tools.run(
            unpacked,
            null,
            "python3",
            "-c",
            "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])",
            out.resolve("Lab3_" + A + "_" + B + ".zip").toString(),
            unpacked.toString())
        .ok();
    Path folder = unpacked.resolve("Lab3_" + A + "_" + B);
    try (var files = Files.walk(folder)) {
      assertTrue(
          files.filter(Files::isRegularFile).noneMatch(Files::isExecutable),
          "zipfile keeps no executable bit, so this test means nothing");
    }
    CommandRun grade = CommandRun.of("grade", folder.toString());
    assertEquals("13/13", score(grade, "total"), grade.out() + grade.stderr());
    assertTrue(grade.stderr().contains("Part2: taken for Java (javac and java"), grade.stderr());
  }

  /** A Java hand-in written as a student would: one .java per part, the JDK only. */
  private Path javaSubmission() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("java").resolve("Lab3_" + A + "_" + B));
    for (String part : PARTS) {
      copyResource(
          "submissions/java/" + part + ".java", folder.resolve(part + "_" + A + "_" + B + ".java"));
    }
    return folder;
  }

  @Test
  void javaSubmissionWrittenAsAStudentWouldIsGradedLikeAPythonOne() throws IOException {
    // Socket on an IPv6 address, a DatagramSocket loop, MulticastSocket.joinGroup, the JDK's
    // WebSocket client, an SSLServerSocket; one file has a package line, one a public class
    // named otherwise than its file, one a class that is not public.
    CommandRun grade = CommandRun.of("grade", javaSubmission().toString());
    assertEquals("13/13", score(grade, "total"), grade.out() + grade.stderr());
    assertTrue(
        grade.stderr().contains("Part3: taken for Java (javac and java")
            && grade.stderr().contains("main class ch.epfl.tcpip.Part3_" + A + "_" + B + ")"),
        grade.stderr());
    assertTrue(grade.stderr().contains("main class Receiver)"), grade.stderr());
  }

  @Test
  void javaThatDoesNotCompileIsReportedAsPresentAndBrokenNeverAsAbsent() throws IOException {
    Path folder = javaSubmission();
    Files.writeString(
        folder.resolve("Part2_" + A + "_" + B + ".java"),
        "public class Part2_"
            + A
            + "_"
            + B
            + " {\n  public static void main(String[] a) {\n"
            + "    System.out.println(\"This is PMU data 1\")\n  }\n}\n");
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--parts", "Part2,Part3");
    assertEquals("0/5", score(grade, "Part2"), grade.out());
    assertEquals("2/2", score(grade, "Part3"), grade.out() + grade.stderr());
    assertTrue(
        grade
            .out()
            .contains("Part2_" + A + "_" + B + ".java does not compile: line 3: ';' expected"),
        grade.out());
    assertFalse(grade.out().contains("no Part2 program"), grade.out());
  }

  @Test
  void jarIsRunWithJavaJar() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    copyResource("submissions/java/Part2.java", src.resolve("Part2_" + A + "_" + B + ".java"));
    int javac =
        javax.tools.ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                src.resolve("Part2_" + A + "_" + B + ".java").toString());
    assertEquals(0, javac);
    Path folder = Files.createDirectories(tmp.resolve("jar").resolve("Lab3_" + A + "_" + B));
    var manifest = new java.util.jar.Manifest();
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .put(java.util.jar.Attributes.Name.MAIN_CLASS, "Part2_" + A + "_" + B);
    try (var jar =
            new java.util.jar.JarOutputStream(
                Files.newOutputStream(folder.resolve("Part2_" + A + "_" + B + ".jar")), manifest);
        var files = Files.list(classes)) {
      for (Path c : files.toList()) {
        jar.putNextEntry(new java.util.jar.JarEntry(c.getFileName().toString()));
        jar.write(Files.readAllBytes(c));
        jar.closeEntry();
      }
    }
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--parts", "Part2");
    assertEquals("5/5", score(grade, "Part2"), grade.out() + grade.stderr());
    assertTrue(grade.stderr().contains("Part2: taken for a jar (java -jar)"), grade.stderr());
  }

  @Test
  void scriptWhoseExecutableBitWasLostRunsByItsShebang() throws IOException {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    Path folder = Files.createDirectories(tmp.resolve("nox").resolve("Lab3_" + A + "_" + B));
    Path program = folder.resolve("Part2_" + A + "_" + B);
    copyResource("submissions/python/Part2.py", program);
    Files.writeString(program, "#!/usr/bin/env python3\n" + Files.readString(program));
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rw-r--r--"));
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--parts", "Part2");
    assertEquals("5/5", score(grade, "Part2"), grade.out() + grade.stderr());
    assertTrue(
        grade.stderr().contains("Part2: taken for Python, by its #! line (#!/usr/bin/env python3)"),
        grade.stderr());
  }

  @Test
  void shellScriptWithoutItsExecutableBitRunsWithTheShellItNames() throws IOException {
    // The bench's PMU numbers from 0 (the course profile, the default): the one message of n=1.
    Path folder = shellSubmission("echo 'This is PMU data 0'\n");
    Files.setPosixFilePermissions(
        folder.resolve("Part2_" + A + "_" + B), PosixFilePermissions.fromString("rw-------"));
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--parts", "Part2");
    assertEquals("1/5", score(grade, "Part2"), grade.out() + grade.stderr()); // only n=1 passes
    assertTrue(grade.stderr().contains("taken for a script, by its #! line (#!/bin/sh)"));
  }

  @Test
  void extensionlessPythonFileIsTakenForPythonByItsContent() throws IOException {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    Path folder = Files.createDirectories(tmp.resolve("bare").resolve("Lab3_" + A + "_" + B));
    copyResource("submissions/python/Part2.py", folder.resolve("Part2_" + A + "_" + B));
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--parts", "Part2");
    assertEquals("5/5", score(grade, "Part2"), grade.out() + grade.stderr());
    assertTrue(
        grade.stderr().contains("Part2: taken for Python, by its content (no extension, no #!)"),
        grade.stderr());
  }

  @Test
  void extensionlessJavaFileIsTakenForJavaByItsContent() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("barej").resolve("Lab3_" + A + "_" + B));
    copyResource("submissions/java/Part2.java", folder.resolve("Part2_" + A + "_" + B));
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--parts", "Part2");
    assertEquals("5/5", score(grade, "Part2"), grade.out() + grade.stderr());
    assertTrue(
        grade.stderr().contains("Part2: taken for Java source, by its content"), grade.stderr());
  }

  @Test
  void fileOfContentTheBenchCannotTellIsReportedAsPresent() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("odd").resolve("Lab3_" + A + "_" + B));
    Files.writeString(folder.resolve("Part2_" + A + "_" + B), "Dear TA, the program is below.\n");
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--parts", "Part2");
    assertEquals("0/5", score(grade, "Part2"), grade.out());
    assertTrue(
        grade.out().contains("is there but the bench cannot tell how to run it"), grade.out());
    assertFalse(grade.out().contains("no Part2 program"), grade.out());
  }

  @Test
  void part5OfAPythonHandInIsNotGradedWhenNoPython3HasWebsocket() throws IOException {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    Assumptions.assumeTrue(
        Python.withModule("websocket").isEmpty(),
        "a python3 here has websocket-client: the bench uses it (graded in"
            + " pythonSubmissionWrittenFromTheLabTextGetsFullMarks)");
    CommandRun grade =
        CommandRun.of("grade", pythonSubmission().toString(), "--parts", "Part2,Part5");
    assertEquals(3, grade.status(), grade.out() + grade.stderr());
    assertEquals("5/5", score(grade, "Part2"), grade.out());
    assertTrue(grade.out().contains("websocket"), grade.out());
    assertTrue(grade.stderr().contains("no python3 here has the websocket module"), grade.stderr());
  }

  @Test
  void pythonSubmissionWrittenFromTheLabTextGetsFullMarks() throws IOException {
    var python = Python.withModule("websocket");
    Assumptions.assumeTrue(
        python.isPresent(), "no python3 with websocket-client (apt-get install python3-websocket)");
    CommandRun grade =
        CommandRun.of("grade", pythonSubmission().toString(), "--python", python.get());
    assertEquals("13/13", score(grade, "total"), grade.out() + grade.stderr());
  }

  @Test
  void wifiStylePart4IsGradedAsItIsInTheBenchsOwnNetwork() throws Exception {
    Assumptions.assumeTrue(
        GradeCommand.sandboxAvailable(),
        "no network namespace can be made here (needs unshare, ip and user namespaces or root)");
    Path folder = pythonSubmission();
    for (String part : List.of("Part4_Receiver", "Part4_Sender")) {
      copyResource(
          "submissions/wifi/" + part + ".py", folder.resolve(part + "_" + A + "_" + B + ".py"));
    }
    // --network sandbox, never auto: this sender sets no interface, so on the host it would send
    // by the default route, off the machine.
    CommandRun grade =
        CommandRun.of(
            "grade",
            folder.toString(),
            "--parts",
            "Part4_Receiver,Part4_Sender",
            "--network",
            "sandbox");
    assertEquals("1/1", score(grade, "Part4_Receiver"), grade.out() + grade.stderr());
    assertEquals("1/1", score(grade, "Part4_Sender"), grade.out() + grade.stderr());
    assertTrue(grade.stderr().contains("network namespace of its own"), grade.stderr());
  }

  @Test
  void withTheCourseCaTheHandInsOwnCertificateIsServed() throws IOException {
    Path pki = Files.createDirectories(tmp.resolve("pki"));
    assertEquals(0, CommandRun.of("pki", "ca", "--out", pki.toString()).status());
    Path key = pki.resolve("key.pem");
    Path csr = pki.resolve("req.csr");
    Path cert = pki.resolve("cert.pem");
    assertEquals(0, CommandRun.of("pki", "key", "--out", key.toString()).status());
    assertEquals(
        0,
        CommandRun.of(
                "pki",
                "csr",
                "--key",
                key.toString(),
                "--subject",
                "/CN=" + A,
                "--out",
                csr.toString())
            .status());
    CommandRun sign =
        CommandRun.of(
            "pki",
            "sign",
            "--ca",
            pki.toString(),
            "--csr",
            csr.toString(),
            "--out",
            cert.toString());
    assertEquals(0, sign.status(), sign.stderr());
    Path out = Files.createDirectories(tmp.resolve("out"));
    CommandRun submit =
        CommandRun.of(
            "submit",
            "--camipro",
            A,
            B,
            "--key",
            key.toString(),
            "--cert",
            cert.toString(),
            "--out",
            out.toString());
    assertEquals(0, submit.status(), submit.stderr());
    Path folder = out.resolve("Lab3_" + A + "_" + B);
    assertTrue(Files.isRegularFile(folder.resolve(A + "_key.pem")));
    CommandRun grade =
        CommandRun.of(
            "grade",
            folder.toString(),
            "--parts",
            "Part6_PMU",
            "--ca",
            pki.resolve("cacert.pem").toString());
    assertEquals("1/1", score(grade, "Part6_PMU"), grade.out() + grade.stderr());

    // The same hand-in, graded against another CA, fails with the reason.
    Path other = Files.createDirectories(tmp.resolve("other"));
    CommandRun.of("pki", "ca", "--out", other.toString());
    CommandRun wrong =
        CommandRun.of(
            "grade",
            folder.toString(),
            "--parts",
            "Part6_PMU",
            "--ca",
            other.resolve("cacert.pem").toString());
    assertEquals("0/1", score(wrong, "Part6_PMU"), wrong.out());
    assertTrue(wrong.out().contains("untrusted certificate"), wrong.out());
  }

  /**
   * Numbered from 0 as the course's PMU did, n = 17 (the largest count the course graded with)
   * breaks at message 10 and is scored; n = 120 is advice only. The feedback names the cause.
   */
  @Test
  void singleDigitSplitterFailsOnlyWhereNumbersHaveTwoDigits() throws IOException {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    CommandRun grade =
        CommandRun.of(
            "grade",
            pythonSubmission("Part2", "Part2_single_digit").toString(),
            "--parts",
            "Part2");
    assertEquals("4/5", score(grade, "Part2"), grade.out());
    assertEquals(1, failed(grade).size(), grade.out());
    assertTrue(
        failed(grade)
            .get(0)
            .startsWith("CMD_short:0 with n=17: The output is right until 'This is PMU data 10'"),
        grade.out());
    assertTrue(
        grade.out().contains("line 11: expected 'This is PMU data 10', got 'This is PMU data 1'"),
        grade.out());
    assertTrue(grade.out().contains("  ADVICE (not scored) CMD_short:0 with n=120: "), grade.out());
    assertEquals(1, grade.status());
  }

  @Test
  void policyShowPrintsTheDefaultPolicyAndAnUnknownRuleIsRefusedInOneLine() throws IOException {
    CommandRun show = CommandRun.of("grade", "--policy", "show");
    assertEquals(0, show.status(), show.stderr());
    assertTrue(show.out().contains("part2.ipv6-socket=required"), show.out());
    assertTrue(show.out().contains("profile=course"), show.out());
    Path bad = Files.writeString(tmp.resolve("policy.properties"), "part2.prefx=reject\n");
    Path folder = Files.createDirectories(tmp.resolve("Lab3_" + A + "_" + B));
    CommandRun refused = CommandRun.of("grade", "--policy", bad.toString(), folder.toString());
    assertEquals(2, refused.status(), refused.stderr());
    assertTrue(
        refused.stderr().lines().findFirst().orElse("").contains("no rule 'part2.prefx'"),
        refused.stderr());
  }

  /** The project's own hand-in gets 13/13 under the lab text's profile as under the course's. */
  @Test
  void projectsOwnSubmissionGetsFullMarksUnderTheLabTextProfile() throws IOException {
    CommandRun submit = CommandRun.of("submit", "--camipro", A, B, "--out", tmp.toString());
    assertEquals(0, submit.status(), submit.stderr());
    Path policy = Files.writeString(tmp.resolve("lab-text.properties"), "profile=lab-text\n");
    CommandRun grade =
        CommandRun.of(
            "grade", "--policy", policy.toString(), tmp.resolve("Lab3_" + A + "_" + B).toString());
    assertEquals("13/13", score(grade, "total"), grade.out() + grade.stderr());
  }

  /**
   * The project's own hand-in also gets 13/13 against the course's own reset server ({@code
   * OFFSET:X}, "Wrong command."), which {@code part3.server=profile} puts in the Part 3 checks.
   */
  @Test
  void projectsOwnSubmissionGetsFullMarksAgainstTheCoursesOwnResetServer() throws IOException {
    CommandRun submit = CommandRun.of("submit", "--camipro", A, B, "--out", tmp.toString());
    assertEquals(0, submit.status(), submit.stderr());
    Path policy =
        Files.writeString(
            tmp.resolve("course-server.properties"), "profile=course\npart3.server=profile\n");
    CommandRun grade =
        CommandRun.of(
            "grade", "--policy", policy.toString(), tmp.resolve("Lab3_" + A + "_" + B).toString());
    assertEquals("13/13", score(grade, "total"), grade.out() + grade.stderr());
  }

  /**
   * A Part 3 program written from the lab text waits for {@code OFFSET=}: against the course's own
   * server ({@code OFFSET:X}) it never ends, and the feedback names the colon and the rule.
   */
  @Test
  void aLabTextPart3AgainstTheCoursesServerIsToldOfTheColon() throws IOException {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    Path policy =
        Files.writeString(
            tmp.resolve("course-server.properties"), "profile=course\npart3.server=profile\n");
    CommandRun grade =
        CommandRun.of(
            "grade",
            "--policy",
            policy.toString(),
            pythonSubmission().toString(),
            "--parts",
            "Part3",
            "--timeout",
            "5");
    assertEquals("0/2", score(grade, "Part3"), grade.out());
    assertTrue(grade.out().contains("answered OFFSET:X with a colon"), grade.out());
    assertTrue(grade.out().contains("[part3.server]"), grade.out());
  }

  @Test
  void debugLinesOnStdoutFailEveryCheck() throws IOException {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    CommandRun grade =
        CommandRun.of(
            "grade", pythonSubmission("Part2", "Part2_debug_lines").toString(), "--parts", "Part2");
    assertEquals("0/5", score(grade, "Part2"), grade.out());
    assertTrue(grade.out().contains("got 'DEBUG connected to"), grade.out());
  }

  @Test
  void hangingProgramIsKilledAtTheLimitAndFailsAlone() throws IOException {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    CommandRun grade =
        CommandRun.of(
            "grade",
            pythonSubmission("Part2", "Part2_hangs").toString(),
            "--parts",
            "Part2",
            "--timeout",
            "3");
    assertEquals("0/5", score(grade, "Part2"), grade.out());
    assertEquals(
        5,
        failed(grade).stream()
            .filter(f -> f.contains("did not finish within 3 s (killed)"))
            .count(),
        grade.out());
    assertTrue(
        ProcessHandle.current()
            .descendants()
            .noneMatch(p -> p.info().commandLine().orElse("").contains("Part2_")),
        "no process left behind");
  }

  @Test
  void missingPartIsReportedNotFatal() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("Lab3_" + A + "_" + B));
    CommandRun grade = CommandRun.of("grade", empty.toString(), "--parts", "Part2");
    assertEquals("0/5", score(grade, "Part2"));
    assertTrue(grade.out().contains("no Part2 program in the submission"), grade.out());
  }

  @Test
  void linkLeadingOutsideTheFolderIsRefused() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("Lab3_" + A + "_" + B));
    Path outside = Files.writeString(tmp.resolve("secret.py"), "print('This is PMU data 1')\n");
    Files.createSymbolicLink(folder.resolve("Part2_" + A + "_" + B + ".py"), outside);
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--parts", "Part2");
    assertEquals("0/5", score(grade, "Part2"));
  }

  /** An executable shell script as the Part 2 program of a hand-in folder. */
  private Path shellSubmission(String script) throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("sh").resolve("Lab3_" + A + "_" + B));
    Path program = folder.resolve("Part2_" + A + "_" + B);
    Files.writeString(program, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
    return folder;
  }

  @Test
  void linkedFolderInASubmissionIsNotCopiedSoTheProgramCannotWriteThroughIt() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path folder = shellSubmission("echo pwned > data/pwned.txt; cat data/secret.txt\n");
    Files.writeString(outside.resolve("secret.txt"), "This is PMU data 1\n");
    Files.createSymbolicLink(folder.resolve("data"), outside);
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--parts", "Part2");
    assertEquals("0/5", score(grade, "Part2"), grade.out());
    assertFalse(Files.exists(outside.resolve("pwned.txt")), "written through the link");
    assertEquals(List.of("secret.txt"), list(outside));
  }

  @Test
  void linkTheProgramCreatesIsNotFollowedWhenTheBenchCleansUp() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("precious.txt"), "keep me\n");
    Path folder =
        shellSubmission("ln -sfn '" + outside + "' escape; ln -sfn '" + outside + "' ../escape\n");
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--parts", "Part2");
    assertEquals("0/5", score(grade, "Part2"), grade.out());
    assertEquals(List.of("precious.txt"), list(outside), "the bench deleted through a link");
    assertEquals("keep me\n", Files.readString(outside.resolve("precious.txt")));
  }

  @Test
  void programRunsInATemporaryCopyNotInTheSubmission() throws IOException {
    Path folder = shellSubmission("pwd >&2; echo scribble > scribble.txt\n");
    CommandRun grade = CommandRun.of("grade", folder.toString(), "--parts", "Part2");
    assertEquals("0/5", score(grade, "Part2"), grade.out());
    assertFalse(Files.exists(folder.resolve("scribble.txt")), "the submission itself was written");
  }

  @Test
  void partsOptionTakesNoPath() {
    CommandRun grade = CommandRun.of("grade", tmp.toString(), "--parts", "../Part2");
    assertEquals(2, grade.status(), grade.stderr());
  }

  @Test
  void submitCopiesThePrivateKeyOwnerOnlyWhateverTheOriginalsRights() throws IOException {
    Path key = Files.writeString(tmp.resolve("server_key.pem"), "-----BEGIN PRIVATE KEY-----\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    Path cert = Files.writeString(tmp.resolve("server_cert.pem"), "-----BEGIN CERTIFICATE-----\n");
    Path out = Files.createDirectories(tmp.resolve("out"));
    for (int run = 0; run < 2; run++) { // the second run replaces the first copy
      CommandRun submit =
          CommandRun.of(
              "submit",
              "--camipro",
              A,
              B,
              "--key",
              key.toString(),
              "--cert",
              cert.toString(),
              "--out",
              out.toString());
      assertEquals(0, submit.status(), submit.stderr());
      Path copy = out.resolve("Lab3_" + A + "_" + B).resolve(A + "_key.pem");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
    }
  }

  private static List<String> list(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void submitRefusesCamiprosThatAreNotSixDigits() {
    CommandRun run = CommandRun.of("submit", "--camipro", "12345", B, "--out", tmp.toString());
    assertEquals(2, run.status());
    assertTrue(run.stderr().contains("exactly 6 digits"), run.stderr());
  }

  @Test
  void gradeRefusesAFolderNotNamedLikeAHandIn() throws IOException {
    CommandRun run =
        CommandRun.of("grade", Files.createDirectories(tmp.resolve("stuff")).toString());
    assertEquals(2, run.status());
    assertTrue(run.stderr().contains("Lab3_<camipro1>_<camipro2>"), run.stderr());
  }
}
