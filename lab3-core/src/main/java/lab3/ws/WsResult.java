package lab3.ws;

import lab3.pmu.PmuResult;

/**
 * What one WebSocket PMU session gave: the counts shared with the TCP client, and how the server
 * closed.
 *
 * @param pmu the counts: {@link PmuResult#reads()} is the number of WebSocket messages received
 *     (the lab's on_message calls), {@link PmuResult#bytes()} their payload bytes
 * @param closeCode the status code of the server's close frame (1000: normal)
 * @param closeReason the reason in the close frame, often empty
 */
public record WsResult(PmuResult pmu, int closeCode, String closeReason) {}
