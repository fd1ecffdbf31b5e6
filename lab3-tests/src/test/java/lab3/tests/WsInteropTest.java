package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab3.pmu.FloodText;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.transport.Endpoint;
import lab3.ws.WsPmuClient;
import lab3.ws.WsPmuServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our WebSocket client against another project's server (Python's {@code websockets}), and our
 * emulator against another project's client (Python's {@code websocket-client}, the one the lab
 * suggests). Both are Debian packages ({@code python3-websockets}, {@code python3-websocket}) that
 * {@code .ci/run} installs; without them the tests skip and say so.
 */
class WsInteropTest {

  /**
   * A PMU in Python: prints its port, answers one command per connection (binary messages for
   * CMD_short like the lab's server; the flood as text cut into many frames), until stdin closes.
   */
  static final String PYTHON_PMU =
      """
      import asyncio, sys, websockets

      def flood():
          return "".join("Python flood line %d: caf\\u00e9 \\u20ac \\U0001F600\\n" % i
                         for i in range(40000))

      async def handler(ws, path=None):
          command = await ws.recv()
          if isinstance(command, bytes):
              command = command.decode()
          if command.startswith("CMD_short"):
              for i in range(1, 21):
                  await ws.send(("This is PMU data %d" % i).encode())
          elif command == "CMD_floodme":
              text = flood()
              await ws.send(text[i:i + 1000] for i in range(0, len(text), 1000))
          else:
              await ws.close(1008, "bad command")

      async def main():
          async with websockets.serve(handler, "127.0.0.1", 0) as server:
              print(server.sockets[0].getsockname()[1], flush=True)
              await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)

      asyncio.run(main())
      """;

  /** The lab's client, in Python with websocket-client: prints messages, counts on_message. */
  static final String PYTHON_PDC =
      """
      import sys, websocket

      url, command = sys.argv[1], sys.argv[2]
      calls = 0

      def on_open(ws):
          ws.send(command)

      def on_message(ws, message):
          global calls
          calls += 1
          if isinstance(message, bytes):
              message = message.decode("utf-8")
          sys.stdout.write(message if command == "CMD_floodme" else message + "\\n")

      def on_close(ws, code, reason):
          sys.stderr.write("on_message=%d close=%s\\n" % (calls, code))

      websocket.WebSocketApp(url, on_open=on_open, on_message=on_message,
                             on_close=on_close).run_forever()
      """;

  static String pythonFlood() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40000; i++) {
      text.append("Python flood line ").append(i).append(": café € \uD83D\uDE00\n");
    }
    return text.toString();
  }

  private static String python(String module) {
    var python = Python.withModule(module);
    Assumptions.assumeTrue(
        python.isPresent(),
        "no python3 with the '"
            + module
            + "' module (Debian: apt-get install python3-websockets python3-websocket)");
    return python.get();
  }

  @Test
  void ourClientReadsAPythonWebsocketsServer() throws Exception {
    String python = python("websockets");
    Process server = new ProcessBuilder(python, "-c", PYTHON_PMU).start();
    try {
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> portLine = CompletableFuture.supplyAsync(() -> readLine(lines));
      String port = portLine.get(20, TimeUnit.SECONDS);
      assertTrue(port != null && port.matches("[0-9]+"), "the Python server printed " + port);
      Endpoint endpoint = new Endpoint("127.0.0.1", Integer.parseInt(port));
      WsPmuClient client = WsPmuClient.builder().build();

      List<String> messages = new ArrayList<>();
      PmuResult shorts =
          client.send(
              endpoint,
              PmuCommand.parse("CMD_short:0"),
              new PmuListener() {
                @Override
                public void onMessage(String message) {
                  messages.add(message);
                }
              });
      assertEquals(20, messages.size());
      assertEquals("This is PMU data 1", messages.getFirst());
      assertEquals("This is PMU data 20", messages.getLast());
      assertEquals(20, shorts.reads());

      StringBuilder text = new StringBuilder();
      PmuResult flood =
          client.send(
              endpoint,
              PmuCommand.parse("CMD_floodme"),
              new PmuListener() {
                @Override
                public void onText(CharSequence piece) {
                  text.append(piece);
                }
              });
      assertEquals(1, flood.reads(), "the Python server's many frames are one message");
      assertEquals(pythonFlood(), text.toString());
    } finally {
      server.getOutputStream().close(); // the script stops when its stdin closes
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @ParameterizedTest(name = "{0}, text frames {1}, frame bytes {2}")
  @CsvSource({
    "CMD_short:0, false, 0",
    "CMD_short:0, true, 5",
    "CMD_floodme, false, 0",
    "CMD_floodme, true, 1000"
  })
  void aPythonWebsocketClientReadsOurEmulator(String command, boolean textFrames, int frameBytes)
      throws Exception {
    String python = python("websocket");
    try (WsPmuServer server =
        WsPmuServer.builder()
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .messages(20)
            .textFrames(textFrames)
            .frameBytes(frameBytes)
            .build()
            .start()) {
      Process pdc =
          new ProcessBuilder(
                  python, "-c", PYTHON_PDC, "ws://127.0.0.1:" + server.port() + "/", command)
              .start();
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(pdc.getErrorStream()));
      byte[] out = pdc.getInputStream().readAllBytes();
      assertTrue(pdc.waitFor(20, TimeUnit.SECONDS), "the Python client did not finish");
      String diagnostics = new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
      String stdout = new String(out, StandardCharsets.UTF_8);
      if (command.equals("CMD_floodme")) {
        assertEquals(new String(FloodText.builtIn().bytes(), StandardCharsets.UTF_8), stdout);
        assertTrue(diagnostics.contains("on_message=1 close=1000"), diagnostics);
      } else {
        assertEquals(20, stdout.lines().count(), stdout);
        assertEquals("This is PMU data 20", stdout.lines().toList().getLast());
        assertTrue(diagnostics.contains("on_message=20 close=1000"), diagnostics);
      }
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      return "(failed: " + e + ")";
    }
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return ("(failed: " + e + ")").getBytes(StandardCharsets.UTF_8);
    }
  }
}
