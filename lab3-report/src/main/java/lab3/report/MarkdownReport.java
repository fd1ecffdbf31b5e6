package lab3.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab3.netlab.LabEnvironment;

/**
 * REPORT.md: Q1 to Q21 in the lab's order, each with the figures measured in this run, an
 * explanation chosen by those figures, and how they were measured. Nothing here is measured: it
 * only reads a {@link LabReport.Run}.
 */
public final class MarkdownReport {
  private final LabReport.Run run;
  private final StringBuilder md = new StringBuilder();

  private MarkdownReport(LabReport.Run run) {
    this.run = run;
  }

  public static String render(LabReport.Run run) {
    MarkdownReport r = new MarkdownReport(run);
    r.header();
    r.part1();
    r.part2();
    r.part3();
    r.part4();
    r.part5();
    r.part6();
    return r.md.toString();
  }

  private void header() {
    ReportContext ctx = run.context();
    line("# Lab 3: the 21 questions, measured");
    line();
    line("Measured on " + run.started() + " by `" + run.command() + "`.");
    line();
    line("- Network: " + ctx.network().profile() + ".");
    line(
        "- Captures: "
            + (ctx.capturing()
                ? "dumpcap on `"
                    + ctx.network().captureInterface()
                    + "`, one pcapng per"
                    + " experiment in `captures/`, counted with tshark (each count's command is"
                    + " given)."
                : "none: " + ctx.noCapture().get() + ". The answers that need packets say so."));
    line(
        "- Settings: n = "
            + ctx.messages()
            + " messages per CMD_short, "
            + ctx.runs()
            + " reset runs, reset loss "
            + ctx.loss()
            + ", seed "
            + ctx.seed()
            + ".");
    for (LabReport.Outcome o : run.outcomes()) {
      if (!o.ok()) {
        line("- **Experiment " + o.name() + " (" + o.questions() + ") failed**: " + o.failure());
      }
    }
    line();
  }

  // ---------------------------------------------------------------- Part 1

