package lab3.tests;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The JDK's HTTP client for one test, closed by aborting whatever is still open.
 *
 * <p>{@link HttpClient#close()} waits until every operation has completed, and an open WebSocket
 * counts as one: a test that fails (or times out) before its session closes would then wait in
 * {@code close()} for ever, turning a clear failure into a hung build. {@link #close()} here calls
 * {@link HttpClient#shutdownNow()} instead, which aborts the sessions, and waits a bounded time.
 */
record JdkClient(HttpClient http) implements AutoCloseable {
  static JdkClient create() {
    return new JdkClient(HttpClient.newHttpClient());
  }

  @Override
  public void close() throws InterruptedException {
    http.shutdownNow();
    http.awaitTermination(Duration.ofSeconds(10));
  }
}
