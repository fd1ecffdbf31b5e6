package lab3.apps.part4;

import java.net.NetworkInterface;
import lab3.apps.cli.Args;
import lab3.apps.cli.UsageException;
import lab3.multicast.MulticastChannel;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options the Part 4 commands share: the interface and the TTL. */
final class MulticastOptions {
  static final String SAFE_DEFAULT =
      "The default interface is the loopback one (lo): nothing leaves this machine. Name a real"
          + " interface (--interface wlan0, or its address) to reach the lab's network.";

  private MulticastOptions() {}

  static void addInterface(Options options) {
    options.addOption(
        Option.builder()
            .longOpt("interface")
            .hasArg()
            .argName("IF")
            .desc("interface to join on and send by: a name (lo, eth0) or its address; default lo")
            .get());
  }

  static void addTtl(Options options) {
    options.addOption(
        Option.builder()
            .longOpt("ttl")
            .hasArg()
            .argName("N")
            .desc("routers the datagrams may cross, 0 to 255 (default 1: this network only)")
            .get());
  }

  static NetworkInterface networkInterface(CommandLine line) {
    return line.hasOption("interface")
        ? MulticastChannel.interfaceNamed(line.getOptionValue("interface"))
        : MulticastChannel.loopbackInterface();
  }

  static int ttl(CommandLine line) throws UsageException {
    int ttl = Args.intOption(line, "ttl", 1);
    if (ttl < 0 || ttl > 255) {
      throw new UsageException("--ttl must be 0 to 255, got " + ttl);
    }
    return ttl;
  }
}