  private void part1() {
    line("## Part 1: socket programming basics");
    line();
    Part1Experiment.Result r = run.result("part1", Part1Experiment.Result.class);
    if (r == null || r.python() != null) {
      String why = r == null ? failed("part1") : "the lab's Python code was not run: " + r.python();
      for (String q : List.of("Q1", "Q2", "Q3", "Q4", "Q5")) {
        question(q, "Not measured: " + why + ".");
      }
      if (r != null) {
        question(
            "Q6",
            "Our Java Code C printed "
                + count(r.javaServer(), "received: ")
                + " `received:` lines, our Java Code D "
                + count(r.javaClient(), "received: ")
                + ":\n\n"
                + block(r.javaServer())
                + "\n"
                + block(r.javaClient()));
      } else {
        question("Q6", "Not measured: " + why + ".");
      }
      question("Q7", "Not measured: " + why + ".");
      question("Q8", "Not measured: " + why + ".");
      return;
    }
    String how =
        "*How measured:* the lab's Code A to D, verbatim, in `"
            + r.directory()
            + "/`, run by `unshare --net bash steps.sh` there (a network namespace of its own,"
            + " so ports 5001 and 5002 are its alone).";
    List<String> from = Part1Experiment.lines(r.codeB(), "From Address:");
    question(
        "Q1",
        "A1.a: Code A is the **client**: it sends first, to a fixed address and port, and binds"
            + " nothing; Code B printed that the datagram came "
            + (from.isEmpty() ? "(no address printed)" : "`" + from.getFirst() + "`")
            + ", a port the system chose for A. A1.b: **UDP** (`SOCK_DGRAM`): B was seen bound"
            + " on UDP port 5001 (`ss -uln`) and no connection was made.\n\n"
            + how);
    question(
        "Q2",
        "A2.a: the client printed:\n\n"
            + block(r.codeA())
            + "\nA2.b: the server printed:\n\n"
            + block(r.codeB())
            + "\nThe server's loop printed once because `recvfrom` blocks until the next datagram,"
            + " and only one came.");
    question(
        "Q3",
        "**TCP** (`SOCK_STREAM`) over **IPv4** (`AF_INET`): the socket table shows "
            + ssSummary(r.ssConnected())
            + ", all with IPv4 addresses.");
    question(
        "Q4",
        "With Code C alone, `ss -tan | grep 5002` printed:\n\n"
            + block(r.ssAlone())
            + "\n"
            + explainSs(r.ssAlone(), "C alone"));
    question(
        "Q5",
        "With Code D connected:\n\n"
            + block(r.ssConnected())
            + "\n"
            + explainSs(r.ssConnected(), "C and D")
            + " Compared with C alone: "
            + (rows(r.ssConnected()).size() - rows(r.ssAlone()).size())
            + " more line(s), the two ends of the new connection.");
    long server = count(r.codeCConnected(), "received: ");
    long client = count(r.codeD(), "received: ");
    question(
        "Q6",
        "The server printed the message in **"
            + server
            + "** `received:` lines, the client in **"
            + client
            + "**:\n\n"
            + block(r.codeCConnected())
            + "\n"
            + block(r.codeD())
            + "\n"
            + (server == client
                ? "The same number: each side prints once per `recv()`, and here both needed as"
                    + " many."
                : "Different: each side prints once per `recv()` call, and a `recv()` returns at"
                    + " most its buffer size: 16 bytes at the server, 8 at the client, so the"
                    + " client needs about twice as many calls for the same "
                    + "O Romeo, Romeo! wherefore art thou Romeo?".length()
                    + " bytes.")
            + " Our Java Code C and D, on a free port, printed "
            + count(r.javaServer(), "received: ")
            + " and "
            + count(r.javaClient(), "received: ")
            + " such lines.");
    question(
        "Q7",
        (r.noMoreDataWhileConnected()
                ? "**Yes**: it appeared while D was connected."
                : "**No**: while D was connected C had printed only `received:` lines.")
            + (r.noMoreDataWhileConnected()
                ? ""
                : " C prints it when `recv()` returns empty bytes, which happens only at end of"
                    + " stream (the peer's FIN); D, spinning in `while True: pass`, keeps its"
                    + " socket open, so C's `recv()` blocks."));
    question(
        "Q8",
        (r.noMoreDataAfterSigint()
                ? "**Yes**, after SIGINT to D: "
                    + "`"
                    + Part1Experiment.lines(r.codeC(), "No more data from").getFirst()
                    + "`. Ctrl+C ends the process; the kernel closes its socket and sends FIN,"
                    + " so C's `recv()` returns empty bytes."
                : "**No**: C did not print it after SIGINT to D.")
            + " The table then:\n\n"
            + block(r.ssAfterSigint())
            + "\n"
            + explainSs(r.ssAfterSigint(), "after SIGINT"));
  }

  private static String ssSummary(String ss) {
    List<String[]> rows = rows(ss);
    return rows.size() + " TCP socket(s) on port 5002";
  }

  private static List<String[]> rows(String ss) {
    return ss == null
        ? List.of()
        : ss.lines().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+")).toList();
  }

