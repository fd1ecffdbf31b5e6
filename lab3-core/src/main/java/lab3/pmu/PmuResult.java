package lab3.pmu;

import java.net.SocketAddress;
import java.time.Duration;

/**
 * What one PMU session gave: the counts the lab's questions ask about.
 *
 * <p>The pitfall: {@code reads} counts read calls that returned data, which depends on how TCP cut
 * the stream, not on what the server wrote: it is the lab's question, not a message count.
 *
 * @param command the command sent
 * @param server the address that answered
 * @param messages {@code CMD_short} messages delivered (0 for floodme)
 * @param reads read() calls that returned data, or WebSocket messages received (on_message calls)
 * @param bytes payload bytes received
 * @param elapsed from connecting to the server's close
 */
public record PmuResult(
    PmuCommand command,
    SocketAddress server,
    long messages,
    long reads,
    long bytes,
    Duration elapsed) {}
