package lab3.apps.part4;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.UsageException;
import lab3.multicast.MulticastChannel;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 part4-sender <group> <port> <camipro>}: the multicast sender of Part 4.2. Reads
 * lines from stdin and sends each as one datagram, the CAMIPRO number as its 6-byte ID; ends at end
 * of input. A line too long for one datagram is skipped with a warning, and the exit status is 1.
 */
public final class Part4SenderCommand extends CliCommand {

  public Part4SenderCommand() {
    super(
        "part4-sender",
        "<group> <port> <camipro>",
        "Part 4.2: send each line of stdin to a multicast group under a 6-digit CAMIPRO ID",
        3,
        3);
  }

  @Override
  protected void options(Options options) {
    MulticastOptions.addInterface(options);
    MulticastOptions.addTtl(options);
  }

  @Override
  protected String footer() {
    return """
        Examples:
          ./lab3 part4-sender 224.1.1.1 5005 123456            # type lines, Ctrl+D ends
          ./lab3 part4-sender 224.1.1.1 5005 123456 < opinion.txt
        """
        + MulticastOptions.SAFE_DEFAULT
        + "\n-v prints one line per datagram sent to stderr.";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    int port = Args.port("port", positional.get(1), false);
    String camipro = positional.get(2);
    if (!camipro.matches("[0-9]{6}")) {
      throw new UsageException("the CAMIPRO number must be 6 digits, got '" + camipro + "'");
    }
    boolean verbose = line.hasOption("verbose");
    int status = 0;
    try (MulticastChannel channel =
            MulticastChannel.builder()
                .group(positional.get(0))
                .port(port)
                .networkInterface(MulticastOptions.networkInterface(line))
                .ttl(MulticastOptions.ttl(line))
                .open();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8))) {
      int number = 0;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        number++;
        try {
          channel.send(camipro, text);
        } catch (IllegalArgumentException e) {
          io.err().println("line " + number + " not sent: " + e.getMessage());
          status = 1;
          continue;
        }
        if (verbose) {
          io.err()
              .println(
                  "sent line "
                      + number
                      + " ("
                      + text.getBytes(StandardCharsets.UTF_8).length
                      + " bytes of text) to "
                      + channel);
        }
      }
    }
    return status;
  }
}
