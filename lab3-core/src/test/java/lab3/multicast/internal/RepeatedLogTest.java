package lab3.multicast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedLogTest {

  @Test
  void aStreakCostsItsFirstLineThePowersOfTenAndItsEnd() {
    List<String> lines = new ArrayList<>();
    RepeatedLog log = new RepeatedLog(lines::add);
    for (int i = 0; i < 1234; i++) {
      log.failure("send failed: No such device");
    }
    log.success();
    log.success();
    assertEquals(
        List.of(
            "send failed: No such device",
            "10 times in a row: send failed: No such device",
            "100 times in a row: send failed: No such device",
            "1000 times in a row: send failed: No such device",
            "the last failure happened 1234 times in a row: send failed: No such device"),
        lines);
  }

  @Test
  void anotherFailureEndsTheStreakAndAOneOffNeedsNoEnd() {
    List<String> lines = new ArrayList<>();
    RepeatedLog log = new RepeatedLog(lines::add);
    log.failure("a");
    log.failure("a");
    log.failure("b");
    log.success();
    assertEquals(List.of("a", "the last failure happened 2 times in a row: a", "b"), lines);
  }
}
