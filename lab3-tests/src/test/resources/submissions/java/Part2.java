// Part 2: PDC over an IPv6 TCP socket. Usage: java Part2_111111_222222.java <server> <port> <command>
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Part2_111111_222222 {
  public static void main(String[] args) throws Exception {
    String server = args[0];
    int port = Integer.parseInt(args[1]);
    String command = args[2];

    // IPv6 socket: take an IPv6 address of the server, or map the IPv4 one (::ffff:a.b.c.d)
    InetAddress address = null;
    for (InetAddress a : InetAddress.getAllByName(server)) {
      if (a instanceof Inet6Address) {
        address = a;
        break;
      }
    }
    if (address == null) {
      byte[] v4 = InetAddress.getByName(server).getAddress();
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(v4, 0, mapped, 12, 4);
      address = Inet6Address.getByAddress(null, mapped, -1);
    }
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(address, port));
    OutputStream out = socket.getOutputStream();
    out.write(command.getBytes(StandardCharsets.UTF_8));
    out.flush();

    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    if (command.equals("CMD_floodme")) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      int n;
      while ((n = in.read(buffer)) != -1) {
        all.write(buffer, 0, n);
      }
      System.out.println(all.toString(StandardCharsets.UTF_8));
    } else {
      // no delimiter between messages: one ends where the next "This" starts
      Pattern message = Pattern.compile("This is PMU data \\d+(?=This)");
      StringBuilder pending = new StringBuilder();
      int n;
      while ((n = in.read(buffer)) != -1) {
        pending.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        Matcher m = message.matcher(pending);
        while (m.lookingAt()) {
          System.out.println(m.group());
          pending.delete(0, m.end());
          m = message.matcher(pending);
        }
      }
      if (pending.length() > 0) {
        System.out.println(pending);
      }
    }
    socket.close();
  }
}
