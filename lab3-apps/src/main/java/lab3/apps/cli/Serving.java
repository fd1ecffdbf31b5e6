package lab3.apps.cli;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** Lets serve commands run until Ctrl+C and shut their servers down cleanly. */
public final class Serving {
  private Serving() {}

  /**
   * Blocks until the JVM is asked to stop (Ctrl+C, SIGTERM); a shutdown hook then closes {@code
   * servers} in order before the process exits.
   */
  public static void untilInterrupted(Closeable... servers) throws InterruptedException {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Closeable server : servers) {
                    try {
                      server.close();
                    } catch (IOException | RuntimeException ignored) {
                      // shutting down anyway
                    }
                  }
                }));
    new CountDownLatch(1).await();
  }
}