  /** One sentence per line of {@code ss -tan}: whose socket it is, from its state and ports. */
  static String explainSs(String ss, String when) {
    List<String[]> rows = rows(ss);
    if (rows.isEmpty()) {
      return "No socket used port 5002 " + when + ".";
    }
    StringBuilder s = new StringBuilder();
    for (String[] row : rows) {
      if (row.length < 5) {
        continue;
      }
      String state = row[0];
      String local = row[3];
      String peer = row[4];
      String whose =
          switch (state) {
            case "LISTEN" ->
                "C's listening socket, waiting in `accept()` for connections on " + local;
            case "ESTAB" ->
                local.endsWith(":5002")
                    ? "C's connected socket (from `accept()`), " + local + " to D at " + peer
                    : "D's socket, " + local + " (a port the system chose) to C at " + peer;
            case "TIME-WAIT" ->
                "the end that closed first, "
                    + local
                    + " to "
                    + peer
                    + ", kept for twice the maximum segment lifetime";
            case "FIN-WAIT-2" -> local + " closed its side and waits for the peer's FIN";
            case "CLOSE-WAIT" -> local + " got the peer's FIN and has not closed yet";
            default -> state + " " + local + " to " + peer;
          };
      s.append("`").append(state).append("`: ").append(whose).append(". ");
    }
    return s.toString().strip();
  }

  // ---------------------------------------------------------------- Part 2

