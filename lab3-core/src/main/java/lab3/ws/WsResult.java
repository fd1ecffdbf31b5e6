package lab3.ws;

import lab3.pmu.PmuResult;

/**
 * What one WebSocket PMU session gave: the counts shared with the TCP client, and how the server
 * closed.
 *
 * <p>The pitfall: {@code closeReason} is the server's text, shown as it came; a close with another
 * code than 1000 never gets here, it is thrown as {@link WsCloseException}.
 *
 * @param pmu the counts: {@link PmuResult#reads()} is the number of WebSocket messages received
 *     (the lab's on_message calls), {@link PmuResult#bytes()} their payload bytes
 * @param closeCode the status code of the server's close frame (1000: normal)
 * @param closeReason the reason in the close frame, often empty
 */
public record WsResult(PmuResult pmu, int closeCode, String closeReason) {}
