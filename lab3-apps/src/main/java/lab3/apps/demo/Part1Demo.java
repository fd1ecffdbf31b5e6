package lab3.apps.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import lab3.apps.part1.Part1Examples;

/** Part 1: Code C and Code D, the echo server and client, over loopback. */
final class Part1Demo implements DemoPart {

  @Override
  public String title() {
    return "Part 1: Code C (echo server, 16-byte reads) and Code D (client, 8-byte reads)";
  }

  @Override
  public void run(PrintStream out) throws Exception {
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
    out.println("   client (Code D) printed:");
    indent(out, clientLog);
    out.println("   server (Code C) printed:");
    indent(out, serverLog);
    long serverLines = serverLog.toString(StandardCharsets.UTF_8).lines().count();
    long clientLines = clientLog.toString(StandardCharsets.UTF_8).lines().count();
    out.printf(
        "   Q6: the server printed %d lines, the client %d: each side prints one line per recv(),"
            + " and the buffer sizes differ (16 vs 8).%n",
        serverLines - 2, clientLines - 1);
  }

  private static void indent(PrintStream out, ByteArrayOutputStream log) {
    log.toString(StandardCharsets.UTF_8).lines().forEach(l -> out.println("     | " + l));
  }
}
