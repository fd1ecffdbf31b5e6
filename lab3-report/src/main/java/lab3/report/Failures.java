package lab3.report;

import java.io.FileNotFoundException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a user reads on stderr. */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return switch (e) {
      case UnknownHostException u ->
          message.contains(" ") ? message : "cannot resolve host '" + message + "'";
      case ConnectException c -> message;
      case NoRouteToHostException n -> "no route to host: " + message;
      case BindException b -> message;
      case SocketTimeoutException t -> "timed out: " + message;
      case ProtocolException p -> "protocol error: " + message;
      case NoSuchFileException f -> "no such file: " + message;
      case FileNotFoundException f -> "cannot open file: " + message;
      case SocketException s ->
          message.equalsIgnoreCase("connection reset")
              ? "the server reset the connection"
              : "network error: " + message;
      case java.io.IOException io -> message.isEmpty() ? io.getClass().getSimpleName() : message;
      default ->
          "internal error: " + e.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    };
  }
}
