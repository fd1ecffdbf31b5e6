package lab3.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The lab's Part 1 examples (Code C and D, the TCP echo server and client) as calls: what {@code
 * ./lab3 part1 echo-server} and {@code echo-client} run, and what the report's Part 1 experiment
 * measures, so that the two cannot differ.
 */
public final class Part1Examples {
  /** Code D's line. */
  public static final String ROMEO = "O Romeo, Romeo! wherefore art thou Romeo?";

  private Part1Examples() {}

  /** Code C's listening socket: SO_REUSEADDR set before bind, backlog 1. */
  public static ServerSocket echoListen(InetAddress host, int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(host, port), 1);
    return server;
  }

  /**
   * Code C's loop: serves {@code clients} clients one after the other, reads 16 bytes at most per
   * {@code recv}, prints and echoes each chunk, and prints {@code No more data from ...} when the
   * client closes (a read of 0 bytes in Python, -1 in Java).
   */
  public static void echoServe(ServerSocket server, int clients, PrintStream out)
      throws IOException {
    for (int served = 0; served < clients; served++) {
      try (Socket connection = server.accept()) {
        String addr = pythonAddress((InetSocketAddress) connection.getRemoteSocketAddress());
        InputStream in = connection.getInputStream();
        byte[] buf = new byte[16];
        while (true) {
          int n = in.read(buf);
          String data = n > 0 ? new String(buf, 0, n, StandardCharsets.UTF_8) : "";
          out.println("received: " + data);
          out.flush();
          if (n > 0) {
            connection.getOutputStream().write(buf, 0, n);
          } else {
            out.println("No more data from " + addr);
            out.flush();
            break;
          }
        }
      }
    }
  }

  /** {@link #echoServe}, its failures unchecked (for a server thread). */
  public static void echoServeQuietly(ServerSocket server, int clients, PrintStream out) {
    try {
      echoServe(server, clients, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Code D's exchange with the Romeo line. */
  public static void echoExchange(Socket socket, PrintStream out) throws IOException {
    echoExchange(socket, ROMEO, out);
  }

  /** Sends {@code message} and prints the echo as it comes, 8 bytes at most per read. */
  public static void echoExchange(Socket socket, String message, PrintStream out)
      throws IOException {
    out.println("sending: " + message);
    out.flush();
    socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    InputStream in = socket.getInputStream();
    int expected = message.getBytes(StandardCharsets.UTF_8).length;
    int received = 0;
    byte[] buf = new byte[8];
    while (received < expected) {
      int n = in.read(buf);
      if (n < 0) {
        throw new java.io.EOFException("the server closed before echoing everything");
      }
      received += n;
      out.println("received: " + new String(buf, 0, n, StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** An address as Python prints a socket address tuple: {@code ('127.0.0.1', 5001)}. */
  public static String pythonAddress(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    int zone = host.indexOf('%');
    if (zone >= 0) {
      host = host.substring(0, zone);
    }
    if (host.startsWith("::ffff:")) {
      host = host.substring(7);
    }
    return "('" + host + "', " + address.getPort() + ")";
  }
}
