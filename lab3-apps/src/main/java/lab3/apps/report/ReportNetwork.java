package lab3.apps.report;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the report's experiments run: the address the emulators listen on, the interface a capture
 * watches, and the profile the report states (MTU, delay). Loopback is one implementation; the lab
 * network of two namespaces (netlab) is meant to be the other.
 */
public interface ReportNetwork {

  /** "loopback", "netlab", ... */
  String name();

  /** One sentence for the report: what this network is and what it changes. */
  String profile();

  /** The IPv6 address the servers bind and the clients reach. */
  InetAddress serverV6();

  /** The IPv4 address of the same host. */
  InetAddress serverV4();

  /** The interface a capture listens on (in this process's network namespace). */
  String captureInterface();

  /** The interface's MTU, or -1 when unknown. */
  int mtu();

  /** This machine's loopback: {@code ::1} and {@code 127.0.0.1} on {@code lo}. */
  static ReportNetwork loopback() {
    return new ReportNetwork() {
      @Override
      public String name() {
        return "loopback";
      }

      @Override
      public String profile() {
        return "loopback (lo) of this machine: MTU "
            + mtu()
            + " bytes, no delay, no loss on the wire; the lab's Wi-Fi has an MTU of 1,500 and a"
            + " few milliseconds of delay, so TCP cuts and spaces the PMU's bytes differently";
      }

      @Override
      public InetAddress serverV6() {
        return address("::1");
      }

      @Override
      public InetAddress serverV4() {
        return address("127.0.0.1");
      }

      @Override
      public String captureInterface() {
        return "lo";
      }

      @Override
      public int mtu() {
        try {
          return Integer.parseInt(Files.readString(Path.of("/sys/class/net/lo/mtu")).strip());
        } catch (IOException | NumberFormatException e) {
          return -1;
        }
      }
    };
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
