// Student style, in Java: reads each message as 18 bytes, the length of "This is PMU data 1".
// Usage: java FixedWidth.java <server> <port> <command>
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public class FixedWidth {
  public static void main(String[] args) throws Exception {
    try (Socket socket = new Socket(args[0], Integer.parseInt(args[1]))) {
      OutputStream out = socket.getOutputStream();
      out.write(args[2].getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      if (args[2].equals("CMD_floodme")) {
        System.out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        return;
      }
      while (true) {
        byte[] message = in.readNBytes(18);
        if (message.length == 0) {
          break;
        }
        System.out.println(new String(message, StandardCharsets.US_ASCII));
      }
    }
  }
}
