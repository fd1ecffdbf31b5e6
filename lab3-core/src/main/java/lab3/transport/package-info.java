/**
 * Byte streams between a client and a server: a {@link lab3.transport.Transport} opens a {@link
 * lab3.transport.Connection} to an {@link lab3.transport.Endpoint}. {@link
 * lab3.transport.TcpTransport} is TCP with a choice of {@link lab3.transport.Family} (and Happy
 * Eyeballs between them), {@link lab3.transport.InMemoryTransport} runs a server's handler without
 * a socket, with the read sizes a test chooses.
 *
 * <pre>{@code
 * Transport tcp = TcpTransport.builder().family(Family.IPV6).build();
 * try (Connection c = tcp.open(new Endpoint("localhost", 5003))) {
 *   c.output().write("CMD_short:0".getBytes(StandardCharsets.US_ASCII));
 *   byte[] first = c.input().readNBytes(18); // a read returns what has arrived: loop
 * }
 * }</pre>
 */
package lab3.transport;
