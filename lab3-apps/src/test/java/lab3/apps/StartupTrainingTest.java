package lab3.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import lab3.apps.cli.Io;
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
            Main.OK, // part2 CMD_short:0
            Main.OK,
            Main.OK,
            Main.OK,
            Main.OK), // part2 CMD_floodme, four times
        StartupTraining.run());
  }

  /** The full cache's steps: part5's messages and its four floodmes complete. */
  @Test
  void theWebSocketStepsComplete() throws Exception {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    assertEquals(
        List.of(Main.OK, Main.OK, Main.OK, Main.OK, Main.OK),
        StartupTraining.WebSocketSteps.run(
            new Io(InputStream.nullInputStream(), nowhere, nowhere)));
  }
}
