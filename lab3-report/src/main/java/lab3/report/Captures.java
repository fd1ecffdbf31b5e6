package lab3.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import lab3.netlab.LabEnvironment;

/**
 * Packet captures with Wireshark's own engine: {@code dumpcap} writes a pcapng, {@code tshark}
 * reads it back with a display filter. The report keeps every file so a student opens it in
 * Wireshark.
 *
 * <p>The pitfall: dumpcap says "Capturing on" before the kernel hands it packets, and what is sent
 * in between is lost; {@link #start} returns only once dumpcap has counted a probe datagram.
 */
public final class Captures {
  private final String dumpcap;
  private final String tshark;

  private Captures(String dumpcap, String tshark) {
    this.dumpcap = dumpcap;
    this.tshark = tshark;
  }

  /** dumpcap and tshark from the PATH. */
  public static Captures system() {
    return new Captures("dumpcap", "tshark");
  }

  /** Named programs, e.g. a missing one to see how the report does without captures. */
  public static Captures of(String dumpcap, String tshark) {
    return new Captures(dumpcap, tshark);
  }

  /** Why no capture can be made here, or empty when dumpcap and tshark both work. */
  public Optional<String> unavailableReason() {
    for (String tool : List.of(dumpcap, tshark)) {
      try {
        Process p =
            new ProcessBuilder(tool, "-v")
                .redirectErrorStream(true)
                .redirectInput(devNull())
                .start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
          return Optional.of(tool + " -v failed (exit " + p.exitValue() + ")");
        }
      } catch (IOException e) {
        return Optional.of(tool + " not found (install Debian's package tshark)");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted");
      }
    }
    return Optional.empty();
  }

  private static java.io.File devNull() {
    return new java.io.File("/dev/null");
  }

  /**
   * Starts capturing on {@code network}'s capture interface, on its client's host, what {@code bpf}
   * lets through, into {@code file}; returns once dumpcap is capturing.
   */
  public Capture start(LabEnvironment network, String bpf, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    String iface = network.captureInterface();
    // "Capturing on" comes before the kernel delivers packets: a probe datagram, which the filter
    // also lets through, tells when the capture really sees packets. It leaves the client's host
    // by the captured interface towards the server's host, to the probe socket's own port (on
    // loopback the probe socket itself receives it; elsewhere an ICMP error comes back).
    DatagramSocket probe =
        network.onClientIo(() -> new DatagramSocket(new InetSocketAddress(network.clientV4(), 0)));
    InetSocketAddress target = new InetSocketAddress(network.serverV4(), probe.getLocalPort());
    try {
      String filter = "(" + bpf + ") or (udp dst port " + probe.getLocalPort() + ")";
      Process p =
          network
              .clientCommand(List.of(dumpcap, "-i", iface, "-f", filter, "-w", file.toString()))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(devNull())
              .start();
      AtomicLong packets = new AtomicLong(-1);
      StringBuilder said = new StringBuilder();
      Thread.ofVirtual().start(() -> readProgress(p, packets, said));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      byte[] ping = {'p'};
      while (packets.get() < 1) {
        if (!p.isAlive()) {
          throw new IOException("dumpcap did not start: " + said.toString().strip());
        }
        if (System.nanoTime() > deadline) {
          p.destroyForcibly();
          throw new IOException("dumpcap saw no probe packet within 30 s");
        }
        if (packets.get() == 0) {
          probe.send(new DatagramPacket(ping, 1, target));
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
          throw new IOException("interrupted");
        }
      }
      String command =
          String.join(
              " ",
              network
                  .clientCommand(
                      List.of(dumpcap, "-i", iface, "-f", "\"" + bpf + "\"", "-w", file.toString()))
                  .command());
      return new Capture(p, file, command, probe, target, packets);
    } catch (IOException | RuntimeException e) {
      probe.close();
      throw e;
    }
  }

  /** dumpcap's stderr: 0 once "Capturing on", then its "Packets: N" counter (lines end in \r). */
  private static void readProgress(Process p, AtomicLong packets, StringBuilder said) {
    try (InputStreamReader err =
        new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8)) {
      StringBuilder token = new StringBuilder();
      int c;
      while ((c = err.read()) != -1) {
        if (c != '\r' && c != '\n') {
          token.append((char) c);
          if (token.toString().matches("Packets: \\d+ ")) {
            packets.set(Long.parseLong(token.substring(9).strip()));
          }
          continue;
        }
        String t = token.toString();
        synchronized (said) {
          said.append(t).append('\n');
        }
        if (t.contains("Capturing on")) {
          packets.compareAndSet(-1, 0);
        }
        token.setLength(0);
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  /**
   * The rows {@code tshark -r file -Y filter -T fields -e ...} prints, each split on tabs.
   *
   * @param options more tshark options, e.g. {@code -d tcp.port==5006,http} (decode as)
   * @param fields e.g. {@code frame.time_epoch}, {@code tcp.len}
   */
  public List<String[]> fields(Path file, List<String> options, String filter, String... fields)
      throws IOException {
    List<String> argv = new ArrayList<>(List.of(tshark, "-n", "-r", file.toString()));
    argv.addAll(options);
    argv.addAll(List.of("-Y", filter));
    argv.addAll(List.of("-T", "fields"));
    for (String f : fields) {
      argv.add("-e");
      argv.add(f);
    }
    Process p =
        new ProcessBuilder(argv)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(devNull())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException("tshark failed on " + file + " with filter " + filter);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    List<String[]> rows = new ArrayList<>();
    out.lines().filter(l -> !l.isBlank()).forEach(l -> rows.add(l.split("\t", -1)));
    return rows;
  }

  /** The tshark command line a reader types to count the same packets. */
  public String countCommand(Path file, List<String> options, String filter) {
    return tshark
        + " -r "
        + file
        + (options.isEmpty() ? "" : " " + String.join(" ", options))
        + " -Y '"
        + filter
        + "' | wc -l";
  }

  /** A running capture; {@link #close} stops it and leaves the file complete. */
  public static final class Capture implements AutoCloseable {
    private final Process process;
    private final Path file;
    private final String command;
    private final DatagramSocket probe;
    private final InetSocketAddress target;
    private final AtomicLong packets;

    private Capture(
        Process process,
        Path file,
        String command,
        DatagramSocket probe,
        InetSocketAddress target,
        AtomicLong packets) {
      this.process = process;
      this.file = file;
      this.command = command;
      this.probe = probe;
      this.target = target;
      this.packets = packets;
    }

    public Path file() {
      return file;
    }

    /** The dumpcap command line that made it. */
    public String command() {
      return command;
    }

    /**
     * Sends a last probe and waits until dumpcap's counter has moved past it and stayed still for a
     * moment (everything queued before the probe is then written), then stops dumpcap.
     */
    @Override
    public void close() throws IOException {
      try {
        long before = packets.get();
        probe.send(new DatagramPacket(new byte[] {'e'}, 1, target));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long seen = before;
        long stillSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
          Thread.sleep(50);
          long now = packets.get();
          if (now != seen) {
            seen = now;
            stillSince = System.nanoTime();
          } else if (seen > before && System.nanoTime() - stillSince > 250_000_000L) {
            break;
          }
        }
        process.destroy(); // SIGTERM: dumpcap writes what it has and closes the file
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      } finally {
        probe.close();
      }
    }
  }
}