  private void part2() {
    line("## Part 2: packetization");
    line();
    Part2Experiment.Result r = run.result("part2", Part2Experiment.Result.class);
    if (r == null) {
      for (String q : List.of("Q9", "Q10", "Q11", "Q12", "Q13")) {
        question(q, "Not measured: " + failed("part2") + ".");
      }
      return;
    }
    StreamRun d0 = r.run("CMD_short:0");
    StreamRun d1 = r.run("CMD_short:1");
    StreamRun flood = r.run("CMD_floodme");
    question(
        "Q9",
        "1. d = 0: **"
            + d0.packetsText()
            + "** with payload from the PMU, for n = "
            + d0.messages()
            + " messages.\n2. d = 1: **"
            + d1.packetsText()
            + "** for n = "
            + d1.messages()
            + " messages.\n\n"
            + how(d0)
            + "\n\n"
            + how(d1)
            + plot(d0)
            + plot(d1));
    question("Q10", explainShort(d0, d1));
    question(
        "Q11",
        "The PMU closes the connection after its n messages, and the client reads until `read()`"
            + " returns end of stream (the server's FIN). Measured: the client delivered "
            + d0.messages()
            + " and "
            + d1.messages()
            + " complete messages and saw the close after "
            + d0.millis()
            + " ms and "
            + d1.millis()
            + " ms; the number n was never sent, only the messages and the close.");
    String mss =
        flood.packets() == null || flood.packets() == 0
            ? ""
            : String.format(
                Locale.ROOT,
                " The largest segment carried %,d bytes, the mean %,.0f (MTU %,d).",
                flood.segments().stream().mapToLong(StreamRun.Segment::bytes).max().orElse(0),
                flood.segments().stream().mapToLong(StreamRun.Segment::bytes).average().orElse(0),
                run.context().network().mtu());
    question(
        "Q12",
        "**"
            + flood.packetsText()
            + "** with payload for a floodme of "
            + String.format(Locale.ROOT, "%,d", flood.bytes())
            + " bytes, sent with one `send()`."
            + mss
            + "\n\n"
            + how(flood)
            + plot(flood));
    StringBuilder table = new StringBuilder();
    table.append("| read() size | read() calls | bytes per call | packets |\n|---|---|---|---|\n");
    for (StreamRun b : concat(List.of(flood), r.buffers())) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %,d | %d | %,.0f | %s |%n",
              b.readBuffer(),
              b.calls(),
              b.calls() == 0 ? 0.0 : (double) b.bytes() / b.calls(),
              b.packets() == null ? "-" : b.packets()));
    }
    String same =
        flood.packets() == null
            ? "Not compared: no capture."
            : flood.packets() == flood.calls()
                ? "**Yes, this time**: as many packets as calls, which is a coincidence of timing,"
                    + " not a rule (see the other read() sizes below)."
                : "**No**: "
                    + flood.packets()
                    + " packets but "
                    + flood.calls()
                    + " calls. "
                    + (flood.calls() < flood.packets()
                        ? "A `recv()` returns whatever the kernel has gathered so far, often the"
                            + " payload of several segments at once."
                        : "A `recv()` returns at most its buffer size, so one large segment"
                            + " needs several calls.");
    question(
        "Q13",
        "1. `recv()` (`read()`) was called **"
            + flood.calls()
            + "** times for floodme (read() size "
            + String.format(Locale.ROOT, "%,d", flood.readBuffer())
            + " bytes); "
            + d0.calls()
            + " times for d = 0 and "
            + d1.calls()
            + " for d = 1.\n2. "
            + same
            + "\n3. The factors, varying one at a time: the read() size (floodme again, same"
            + " server):\n\n"
            + table
            + "\nthe sender's pace (d = 0: "
            + d0.calls()
            + " calls, d = 1: "
            + d1.calls()
            + " calls for the same n), and the network:\n\n"
            + factors(d0, flood));
  }

  /** Q13.3's network factors: the delay and the MTU varied one at a time, from "factors". */
  private String factors(StreamRun d0, StreamRun flood) {
    FactorsExperiment.Result f = run.result("factors", FactorsExperiment.Result.class);
    if (f == null) {
      return "The delay and the MTU: not measured: " + failed("factors") + ".";
    }
    if (f.why() != null) {
      return "The delay and the MTU: not varied: " + f.why() + ".";
    }
    LabEnvironment net = run.context().network();
    long delay = net.delay() == null ? -1 : net.delay().toMillis();
    StringBuilder t = new StringBuilder();
    t.append(
        "| varied | MTU | delay each way | CMD_short:0 packets | its read() calls | floodme packets"
            + " | its read() calls | largest segment |\n|---|---|---|---|---|---|---|---|\n");
    List<FactorsExperiment.Variant> rows = new java.util.ArrayList<>(f.variants());
    rows.add(new FactorsExperiment.Variant("(the report's)", net.mtu(), delay, d0, flood));
    for (FactorsExperiment.Variant v : rows) {
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %d ms | %s | %d | %s | %d | %s |%n",
              v.factor(),
              v.mtu(),
              v.delayMillis(),
              v.short0().packets() == null ? "-" : v.short0().packets(),
              v.short0().calls(),
              v.flood().packets() == null ? "-" : v.flood().packets(),
              v.flood().calls(),
              v.flood().segments().stream().mapToLong(StreamRun.Segment::bytes).max().stream()
                  .mapToObj(b -> String.format(Locale.ROOT, "%,d", b))
                  .findFirst()
                  .orElse("-")));
    }
    StringBuilder why = new StringBuilder();
    List<FactorsExperiment.Variant> delays =
        rows.stream().filter(v -> v.mtu() == net.mtu() && v.short0().packets() != null).toList();
    if (delays.size() >= 2) {
      FactorsExperiment.Variant fast =
          delays.stream().min(java.util.Comparator.comparingLong(v -> v.delayMillis())).get();
      FactorsExperiment.Variant slow =
          delays.stream().max(java.util.Comparator.comparingLong(v -> v.delayMillis())).get();
      int a = fast.short0().packets();
      int b = slow.short0().packets();
      why.append(
          String.format(
              Locale.ROOT,
              "Delay: CMD_short:0 went as %d packets with %d ms and %d with %d ms. ",
              a,
              fast.delayMillis(),
              b,
              slow.delayMillis()));
      why.append(
          a > b
              ? "The longer the round trip, the longer Nagle's algorithm holds the PMU's small"
                  + " writes while the first segment is unacknowledged, and the more messages share"
                  + " a segment. "
              : a == b
                  ? "The delay did not change the count here. "
                  : "More delay gave more packets here, against what Nagle's algorithm alone"
                      + " predicts: timing varies from run to run. ");
    }
    List<FactorsExperiment.Variant> mtus =
        rows.stream()
            .filter(v -> v.delayMillis() == delay && v.flood().packets() != null)
            .sorted(java.util.Comparator.comparingInt(FactorsExperiment.Variant::mtu))
            .toList();
    if (mtus.size() >= 2) {
      FactorsExperiment.Variant small = mtus.getFirst();
      FactorsExperiment.Variant large = mtus.getLast();
      why.append(
          String.format(
              Locale.ROOT,
              "MTU: floodme went as %d packets at MTU %,d and %d at MTU %,d",
              small.flood().packets(),
              small.mtu(),
              large.flood().packets(),
              large.mtu()));
      why.append(
          small.flood().packets() > large.flood().packets()
              ? ": a segment carries at most the MSS (the MTU less the IP and TCP headers), so a"
                  + " larger MTU cuts the same bytes into fewer segments."
              : ".");
    }
    return t
        + "\n"
        + why.toString().strip()
        + "\n\n*How measured:* each row a lab network of its own (`./lab3 netlab up --mtu M --delay"
        + " D`), the same emulator and client; captures `captures/factor-*.pcapng`.";
  }

  /** Q10: why d = 0 and d = 1 gave the packets they did, from those figures. */
  public static String explainShort(StreamRun d0, StreamRun d1) {
    if (d0.packets() == null || d1.packets() == null) {
      return "Not measured: no capture.";
    }
    long n = d0.messages();
    StringBuilder s = new StringBuilder();
    if (d0.packets() < d1.packets()) {
      s.append(
          "They differ: with d = 0 the PMU's "
              + n
              + " `send()` calls follow each other within microseconds, and TCP put several"
              + " messages in one segment ("
              + d0.packets()
              + " segments for "
              + n
              + " messages): Nagle's algorithm holds small writes while a segment is"
              + " unacknowledged, and writes made meanwhile go out together.");
    } else {
      s.append(
          "The same number for d = 0 as for d = 1 ("
              + d0.packets()
              + "): here every write went"
              + " out alone, because each segment was acknowledged before the next write (no"
              + " delay on this network, so Nagle's algorithm never had to hold one).");
    }
    s.append(
        d1.packets() == d1.messages()
            ? " With d = 1 each message waits a second, long after the previous one was"
                + " acknowledged, so each one is a segment of its own: "
                + d1.packets()
                + " segments for "
                + d1.messages()
                + " messages."
            : " With d = 1, " + d1.packets() + " segments for " + d1.messages() + " messages.");
    return s.toString();
  }

  // ---------------------------------------------------------------- Part 3

  private void part3() {
    line("## Part 3: UDP packet transmission");
    line();
    Part3Experiment.Result r = run.result("part3", Part3Experiment.Result.class);
    if (r == null) {
      question("Q14", "Not measured: " + failed("part3") + ".");
      question("Q15", "Not measured: " + failed("part3") + ".");
      return;
    }
    question(
        "Q14",
        "A14.a: **"
            + r.ackedAt()
            + "** (UTC), after "
            + r.firstRounds()
            + " round(s).\nA14.b: **"
            + r.family()
            + "**"
            + (r.wireFamily() == null
                ? " (as the client saw it; not checked on the wire: no capture)."
                : r.wireFamily().equals(r.family())
                    ? ", also in the capture: the ack's header is "
                        + r.wireFamily()
                        + "; the client sent "
                        + r.requestsOnWire()
                        + " request datagrams (each round once per family), the server "
                        + r.acksOnWire()
                        + " ack(s)."
                    : ", but the capture shows " + r.wireFamily() + ": they disagree.")
            + " The emulator ran on IPv6 only, as the lab's server does at some times of day;"
            + " the client sent each round on both families."
            + (r.capture() == null ? "" : "\n\n*How measured:* `" + r.countCommand() + "`"));
    StringBuilder hist =
        new StringBuilder("| packets per ack | runs | geometric law |\n|---|---|---|\n");
    for (Map.Entry<Integer, Integer> e : r.histogram().entrySet()) {
      hist.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %.1f |%n",
              e.getKey(),
              e.getValue(),
              r.geometric().get(e.getKey()) * r.runs()));
    }
    question(
        "Q15",
        String.format(
                Locale.ROOT,
                "A15.a: **%.2f** packets per acknowledgement on average, over %d runs.%n"
                    + "A15.b: loss probability **%.3f** (95%% interval %.3f to %.3f); %s.",
                r.meanPackets(),
                r.runs(),
                r.lossEstimate(),
                r.low(),
                r.high(),
                Double.isNaN(r.configuredLoss())
                    ? "the server's own loss is not known here"
                    : String.format(
                        Locale.ROOT,
                        "the emulator's configured loss was %.2f, %s the interval",
                        r.configuredLoss(),
                        r.intervalHoldsConfiguredLoss() ? "inside" : "outside"))
            + "\n\n"
            + hist
            + "\nIf each round is answered with probability q = 1 - p, the rounds per ack follow"
            + " a geometric law of mean 1/q; p = 1 - acks/rounds is its maximum-likelihood"
            + " estimate, and the interval is Wilson's."
            + String.format(
                Locale.ROOT, " Here 1/q = %.2f, the mean measured.", 1 / (1 - r.lossEstimate()))
            + "\n\n*How measured:* "
            + r.runs()
            + " resets against "
            + (run.context().network().startsServers()
                ? "`serve-reset --family v6 --loss " + r.configuredLoss() + "`"
                : "the server")
            + ", client time-out "
            + r.timeoutMillis()
            + " ms (the lab's 1 s only makes it slower); the same as `"
            + r.client()
            + "`."
            + image("part3-histogram", "packets per ack against the geometric law"));
  }

  // ---------------------------------------------------------------- Part 4

  private void part4() {
    line("## Part 4: UDP multicast");
    line();
    Part4Experiment.Result r = run.result("part4", Part4Experiment.Result.class);
    if (r == null) {
      for (String q : List.of("Q16", "Q17", "Q18")) {
        question(q, "Not measured: " + failed("part4") + ".");
      }
      return;
    }
    question(
        "Q16",
        "The receiver, joined to "
            + r.group()
            + " on `"
            + run.context().network().captureInterface()
            + "`, printed:\n\n"
            + block(String.join("\n", r.program())));
    boolean all = r.delivered().values().stream().allMatch(b -> b);
    question(
        "Q17",
        "Our senders set "
            + r.senderOptions()
            + " and "
            + (all
                ? "every sender's datagram reached the receiver"
                : "not every datagram arrived: " + r.delivered())
            + ". No option is needed to *send* to a group: any UDP socket may `sendto()` a group"
            + " address; the options only choose the interface (`IP_MULTICAST_IF`, else the"
            + " route's) and how far it goes (`IP_MULTICAST_TTL`, 1 by default). "
            + withOptions(r));
    StringBuilder a = new StringBuilder();
    for (var e : r.answers().entrySet()) {
      a.append("Sender ")
          .append(e.getKey())
          .append(" sent ")
          .append(r.sent().get(e.getKey()))
          .append(" characters; the program answered:\n\n")
          .append(block(e.getValue()))
          .append('\n');
    }
    question("Q18", a.toString().strip());
  }

  private static String withOptions(Part4Experiment.Result r) {
    if (r.withOptions() == null) {
      return "A sender without them was not run here: outside a network namespace of its own it"
          + " would follow the default route off this machine.";
    }
    StringBuilder s =
        new StringBuilder(
            "Measured with plain sockets (more than 300 characters"
                + " each, so that the TV program answers what reaches it): ");
    String sep = "";
    for (var e : r.withOptions().entrySet()) {
      s.append(sep)
          .append(e.getKey())
          .append(e.getValue() ? ": **answered**" : ": **no answer** within 3 s");
      sep = "; ";
    }
    s.append(
        r.withOptions().values().stream().allMatch(b -> b)
            ? ". Every sender reached the TV program: on this host the route to 224.0.0.0/4 leads"
                + " to the link, and the default TTL of 1 is enough for one link, so no option was"
                + " needed."
            : ". The senders without an answer needed the option they lacked.");
    return s.toString();
  }

  // ---------------------------------------------------------------- Part 5

  private void part5() {
    line("## Part 5: WebSockets");
    line();
    Part5Experiment.Result r = run.result("part5", Part5Experiment.Result.class);
    Part2Experiment.Result tcp = run.result("part2", Part2Experiment.Result.class);
    if (r == null) {
      for (String q : List.of("Q19", "Q20", "Q21")) {
        question(q, "Not measured: " + failed("part5") + ".");
      }
      return;
    }
    StreamRun ws0 = r.run("CMD_short:0");
    StreamRun wsFlood = r.run("CMD_floodme");
    StreamRun tcp0 = tcp == null ? null : tcp.run("CMD_short:0");
    StreamRun tcpFlood = tcp == null ? null : tcp.run("CMD_floodme");
    String compare;
    if (ws0.packets() == null || tcp0 == null || tcp0.packets() == null) {
      compare =
          "Not compared with Part 2: " + (tcp0 == null ? failed("part2") : "no capture") + ".";
    } else if (ws0.packets() == tcp0.packets() + 1) {
      compare =
          "Part 2 gave "
              + tcp0.packets()
              + " for d = 0 in this run; the one more here is the segment of"
              + " the server's close frame, which plain TCP does not have (its FIN carries no payload).";
    } else if (ws0.packets().equals(tcp0.packets())) {
      compare = "The same as Part 2's " + tcp0.packets() + " for d = 0 in this run.";
    } else {
      compare =
          "Part 2 gave "
              + tcp0.packets()
              + " for d = 0 in this run: "
              + (ws0.packets() > tcp0.packets() ? "more" : "fewer")
              + " here, since each WebSocket message is a frame of its own (2 bytes of header,"
              + " written by the server's WebSocket stack on its own schedule), and the segments"
              + " follow the writes and the acks, not the messages.";
    }
    question(
        "Q19",
        "**"
            + ws0.packetsText()
            + "** with WebSocket data from the server after its HTTP 101 answer (the close frame"
            + " included), for n = "
            + ws0.messages()
            + " messages. "
            + compare
            + "\n\n"
            + how(ws0)
            + plot(ws0));
    question(
        "Q20",
        "`on_message` ran **"
            + ws0.calls()
            + "** times for "
            + ws0.messages()
            + " messages: once per message."
            + (tcp0 == null
                ? ""
                : " Part 2's client needed "
                    + tcp0.calls()
                    + " `read()` calls for the same "
                    + tcp0.messages()
                    + " messages, and had to find where each message ends in the stream itself.")
            + " Part 2 (plain TCP) needs the more complex handling: a `recv()` can hold several"
            + " messages or part of one, while WebSocket frames carry the boundaries.");
    question(
        "Q21",
        "**"
            + wsFlood.packetsText()
            + "** from the WebSocket server carried the floodme ("
            + String.format(Locale.ROOT, "%,d", wsFlood.bytes())
            + " bytes); `on_message` ran **"
            + wsFlood.calls()
            + "** time(s)"
            + (tcpFlood == null
                ? "."
                : ", where Part 2's client called `recv()` "
                    + tcpFlood.calls()
                    + " times for the same text over "
                    + tcpFlood.packetsText()
                    + ".")
            + " A WebSocket delivers whole messages, whatever TCP did with the bytes; a TCP"
            + " socket delivers a stream, in pieces that depend on segments, timing and buffer"
            + " size.\n\n"
            + how(wsFlood)
            + plot(wsFlood));
  }

  // ---------------------------------------------------------------- helpers

  // ---------------------------------------------------------------- Part 6

  private void part6() {
    line("## Part 6: TLS");
    line();
    Part6Experiment.Result r = run.result("part6", Part6Experiment.Result.class);
    if (r == null) {
      question("Handshake", "Not measured: " + failed("part6") + ".");
      return;
    }
    if (r.why() != null) {
      question("Handshake", "Not measured: " + r.why() + ".");
      return;
    }
    StringBuilder chain = new StringBuilder();
    for (int i = 0; i < r.chain().size(); i++) {
      chain.append(i + 1).append(". ").append(r.chain().get(i)).append('\n');
    }
    StreamRun s = r.session();
    question(
        "Handshake",
        "The PDC and the TLS PMU agreed on **"
            + r.protocol()
            + "** with the suite **"
            + r.cipherSuite()
            + "**. The server presented "
            + r.chain().size()
            + " certificate(s), its own first:\n\n"
            + chain
            + "\nThe PDC trusted only the CA's certificate (`"
            + r.directory()
            + "/ca/cacert.pem`) and checked that the server's certificate names the address it"
            + " connected to. The CA, the key, the CSR and the certificate are in `"
            + r.directory()
            + "/`.");
    StringBuilder t = new StringBuilder();
    if (!r.packets().isEmpty()) {
      t.append("| time (s) | from | TCP payload | TLS (tshark) |\n|---|---|---|---|\n");
      for (Part6Experiment.Packet p : r.packets()) {
        t.append(
            String.format(
                Locale.ROOT,
                "| %.4f | %s | %,d | %s |%n",
                p.time(),
                p.from(),
                p.bytes(),
                p.records().replace("|", "\\|")));
      }
    }
    long handshake =
        r.packets().stream().filter(p -> p.bytes() > 0 && p.records().contains("Hello")).count();
    question(
        "Packets",
        "CMD_short:0 over TLS: the client got "
            + s.messages()
            + " messages in "
            + s.calls()
            + " read() calls; "
            + (s.packets() == null
                ? "packets not measured (no capture)."
                : "**"
                    + s.packetsText()
                    + "** with payload from the server (the handshake's included), of "
                    + r.packets().size()
                    + " packets in the whole session in both directions ("
                    + handshake
                    + " with a Hello). "
                    + (r.protocol().equals("TLSv1.3")
                        ? "In TLS 1.3 everything after the ServerHello is encrypted, the"
                            + " certificates included: tshark shows those records as"
                            + " Application Data."
                        : "")
                    + "\n\n"
                    + t)
            + "\n"
            + how(s));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private String failed(String name) {
    LabReport.Outcome o = run.outcome(name);
    return o == null
        ? "experiment " + name + " was not run"
        : "experiment " + name + " failed (" + o.failure() + ")";
  }

  private String how(StreamRun r) {
    return "*How measured ("
        + r.transport()
        + ", "
        + r.command()
        + "):* `"
        + r.client()
        + "` against "
        + (run.context().network().startsServers() ? "the emulator" : "the server")
        + "; "
        + (r.capture() == null
            ? "no capture."
            : "capture `" + r.capture() + "`, counted by `" + r.countCommand() + "`.");
  }

  private static String plot(StreamRun r) {
    if (r.capture() == null) {
      return "";
    }
    return image(Charts.name(r), r.transport() + " " + r.command() + ": the server's segments");
  }

  private static String image(String name, String alt) {
    return "\n\n![" + alt + "](plots/" + name + ".png)";
  }

  static long count(String output, String prefix) {
    return Part1Experiment.lines(output, prefix).size();
  }

  private static String block(String text) {
    return "```\n" + (text == null ? "" : text.stripTrailing()) + "\n```\n";
  }

  private void question(String q, String answer) {
    line("### " + q);
    line();
    line(answer.strip());
    line();
  }

  private void line(String s) {
    md.append(s).append('\n');
  }

  private void line() {
    md.append('\n');
  }
}
