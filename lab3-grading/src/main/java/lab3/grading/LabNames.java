package lab3.grading;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import lab3.netlab.LabEnvironment;

/**
 * The lab's server name inside the hand-in's network: {@code tcpip.epfl.ch} names the emulators'
 * host on both families, IPv6 first, so that a program that hard-codes it (as the lab text allows:
 * only the command is given on the command line) reaches the bench's emulators and nothing else.
 *
 * <p>Two files do it, shown to the hand-in's programs as {@code /etc/hosts} and {@code
 * /etc/gai.conf}: the name's two addresses, and an address-selection table (RFC 6724) in which a
 * unique-local IPv6 address ({@code fc00::/7}, the lab network's) comes before IPv4, as the global
 * IPv6 address of the course's server did; with the default table, IPv4 would come first. On a lab
 * network ({@link #installOnLabNetwork}) they are pc's own files under {@code /etc/netns/}, which
 * {@code ip netns exec pc} binds over {@code /etc}; in the other network modes {@link
 * Bench#hostsFile()} and {@link Bench#gaiConf()} hold them for the sandbox to show.
 *
 * <p>An address literal a program hard-codes is never mapped: nothing outside the bench's test
 * networks is ever reached.
 */
public final class LabNames {
  /** The name the lab text gives the course's server. */
  static final String LAB_SERVER = "tcpip.epfl.ch";

  /** IPv6 before IPv4, unique-local IPv6 included (glibc's gai.conf syntax). */
  static final String GAI_CONF =
      "# Written by lab3 grade: IPv6 (also unique-local) before IPv4, as on the course's network.\n"
          + "precedence ::1/128 50\n"
          + "precedence ::/0 40\n"
          + "precedence fc00::/7 40\n"
          + "precedence 2002::/16 30\n"
          + "precedence ::/96 20\n"
          + "precedence ::ffff:0:0/96 10\n";

  private LabNames() {}

  /** The hosts file's lines that name the emulators' host {@code tcpip.epfl.ch}. */
  static String hostsLines(LabEnvironment network) {
    return text(network.serverV6())
        + "\t"
        + LAB_SERVER
        + "\n"
        + text(network.serverV4())
        + "\t"
        + LAB_SERVER
        + "\n";
  }

  /** A whole hosts file for a network mode whose programs see the machine's names otherwise. */
  static String hostsFile(LabEnvironment network) {
    return "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
        + hostsLines(network);
  }

  /**
   * Adds the name to pc's hosts file of a lab network and writes pc's gai.conf; closing removes the
   * gai.conf (the hosts file goes with the network).
   */
  public static Closeable installOnLabNetwork(LabEnvironment network, String pcNamespace)
      throws IOException {
    Path dir = Path.of("/etc/netns", pcNamespace);
    Files.writeString(
        dir.resolve("hosts"),
        hostsLines(network),
        StandardCharsets.US_ASCII,
        StandardOpenOption.APPEND);
    Path gai = dir.resolve("gai.conf");
    Files.writeString(gai, GAI_CONF, StandardCharsets.US_ASCII);
    return () -> Files.deleteIfExists(gai);
  }

  private static String text(InetAddress address) {
    return LabEnvironment.text(address).replace("[", "").replace("]", "");
  }
}
