/**
 * The reset protocol of Part 3 over UDP: {@link lab3.reset.ResetRequest} ({@code RESET:n}) and
 * {@link lab3.reset.OffsetAck} ({@code OFFSET=x}), {@link lab3.reset.ResetClient} (which repeats
 * its request over every family until an ack comes) and {@link lab3.reset.ResetServer} (an emulator
 * that loses requests on purpose). {@link lab3.reset.Datagrams} is the seam for tests.
 *
 * <pre>{@code
 * try (ResetServer server = ResetServer.builder().family(Family.IPV6).loopback(true)
 *     .port(0).loss(0.3).build().start()) {
 *   ResetResult r = ResetClient.builder().build().reset(new Endpoint("::1", server.port()));
 *   String said = r.offset() + " over " + r.familyName(); // e.g. "7 over IPv6"
 * }
 * }</pre>
 */
package lab3.reset;
