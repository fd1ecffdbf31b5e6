package lab3.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentences that teach: for each mistake students really make (FACTS.md, "What students handed
 * in"), one plain sentence naming the cause and the lab's question it relates to.
 */
class TeachingFeedbackTest {
  @TempDir Path tmp;

  @Test
  void anIpv4SocketInPart2IsNamedWithTheLabsRequirementAndQuestion() {
    String said =
        AnswerChecks.explain(
            "Part2",
            "exited with status 1",
            "socket.gaierror: [Errno -9] Address family for hostname not supported");

    assertTrue(said.startsWith("Part 2 requires an IPv6 socket"), said);
    assertTrue(said.contains("Q3"), said);
    assertTrue(said.contains("[part2.ipv6-socket]"), said);
  }

  @Test
  void decodingEachRecvAloneIsNamedWithQuestion12() {
    String said =
        AnswerChecks.explain(
            "Part2", "exited with status 1", "UnicodeDecodeError: 'utf-8' codec can't decode");

    assertTrue(said.contains("decodes each recv() on its own"), said);
    assertTrue(said.contains("Q12"), said);
  }

  @Test
  void outputCutAtMessage10IsNamedAsFixedWidthParsingWithQuestion11() {
    List<String> expected =
        java.util.stream.IntStream.range(0, 12).mapToObj(i -> "This is PMU data " + i).toList();
    StringBuilder got = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      got.append("This is PMU data ").append(i).append('\n');
    }
    got.append("This is PMU data 1\n0This is PMU data 1\n");

    String said = AnswerChecks.lines("Part2", Policy.defaults(), expected, got.toString());

    assertTrue(said.contains("fixed width"), said);
    assertTrue(said.contains("Q11"), said);
  }

  @Test
  void aJoinOnAnInterfaceThisHostLacksIsTold() {
    assertTrue(
        Part4Checks.joinedOnAMissingInterface(
            "OSError: [Errno 99] Cannot assign requested address"));
    assertTrue(Part4Checks.joinedOnAMissingInterface("OSError: [Errno 19] No such device"));
    assertTrue(
        Part4Checks.joinedOnAMissingInterface(
            "java.net.SocketException: No network interface found with address 192.168.1.34"));
    assertFalse(Part4Checks.joinedOnAMissingInterface("IndexError: list index out of range"));
    assertTrue(Part4Checks.WRONG_INTERFACE.contains("INADDR_ANY"));
    assertTrue(Part4Checks.WRONG_INTERFACE.contains("Q16"));
  }

  @Test
  void aKeyOf1024BitsAsTheLabTextMakesItIsAdviceNamingTheLabTextsCommand() throws Exception {
    Path small = tmp.resolve("111111_key.pem");
    Pem.write(small, KeyPairs.rsa(1024).getPrivate());
    Path enough = tmp.resolve("222222_key.pem");
    Pem.write(enough, KeyPairs.rsa(2048).getPrivate());
    Path notAKey = Files.writeString(tmp.resolve("junk.pem"), "not a key");

    assertEquals(1024, Part6Checks.rsaBits(small));
    assertEquals(2048, Part6Checks.rsaBits(enough));
    assertEquals(0, Part6Checks.rsaBits(notAKey));
    String said = Part6Checks.smallKeyAdvice(List.of("111111_key.pem (1024 bits)"));
    assertTrue(said.contains("openssl genrsa -out CAMIPRO1_key.pem 1024"), said);
    assertTrue(said.contains("2048"), said);
  }

  @Test
  void aKeyFileLargerThanTheLimitIsNotReadAndTheAdviceSaysWhy() throws Exception {
    Path small = tmp.resolve("111111_key.pem");
    Pem.write(small, KeyPairs.rsa(1024).getPrivate());
    // The same 1024-bit key, followed by blank lines (which PEM parsing skips) beyond the limit.
    Path oversized = tmp.resolve("222222_key.pem");
    Files.writeString(oversized, Files.readString(small) + "\n".repeat(Part6Checks.KEY_FILE_LIMIT));
    Path atTheLimit = tmp.resolve("333333_key.pem");
    String key = Files.readString(small);
    Files.writeString(atTheLimit, key + "\n".repeat(Part6Checks.KEY_FILE_LIMIT - key.length()));

    assertEquals(1024, Part6Checks.rsaBits(atTheLimit), "a file of exactly the limit is read");
    assertEquals(Part6Checks.TOO_LARGE, Part6Checks.rsaBits(oversized));
    String said = Part6Checks.keyAdvice(tmp, List.of("111111", "222222"));
    assertTrue(said.contains("111111_key.pem (1024 bits)"), said);
    assertTrue(said.contains("222222_key.pem is larger than 64 KiB"), said);
    assertTrue(said.contains("no advice on its key size"), said);
    assertFalse(said.contains("222222_key.pem (1024 bits)"), said);
  }

  @Test
  void aServerOfOneConnectionIsToldItIsAdviceNotScore() {
    assertTrue(Part6Checks.ONE_CONNECTION.contains("one connection"));
    assertTrue(Part6Checks.ONE_CONNECTION.contains("advice, not score"));
  }

  @Test
  void part6ReportsTheKeyAndTheSecondConnectionAsAdvice() {
    List<Check> checks = Part6Checks.all(null, Policy.defaults());
    List<Check> skipped =
        Part6Checks.all(null, Policy.parse("part6.second-connection=skip", Policy.defaults()));

    assertEquals(3, checks.size());
    assertEquals(2, skipped.size());
    assertFalse(checks.get(0).advice());
    assertTrue(
        checks.stream()
            .filter(c -> c.name().equals(Part6Checks.SECOND_PDC))
            .allMatch(Check::advice));
    assertTrue(
        checks.stream().filter(c -> c.name().equals(Part6Checks.KEY_SIZE)).allMatch(Check::advice));
  }
}
