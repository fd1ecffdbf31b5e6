package lab3.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one stderr line a failed run's feedback quotes. */
class OutcomeTest {

  @Test
  void pythonTracebackIsQuotedByItsLastLineTheException() {
    assertEquals(
        ": ConnectionRefusedError: [Errno 111] Connection refused",
        Outcome.lastLine(
            "Traceback (most recent call last):\n  File \"Part2.py\", line 3, in <module>\n"
                + "ConnectionRefusedError: [Errno 111] Connection refused\n"));
  }

  @Test
  void javaStackTraceIsQuotedByTheLineNamingTheExceptionNotItsOutermostFrame() {
    assertEquals(
        ": Exception in thread \"main\" java.net.UnknownHostException: tcpip.lab",
        Outcome.lastLine(
            "Exception in thread \"main\" java.net.UnknownHostException: tcpip.lab\n"
                + "\tat java.base/java.net.InetAddress.getAllByName0(InetAddress.java:1)\n"
                + "\tat Part3.main(Part3.java:18)\n"));
    assertEquals(
        ": Caused by: java.net.ConnectException: Connection refused",
        Outcome.lastLine(
            "Exception in thread \"main\" java.io.UncheckedIOException: x\n"
                + "\tat Part3.main(Part3.java:18)\n"
                + "Caused by: java.net.ConnectException: Connection refused\n"
                + "\tat Part3.main(Part3.java:17)\n"
                + "\t... 1 more\n"));
  }
}
