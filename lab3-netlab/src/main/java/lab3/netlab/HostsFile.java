package lab3.netlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A host's own {@code /etc/hosts}. {@code ip netns exec NS} bind-mounts every file of {@code
 * /etc/netns/NS/} over the one of the same name in {@code /etc}, for the command it runs only, so
 * {@code tcpip.lab} resolves inside the lab network while the machine's own {@code /etc/hosts} is
 * never touched. Like the lab's server, {@code tcpip.lab} has an IPv4 and an IPv6 address: a client
 * that asks for both and tries them (Part 3) finds the one the server listens on.
 */
final class HostsFile {
  private HostsFile() {}

  static Path directory(String namespace) {
    return Path.of("/etc/netns", namespace);
  }

  static void write(String namespace, Host pc, Host labhost) throws IOException {
    String text =
        "# Written by lab3 netlab for the namespace "
            + namespace
            + "; removed by netlab down.\n"
            + "127.0.0.1\tlocalhost\n"
            + "::1\tip6-localhost ip6-loopback\n"
            + line(labhost, "tcpip.lab labhost")
            + line(pc, "pc");
    Path directory = directory(namespace);
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("hosts"), text, StandardCharsets.US_ASCII);
  }

  private static String line(Host host, String names) {
    return Addresses.text(host.ipv4())
        + "\t"
        + names
        + "\n"
        + Addresses.text(host.ipv6())
        + "\t"
        + names
        + "\n";
  }

  static void remove(String namespace) throws IOException {
    Path directory = directory(namespace);
    Files.deleteIfExists(directory.resolve("hosts"));
    Files.deleteIfExists(directory);
    try {
      Files.deleteIfExists(directory.getParent()); // /etc/netns, once no namespace has files there
    } catch (java.nio.file.DirectoryNotEmptyException others) {
      // other namespaces' files: left alone
    }
  }
}
