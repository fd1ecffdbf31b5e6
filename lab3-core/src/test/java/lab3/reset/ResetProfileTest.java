package lab3.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import lab3.reset.internal.ResetResponder;
import lab3.transport.Family;
import org.junit.jupiter.api.Test;

/** The course's reset server (FACTS.md, Part 3) beside the lab text's, decided without sockets. */
class ResetProfileTest {

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static String text(byte[] data) {
    return new String(data, StandardCharsets.US_ASCII);
  }

  /** A Random whose every draw keeps a request (nextDouble 0.99) and picks offset 7. */
  static Random neverDrops() {
    return new Random() {
      @Override
      public double nextDouble() {
        return 0.99;
      }

      @Override
      public int nextInt(int bound) {
        return Math.min(7, bound - 1);
      }
    };
  }

  /** A Random whose every draw drops (nextDouble 0). */
  static Random alwaysDrops() {
    return new Random() {
      @Override
      public double nextDouble() {
        return 0;
      }
    };
  }

  @Test
  void theCourseAnswersReset20WithOffsetColonX() {
    ResetResponder course = new ResetResponder(0.5, neverDrops(), ResetProfile.COURSE);

    ResetResponder.Answer answer =
        assertInstanceOf(ResetResponder.Answer.class, course.respond(ascii("RESET:20")));

    assertEquals("OFFSET:7", text(answer.payload()));
  }

  @Test
  void theLabTextAnswersWithOffsetEqualsX() {
    ResetResponder labText = new ResetResponder(0.5, neverDrops());

    ResetResponder.Answer answer =
        assertInstanceOf(ResetResponder.Answer.class, labText.respond(ascii("RESET:20")));

    assertEquals("OFFSET=7", text(answer.payload()));
  }

  @Test
  void theCourseAnswersWrongCommandToAnyOtherN() {
    ResetResponder course = new ResetResponder(0.5, neverDrops(), ResetProfile.COURSE);

    for (String other : new String[] {"RESET:10", "RESET:20\n", "reset:20", "hello", ""}) {
      ResetResponder.WrongCommand wrong =
          assertInstanceOf(
              ResetResponder.WrongCommand.class, course.respond(ascii(other)), "'" + other + "'");
      assertEquals("Wrong command.", text(wrong.payload()));
    }
  }

  @Test
  void theLabTextAnswersAnyNAndIgnoresGarbage() {
    ResetResponder labText = new ResetResponder(0, neverDrops());

    assertInstanceOf(ResetResponder.Answer.class, labText.respond(ascii("RESET:10")));
    assertInstanceOf(ResetResponder.Malformed.class, labText.respond(ascii("hello")));
  }

  @Test
  void theCourseDropsRequestsAndWrongCommandsAlike() {
    ResetResponder course = new ResetResponder(0.5, alwaysDrops(), ResetProfile.COURSE);

    assertInstanceOf(ResetResponder.Dropped.class, course.respond(ascii("RESET:20")));
    assertInstanceOf(ResetResponder.Ignored.class, course.respond(ascii("hello")));
  }

  @Test
  void theCourseProfileDropsAboutHalfOfTheRequests() {
    ResetResponder course =
        new ResetResponder(ResetProfile.COURSE.loss(), new Random(20201130L), ResetProfile.COURSE);
    int answered = 0;
    for (int i = 0; i < 10_000; i++) {
      if (course.respond(ascii("RESET:20")) instanceof ResetResponder.Answer) {
        answered++;
      }
    }

    assertTrue(answered > 4_700 && answered < 5_300, answered + " of 10000 answered");
  }

  @Test
  void theCourseProfileAlternatesFamiliesEveryTenSeconds() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(0));
    InstantSource clock = now::get;
    ResetServer server = ResetServer.builder().profile(ResetProfile.COURSE).clock(clock).build();

    assertTrue(server.alternates());
    assertTrue(server.serves(Family.IPV4));
    assertFalse(server.serves(Family.IPV6));
    now.set(Instant.ofEpochMilli(9_999));
    assertTrue(server.serves(Family.IPV4));
    now.set(Instant.ofEpochSecond(10));
    assertTrue(server.serves(Family.IPV6));
    assertFalse(server.serves(Family.IPV4));
    now.set(Instant.ofEpochSecond(20));
    assertTrue(server.serves(Family.IPV4));
  }

  @Test
  void settersAfterTheProfileChangeItsLossAndFamiliesButNotItsAnswers() {
    ResetServer server =
        ResetServer.builder()
            .profile(ResetProfile.COURSE)
            .alternate(false)
            .family(Family.IPV6)
            .period(Duration.ofSeconds(3))
            .build();

    assertFalse(server.alternates());
    assertEquals(Family.IPV6, server.family());
    assertEquals(ResetProfile.COURSE, server.profile());
  }

  @Test
  void aChangedBuilderLeavesTheBuiltServerAlone() {
    ResetServer.Builder builder = ResetServer.builder().profile(ResetProfile.COURSE);
    ResetServer server = builder.build();

    builder.profile(ResetProfile.LAB_TEXT);

    assertEquals(ResetProfile.COURSE, server.profile());
    assertTrue(server.alternates());
  }

  @Test
  void ourClientReadsTheCoursesAck() throws ProtocolException {
    byte[] ack = ResetProfile.COURSE.encode(new OffsetAck(13));

    assertEquals(13, OffsetAck.decode(ack, 20).offset());
  }

  @Test
  void aCourseServerOnLoopbackAnswersOffsetColonAndWrongCommand() throws IOException {
    try (ResetServer pmu =
            ResetServer.builder()
                .profile(ResetProfile.COURSE)
                .alternate(false)
                .family(Family.IPV6)
                .loss(0)
                .loopback(true)
                .port(0)
                .random(neverDrops())
                .build()
                .start();
        Datagrams.UdpSocket client = ResetServerTest.socket("::1")) {
      var to = ResetServerTest.at("::1", pmu.port());

      assertEquals("OFFSET:7", ResetServerTest.send(client, "RESET:20", to));
      assertEquals("Wrong command.", ResetServerTest.send(client, "RESET:5", to));
      assertEquals(7, pmu.lastOffset().orElseThrow());
    }
  }

  @Test
  void theProfileIsRequired() {
    assertThrows(NullPointerException.class, () -> ResetServer.builder().profile(null));
  }
}
