package lab3.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import lab3.multicast.GroupChannel;
import lab3.multicast.MulticastMessage;
import lab3.multicast.TvProgram;
import org.junit.jupiter.api.Test;

class InMemoryGroupTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @Test
  void everyMemberReceivesEveryMessageItsOwnIncluded() throws Exception {
    InMemoryGroup group = new InMemoryGroup();
    try (GroupChannel a = group.join();
        GroupChannel b = group.join()) {
      a.send("123456", "hello, group");
      MulticastMessage atB = b.receive(PATIENCE);
      MulticastMessage atA = a.receive(PATIENCE);
      assertEquals("hello, group", atB.text());
      assertEquals("123456", atA.id());
      assertEquals(5005, a.port());
      assertNotEquals(group.join().toString(), a.toString());
    }
  }

  @Test
  void nothingSentIsATimeOut() {
    GroupChannel member = new InMemoryGroup().join();
    assertThrows(SocketTimeoutException.class, () -> member.receive(Duration.ofMillis(10)));
  }

  @Test
  void theTvProgramRunsOnTheInMemoryGroupAndAnswersALongMessage() throws Exception {
    InMemoryGroup group = new InMemoryGroup();
    try (GroupChannel viewer = group.join();
        TvProgram tv =
            TvProgram.builder()
                .channel(group.opener())
                .script(List.of("first line"))
                .interval(Duration.ofHours(1))
                .build()
                .start()) {
      assertEquals("first line", viewer.receive(PATIENCE).text());
      viewer.send("123456", "x".repeat(301));
      assertEquals("x".repeat(301), viewer.receive(PATIENCE).text()); // its own, first
      MulticastMessage answer = viewer.receive(PATIENCE);
      assertEquals(TvProgram.ID, answer.id());
      assertEquals(TvProgram.answer("123456", 301), answer.text());
    }
  }
}
