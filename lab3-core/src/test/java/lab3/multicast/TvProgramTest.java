package lab3.multicast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import lab3.multicast.internal.Recorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TvProgramTest {
  /** Long enough that a test sees only the first line of the script. */
  private static final Duration QUIET = Duration.ofHours(1);

  private static TvProgram.Builder program(MulticastChannel receiver) {
    return TvProgram.builder()
        .group(receiver.group())
        .port(receiver.port())
        .networkInterface(MulticastChannel.loopbackInterface());
  }

  private static boolean isAnswer(MulticastMessage m) {
    return m.id().equals(TvProgram.ID) && m.text().startsWith("Thank you");
  }

  @Test
  void broadcastsTheScriptLineByLineThenRewindsAndStartsOver() throws Exception {
    try (MulticastChannel receiver = Loopback.channel().open().join();
        TvProgram tv =
            program(receiver)
                .script(List.of("first", "", "second"))
                .interval(Duration.ofMillis(1))
                .build()
                .start()) {
      List<MulticastMessage> seen =
          Loopback.receiveUntil(receiver, m -> m.text().equals(TvProgram.REWIND));
      List<String> texts = seen.stream().map(MulticastMessage::text).toList();
      assertEquals(List.of("first", "second", TvProgram.REWIND), texts);
      assertTrue(seen.stream().allMatch(m -> m.id().equals("swcmTV")));
      assertEquals("first", receiver.receive(Loopback.PATIENCE).text());
      assertEquals("second", receiver.receive(Loopback.PATIENCE).text());
    }
  }

  @Test
  void theBuiltInScriptIsTheOpeningOfRomeoAndJuliet() {
    List<String> script = TvProgram.builtInScript();
    assertTrue(script.stream().anyMatch(l -> l.contains("Two households, both alike in dignity")));
    assertTrue(script.size() > 20);
  }

  @Test
  void aTextLongerThan300CharactersIsAnsweredAndOneOf300IsNot() throws Exception {
    try (MulticastChannel receiver = Loopback.channel().open().join();
        MulticastChannel subscriber = Loopback.sameGroup(receiver).open();
        TvProgram tv = program(receiver).interval(QUIET).build().start()) {
      subscriber.send("123456", "x".repeat(300));
      subscriber.send("123456", "é".repeat(300)); // 600 bytes, but 300 characters
      subscriber.send("swcmTV", "y".repeat(400)); // the program's own ID: not a subscriber
      subscriber.send("654321", "z".repeat(301));
      // The program handles messages in order: an answer to an earlier one would come first.
      List<MulticastMessage> seen = Loopback.receiveUntil(receiver, TvProgramTest::isAnswer);
      assertEquals(TvProgram.answer("654321", 301), seen.getLast().text());
      assertTrue(seen.getLast().text().contains("654321"));
      assertTrue(seen.getLast().text().contains("301"));
    }
  }

  @Test
  void twoSubscribersSendingAtOnceEachGetTheirAnswer() throws Exception {
    try (MulticastChannel receiver = Loopback.channel().open().join();
        MulticastChannel alice = Loopback.sameGroup(receiver).open();
        MulticastChannel bob = Loopback.sameGroup(receiver).open();
        TvProgram tv = program(receiver).interval(Duration.ofMillis(5)).build().start()) {
      Thread a = Thread.ofVirtual().start(() -> sendQuietly(alice, "111111", 350));
      Thread b = Thread.ofVirtual().start(() -> sendQuietly(bob, "222222", 500));
      Set<String> answers = new HashSet<>();
      while (answers.size() < 2) {
        MulticastMessage m = receiver.receive(Loopback.PATIENCE);
        if (isAnswer(m)) {
          answers.add(m.text());
        }
      }
      a.join();
      b.join();
      assertEquals(
          Set.of(TvProgram.answer("111111", 350), TvProgram.answer("222222", 500)), answers);
    }
  }

  private static void sendQuietly(MulticastChannel channel, String id, int length) {
    try {
      channel.send(id, "w".repeat(length));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theRecordFileHoldsEveryMessageSeenOneLineEach(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("record.tsv");
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    List<MulticastMessage> heard = new CopyOnWriteArrayList<>();
    try (MulticastChannel receiver = Loopback.channel().clock(clock).open().join();
        MulticastChannel alice = Loopback.sameGroup(receiver).open();
        MulticastChannel bob = Loopback.sameGroup(receiver).open();
        TvProgram tv =
            program(receiver)
                .script(List.of("the only line"))
                .interval(QUIET)
                .clock(clock)
                .record(file)
                .build()
                .start()) {
      heard.addAll(Loopback.receiveUntil(receiver, m -> m.text().equals("the only line")));
      alice.send("111111", "short\ttab and\nnewline");
      bob.sendRaw(new byte[] {'x', 'y'});
      bob.send("222222", "long ".repeat(80));
      // Recorded before it is answered: once the answer is here, so is every earlier line.
      heard.addAll(Loopback.receiveUntil(receiver, TvProgramTest::isAnswer));
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (MulticastMessage m : heard.subList(0, heard.size() - 1)) {
      assertTrue(lines.contains(Recorder.line(m)), () -> Recorder.line(m) + " not in " + lines);
    }
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.startsWith("2026-11-28T12:00:00Z\t127.0.0.1:")
                        && l.endsWith("\t111111\tshort\\ttab and\\nnewline")),
        lines.toString());
    assertEquals(5, heard.size());
  }

  @Test
  void theRecordFileIsAppendedTo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("record.tsv");
    Files.writeString(file, "earlier line\n");
    try (MulticastChannel receiver = Loopback.channel().open().join();
        TvProgram tv =
            program(receiver).script(List.of("hello")).interval(QUIET).record(file).build()) {
      tv.start();
      assertEquals("hello", receiver.receive(Loopback.PATIENCE).text());
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals("earlier line", lines.getFirst());
  }

  @Test
  void theBuilderRejectsBadValuesAtOnce() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TvProgram.builder().interval(Duration.ofNanos(999_999)));
    assertThrows(IllegalArgumentException.class, () -> TvProgram.builder().script(List.of(" ")));
    assertThrows(
        IllegalArgumentException.class,
        () -> TvProgram.builder().script(List.of("x".repeat(70_000))));
    assertThrows(IllegalArgumentException.class, () -> TvProgram.builder().port(-1));
  }

  @Test
  void theAnswerNamesTheSubscriberAndTheLength() {
    assertEquals(
        "Thank you, subscriber 123456: we received your message of 412 characters.",
        TvProgram.answer("123456", 412));
  }

  @Test
  void changingTheBuilderAfterBuildChangesNothingOfTheProgram() throws Exception {
    try (MulticastChannel receiver = Loopback.channel().open().join()) {
      TvProgram.Builder builder = program(receiver).script(List.of("kept")).interval(QUIET);
      try (TvProgram tv = builder.build()) {
        builder.group(Loopback.randomGroup()).port(receiver.port() == 5005 ? 5006 : 5005);
        builder.script(List.of("changed"));
        tv.start();
        assertEquals(receiver.port(), tv.port());
        assertEquals("kept", receiver.receive(Loopback.PATIENCE).text());
      }
    }
  }
}
