package lab3.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Q1 to Q8: the lab's own Python Code A to D, verbatim, run in a network namespace of their own
 * ({@code unshare --net}: the fixed ports 5001 and 5002 can never collide with anything on the
 * machine), with {@code ss -tan | grep 5002} taken with C alone, with C and D connected, and after
 * D got SIGINT (Ctrl+C); beside them, our Java Code C and D over loopback on a free port.
 */
public final class Part1Experiment {

  /**
   * What each program printed and the socket tables.
   *
   * @param python why the Python run was not made, or null when it was
   * @param codeA Code A's output (the UDP client), and so on
   * @param ssAlone {@code ss -tan | grep 5002} with C alone
   * @param ssConnected the same with D connected, after its echo came back
   * @param ssAfterSigint the same after D got SIGINT and C printed "No more data from"
   * @param codeCConnected what C had printed while D was connected
   * @param javaServer our Java Code C's output, javaClient our Code D's
   */
  public record Result(
      String python,
      String codeA,
      String codeB,
      String codeC,
      String codeCConnected,
      String codeD,
      String ssAlone,
      String ssConnected,
      String ssAfterSigint,
      String javaServer,
      String javaClient,
      String directory) {

    public boolean noMoreDataWhileConnected() {
      return codeCConnected != null && codeCConnected.contains("No more data from");
    }

    public boolean noMoreDataAfterSigint() {
      return codeC != null && codeC.contains("No more data from");
    }
  }

  static final String CODE_A =
      """
      import socket

      HOST = 'localhost'          # The remote host
      PORT = 5001                 #port number of communicating partner

      s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

      s.sendto(b'Hello, Romeo ', (HOST,PORT) )
      s.close()
      print('Message sent')
      """;

  static final String CODE_B =
      """
      import socket

      HOST = '' # Symbolic name meaning all available interfaces
      PORT = 5001 # Arbitrary non-privileged port

      s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
      s.bind((HOST, PORT))

      while True:
          data, addr = s.recvfrom(1024)
          print('Received data: ', data.decode())
          print('From Address: ', addr)
      """;

  static final String CODE_C =
      """
      import socket

      HOST = "localhost"
      PORT = 5002

      sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
      sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
      sock.bind((HOST, PORT))
      sock.listen(1)
      while True:
          connection, addr = sock.accept()
          while True:
              data = connection.recv(16).decode()
              print("received:", data)
              if data:
                  connection.sendall(data.encode())
              else:
                  print("No more data from", addr)
                  break
          connection.close()
      """;

  static final String CODE_D =
      """
      import socket

      HOST = "localhost"
      PORT = 5002

      sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
      sock.connect((HOST, PORT))

      message = "O Romeo, Romeo! wherefore art thou Romeo?"
      print("sending:", message)
      sock.sendall(message.encode())

      received = 0
      expected = len(message)

      while received < expected:
          data = sock.recv(8).decode()
          received += len(data)
          print('received:', data)
      while True:
          pass
      """;

  /** The steps, in a shell inside the namespace; every wait polls for what it waits for. */
  static final String SCRIPT =
      """
      set -u
      set -m   # job control: background jobs keep SIGINT (Ctrl+C), as in a terminal
      ip link set lo up
      waitfor() { for i in $(seq 200); do if eval "$1"; then return 0; fi; sleep 0.05; done; return 1; }
      python3 -u B.py > B.out 2> B.err & B=$!
      waitfor "ss -uln | grep -q ':5001 '"
      python3 -u A.py > A.out 2> A.err
      waitfor '[ $(wc -l < B.out) -ge 2 ]'
      kill $B
      python3 -u C.py > C.out 2> C.err & C=$!
      waitfor "ss -tln | grep -q ':5002 '"
      ss -tan | grep 5002 > ss-alone.txt
      python3 -u D.py > D.out 2> D.err & D=$!
      waitfor '[ $(python3 -c "import sys; print(sum(len(l) - 10 for l in open(\\"D.out\\").read().splitlines() if l.startswith(\\"received: \\")))") -ge 41 ]'
      ss -tan | grep 5002 > ss-connected.txt
      cp C.out C-connected.out
      kill -INT $D
      wait $D
      waitfor "grep -q 'No more data from' C.out"
      ss -tan | grep 5002 > ss-after-sigint.txt
      kill $C
      wait
      exit 0
      """;

