package lab3.apps.part1;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The Part 1 examples as calls, for the demo and the tests. */
public final class Part1Examples {
  private Part1Examples() {}

  /** Code C's listening socket. */
  public static ServerSocket echoListen(InetAddress host, int port) throws IOException {
    return EchoServer.listen(host, port);
  }

  /** Code C's loop for {@code clients} clients; failures end it. */
  public static void echoServeQuietly(ServerSocket server, int clients, PrintStream out) {
    try {
      EchoServer.serve(server, clients, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Code D's exchange with the Romeo line. */
  public static void echoExchange(Socket socket, PrintStream out) throws IOException {
    EchoClient.exchange(socket, EchoClient.ROMEO, out);
  }
}
