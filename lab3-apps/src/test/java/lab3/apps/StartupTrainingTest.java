package lab3.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupTrainingTest {
  /**
   * Each step of the start-up cache's workload does what it is there for: the help and the usage
   * errors take their paths, and the clients complete against the emulators (a step that failed
   * early would leave its command's classes out of the cache, and nothing else would notice).
   */
  @Test
  void everyStepTakesThePathItTrains() throws Exception {
    assertEquals(
        List.of(
            Main.OK,
            Main.USAGE,
            Main.USAGE,
            Main.OK,
            Main.USAGE,
            Main.OK, // offline
            Main.OK,
            Main.OK,
            Main.OK, // part3 on ::1, 127.0.0.1, localhost
            Main.OK,
            Main.OK), // part2 CMD_short:0, CMD_floodme
        StartupTraining.run());
  }
}