  private Part1Experiment() {}

  public static Result run(ReportContext ctx) throws Exception {
    Path dir = ctx.out().resolve("part1");
    Files.createDirectories(dir);
    String why = python(dir);
    JavaRun java = javaExamples();
    if (why != null) {
      return new Result(
          why,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          java.server(),
          java.client(),
          ctx.out().relativize(dir).toString());
    }
    return new Result(
        null,
        read(dir, "A.out"),
        read(dir, "B.out"),
        read(dir, "C.out"),
        read(dir, "C-connected.out"),
        read(dir, "D.out"),
        read(dir, "ss-alone.txt"),
        read(dir, "ss-connected.txt"),
        read(dir, "ss-after-sigint.txt"),
        java.server(),
        java.client(),
        ctx.out().relativize(dir).toString());
  }

  /** Runs the Python steps in {@code dir}; null when done, else why not. */
  static String python(Path dir) throws IOException, InterruptedException {
    Files.writeString(dir.resolve("A.py"), CODE_A);
    Files.writeString(dir.resolve("B.py"), CODE_B);
    Files.writeString(dir.resolve("C.py"), CODE_C);
    Files.writeString(dir.resolve("D.py"), CODE_D);
    Files.writeString(dir.resolve("steps.sh"), SCRIPT);
    Process p;
    try {
      p =
          new ProcessBuilder("unshare", "--net", "bash", "steps.sh")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("steps.log").toFile())
              .start();
    } catch (IOException e) {
      return "unshare or bash not found: " + e.getMessage();
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "the Python steps did not finish within 60 s (see part1/steps.log)";
    }
    if (!Files.exists(dir.resolve("ss-after-sigint.txt"))) {
      String log = Files.readString(dir.resolve("steps.log")).strip();
      return "the Python steps failed (no python3, or no permission to make a network namespace): "
          + (log.isEmpty() ? "exit " + p.exitValue() : log.lines().findFirst().orElse(""));
    }
    return null;
  }

  /** What our Java Code C (the server) and Code D (the client) printed. */
  public record JavaRun(String server, String client) {}

  /** Our Java Code C and D on a free loopback port (the demo shows the same run). */
  public static JavaRun javaExamples() throws Exception {
    ByteArrayOutputStream serverLog = new ByteArrayOutputStream();
    ByteArrayOutputStream clientLog = new ByteArrayOutputStream();
    try (ServerSocket server = Part1Examples.echoListen(InetAddress.getLoopbackAddress(), 0);
        PrintStream serverOut = new PrintStream(serverLog, true, StandardCharsets.UTF_8);
        PrintStream clientOut = new PrintStream(clientLog, true, StandardCharsets.UTF_8)) {
      Thread serverThread =
          Thread.ofVirtual().start(() -> Part1Examples.echoServeQuietly(server, 1, serverOut));
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        Part1Examples.echoExchange(client, clientOut);
      }
      serverThread.join(10_000);
    }
    return new JavaRun(
        serverLog.toString(StandardCharsets.UTF_8), clientLog.toString(StandardCharsets.UTF_8));
  }

  private static String read(Path dir, String name) throws IOException {
    Path f = dir.resolve(name);
    return Files.exists(f) ? Files.readString(f) : "";
  }

  /** Lines of {@code output} that start with {@code prefix}. */
  static List<String> lines(String output, String prefix) {
    return output == null ? List.of() : output.lines().filter(l -> l.startsWith(prefix)).toList();
  }
}
