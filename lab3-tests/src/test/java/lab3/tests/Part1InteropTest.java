package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part 1: the Java examples against the lab's own Python Code A to D. */
class Part1InteropTest {
  @TempDir Path dir;

  static boolean hasPython() {
    try {
      return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static int freeTcpPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Process python(String script) throws IOException {
    Path file = Files.writeString(dir.resolve("code.py"), script);
    return new ProcessBuilder("python3", "-u", file.toString()).redirectErrorStream(true).start();
  }

  @Test
  void javaEchoClientTalksToPythonCodeC() throws Exception {
    Assumptions.assumeTrue(hasPython(), "python3 is not installed");
    int port = freeTcpPort();
    // Code C as in the lab, serving one client then exiting.
    Process server =
        python(
            """
            import socket
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("localhost", %d))
            sock.listen(1)
            print("ready", flush=True)
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
            """
                .formatted(port));
    try {
      assertEquals("ready", server.inputReader().readLine());
      CommandRun run = CommandRun.of("part1", "echo-client", "--port", "" + port, "--exit");
      assertEquals(0, run.status(), run.stderr());
      String out = run.out();
      assertTrue(out.startsWith("sending: O Romeo, Romeo! wherefore art thou Romeo?\n"), out);
      String echoed =
          out.lines()
              .skip(1)
              .map(l -> l.substring("received: ".length()))
              .reduce("", String::concat);
      assertEquals("O Romeo, Romeo! wherefore art thou Romeo?", echoed);
      assertTrue(server.waitFor(10, TimeUnit.SECONDS));
      String log = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(log.contains("No more data from ('127.0.0.1'"), log);
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void pythonCodeDTalksToJavaEchoServer() throws Exception {
    Assumptions.assumeTrue(hasPython(), "python3 is not installed");
    int port = freeTcpPort();
    CompletableFuture<CommandRun> server =
        CompletableFuture.supplyAsync(
            () -> CommandRun.of("part1", "echo-server", "--port", "" + port, "--count", "1"));
    // Code D as in the lab, without its final busy loop; retries until the server listens.
    Process client =
        python(
            """
            import socket, time
            HOST = "localhost"
            PORT = %d
            for attempt in range(100):
                try:
                    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    sock.connect((HOST, PORT))
                    break
                except ConnectionRefusedError:
                    sock.close()
                    time.sleep(0.05)
            message = "O Romeo, Romeo! wherefore art thou Romeo?"
            print("sending:", message)
            sock.sendall(message.encode())
            received = 0
            expected = len(message)
            while received < expected:
                data = sock.recv(8).decode()
                received += len(data)
                print('received:', data)
            sock.close()
            """
                .formatted(port));
    try {
      assertTrue(client.waitFor(20, TimeUnit.SECONDS));
      String clientOut = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(clientOut.contains("received: "), clientOut);
      CommandRun run = server.get(20, TimeUnit.SECONDS);
      assertEquals(0, run.status(), run.stderr());
      assertTrue(run.out().startsWith("received: O Romeo, Romeo! \n"), run.out());
      assertTrue(run.out().contains("No more data from ('127.0.0.1', "), run.out());
    } finally {
      client.destroyForcibly();
    }
  }

  @Test
  void pythonCodeAReachesJavaCodeBAndJavaCodeAReachesPythonCodeB() throws Exception {
    Assumptions.assumeTrue(hasPython(), "python3 is not installed");
    int port = freeUdpPort();
    CompletableFuture<CommandRun> receiver =
        CompletableFuture.supplyAsync(
            () -> CommandRun.of("part1", "udp-recv", "--port", "" + port, "--count", "1"));
    // UDP has no connection: Code A may send before Code B binds, so send until B reports.
    Process sender =
        python(
            """
            import socket, time
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            for i in range(200):
                s.sendto(b'Hello, Romeo ', ('localhost', %d))
                time.sleep(0.05)
            """
                .formatted(port));
    try {
      CommandRun run = receiver.get(20, TimeUnit.SECONDS);
      assertTrue(
          run.out().startsWith("Received data:  Hello, Romeo \nFrom Address:  ('127.0.0.1', "),
          run.out());
    } finally {
      sender.destroyForcibly();
    }

    int port2 = freeUdpPort();
    Process pyReceiver =
        python(
            """
            import socket
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(('', %d))
            print('ready', flush=True)
            data, addr = s.recvfrom(1024)
            print('Received data: ', data.decode())
            """
                .formatted(port2));
    try {
      assertEquals("ready", pyReceiver.inputReader().readLine());
      CommandRun send = CommandRun.of("part1", "udp-send", "--port", "" + port2);
      assertEquals("Message sent\n", send.out());
      assertTrue(pyReceiver.waitFor(10, TimeUnit.SECONDS));
      assertEquals("Received data:  Hello, Romeo ", pyReceiver.inputReader().readLine());
    } finally {
      pyReceiver.destroyForcibly();
    }
  }
}
