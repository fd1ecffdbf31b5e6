package lab3.report;

import java.util.List;

/**
 * One PMU session over TCP or WebSocket as the report measured it: what the client saw (messages,
 * read() or on_message calls, bytes) and what the capture saw (the server's segments with payload).
 *
 * @param transport "TCP" or "WebSocket"
 * @param command e.g. {@code CMD_short:0}
 * @param server the server's address and port, e.g. {@code fd1a:b3d0:c3e0:1::2 5003}
 * @param client the command a student types for the same session, e.g. {@code ./lab3 part2 ...}
 * @param readBuffer the client's read() size in bytes (TCP), or 0 for WebSocket
 * @param messages CMD_short messages the client delivered (0 for floodme)
 * @param calls read() calls that returned data (TCP) or on_message calls (WebSocket)
 * @param bytes payload bytes the client received
 * @param millis from connecting to the server's close
 * @param callTimes seconds from the start of the session to each call's end
 * @param packets the server's segments with payload in the capture, or null without a capture
 * @param segments each of those: seconds from the session's start, TCP payload bytes
 * @param capture the pcapng file, or null
 * @param countCommand the tshark command that counts {@code packets} in it, or null
 */
public record StreamRun(
    String transport,
    String command,
    String server,
    String client,
    int readBuffer,
    long messages,
    long calls,
    long bytes,
    long millis,
    List<Double> callTimes,
    Integer packets,
    List<Segment> segments,
    String capture,
    String countCommand) {

  /** A segment from the server: when (seconds from the session's start) and how many bytes. */
  public record Segment(double time, long bytes) {}

  /** "7 packets" or "not measured (no capture)". */
  public String packetsText() {
    return packets == null
        ? "not measured (no capture)"
        : packets + (packets == 1 ? " packet" : " packets");
  }
}
