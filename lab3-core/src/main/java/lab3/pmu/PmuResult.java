package lab3.pmu;

import java.net.SocketAddress;
import java.time.Duration;

/**
 * What one PMU session gave: the counts the lab's questions ask about.
 *
 * <p>The pitfall: {@code reads} counts how many times the network API handed the client data, which
 * depends on how the stream was cut, not on what the server wrote: it is the lab's question, not a
 * message count. One meaning over every transport: a {@code read()} call that returned data over
 * TCP and TLS, an {@code on_message} call (one whole message) over WebSocket. After each of those
 * deliveries, once everything that has arrived is delivered, the client calls {@link
 * PmuListener#onReadComplete}.
 *
 * @param command the command sent
 * @param server the address that answered
 * @param messages {@code CMD_short} messages delivered (0 for floodme)
 * @param reads receive calls that returned data: read() over TCP and TLS, on_message over WebSocket
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
