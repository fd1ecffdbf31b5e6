/**
 * Multicast of Part 4: {@link lab3.multicast.MulticastMessage} (an ID and a text in one datagram),
 * {@link lab3.multicast.MulticastChannel} (join a group on an interface, send, receive) and {@link
 * lab3.multicast.TvProgram} (the lab's broadcaster). {@link lab3.multicast.GroupChannel} is the
 * seam a program takes so that a test can give it a group in memory.
 *
 * <pre>{@code
 * try (MulticastChannel channel = MulticastChannel.builder().group("224.1.1.1").port(5005)
 *     .networkInterface(MulticastChannel.loopbackInterface()).ttl(1).open().join()) {
 *   channel.send("123456", "Hello, Verona");
 *   MulticastMessage m = channel.receive(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
package lab3.multicast;
