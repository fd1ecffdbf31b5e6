/**
 * The PMU over WebSocket, Part 5: {@link lab3.ws.WsPmuClient} (on OkHttp: add {@code
 * com.squareup.okhttp3:okhttp-jvm}, and {@code requires okhttp3;} on the module path) and {@link
 * lab3.ws.WsPmuServer} (on Jetty 12: add {@code
 * org.eclipse.jetty.websocket:jetty-websocket-jetty-server}). Each fails at once, naming what to
 * add, when its library is missing.
 *
 * <pre>{@code
 * try (WsPmuServer pmu = WsPmuServer.builder().port(0).messages(3).build().start();
 *     WsPmuClient client = WsPmuClient.builder().build()) {
 *   client.send(new Endpoint("localhost", pmu.port()), PmuCommand.parse("CMD_short:0"),
 *       PmuListener.forMessages(messages::add)); // a List<String>
 * }
 * }</pre>
 */
package lab3.ws;
