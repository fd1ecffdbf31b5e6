package lab3.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether a program listens on a TCP port, found without touching its socket: the kernel's table of
 * TCP sockets of the program's network namespace ({@code /proc/PID/net/tcp} and {@code tcp6}, state
 * {@code 0A}, LISTEN). A probe connection would be a client the server must survive: a Part 6
 * server that wraps each accepted socket in TLS with no {@code try} around it dies of a client that
 * closes before the handshake, and the course's graders never sent one.
 *
 * <p>The program and every process it started are looked at, so a program run through a wrapper (an
 * interpreter, a sandbox, {@code ip netns exec}) is found in whichever namespace it ended up.
 */
final class Listening {
  private static final String LISTEN = "0A";

  private Listening() {}

  /** True if {@code program} or a descendant has a TCP socket listening on {@code port}. */
  static boolean onPort(ProcessHandle program, int port) {
    return Stream.concat(Stream.of(program), program.descendants())
        .anyMatch(p -> listens(p.pid(), port));
  }

  private static boolean listens(long pid, int port) {
    for (String table : List.of("tcp", "tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", "" + pid, "net", table))) {
          if (listensIn(line, port)) {
            return true;
          }
        }
      } catch (IOException | RuntimeException gone) {
        // the process ended, or no such table (no IPv6): nothing listens there
      }
    }
    return false;
  }

  /**
   * True if a line of {@code /proc/net/tcp} is a listening socket on {@code port}: {@code " 0:
   * 0100007F:138B 00000000:0000 0A ..."}, the local address's port in hexadecimal.
   */
  static boolean listensIn(String line, int port) {
    String[] fields = line.strip().split("\\s+");
    if (fields.length < 4 || !fields[3].equals(LISTEN)) {
      return false;
    }
    int colon = fields[1].lastIndexOf(':');
    try {
      return colon > 0 && Integer.parseInt(fields[1].substring(colon + 1), 16) == port;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
