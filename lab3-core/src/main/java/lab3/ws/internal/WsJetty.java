package lab3.ws.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import lab3.pmu.internal.PmuServerSettings;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The Jetty server under {@link lab3.ws.WsPmuServer}: a connector, the WebSocket upgrade and the
 * answer to requests that are not upgrades. Apart, so that {@code WsPmuServer} names no Jetty type
 * and loads without Jetty (to say at once that it is missing).
 */
public final class WsJetty {
  /** How long a stop waits for the close frames sent to open sessions to go out. */
  static final Duration STOP_GRACE = Duration.ofSeconds(1);

  private final Server server;
  private final ServerConnector connector;

  private WsJetty(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Binds and starts a server whose every upgrade gets the listener {@code sessions} makes.
   *
   * @throws java.net.BindException naming the address and port, if it is taken
   * @param settings the settings
   * @param sessions the sessions
   * @return this ws jetty, listening
   */
  public static WsJetty start(PmuServerSettings settings, Supplier<Object> sessions)
      throws IOException {
    VirtualThreadPool threads = new VirtualThreadPool();
    threads.setName(settings.name());
    Server jetty = new Server(threads);
    ServerConnector listener = new ServerConnector(jetty);
    listener.setHost(settings.bindAddress().getHostAddress());
    listener.setPort(settings.port());
    listener.setReuseAddress(true);
    // Jetty sets TCP_NODELAY on every connection by default; the lab's server (Python's
    // websockets) leaves Nagle's algorithm on, so frames share segments as they do there.
    listener.setAcceptedTcpNoDelay(false);
    // Before the upgrade, a connection is HTTP: one that never upgrades is dropped as soon as a
    // WebSocket client would be for not sending its command (Jetty's default is 30 s).
    listener.setIdleTimeout(settings.commandTimeout().toMillis());
    jetty.addConnector(listener);
    WebSocketUpgradeHandler upgrades =
        WebSocketUpgradeHandler.from(
            jetty,
            container -> {
              container.setMaxTextMessageSize(4096); // a command is a few bytes
              container.setMaxBinaryMessageSize(4096);
              container.addMapping("/*", (request, response, callback) -> sessions.get());
            });
    upgrades.setHandler(new NotAnUpgradeHandler(settings.log()));
    jetty.setHandler(upgrades);
    // A graceful stop: every open session gets a close frame, 1001 (going away), before its
    // connection ends, as Python's websockets does when its server closes. Without it Jetty drops
    // the connections, and a client sees only the end of the stream (1006, abnormal closure); the
    // JDK's own client can miss even that when it comes right after a frame. The stop waits for
    // those closes at most this long, then drops what is left (a client that stopped reading).
    jetty.setStopTimeout(STOP_GRACE.toMillis());
    try {
      jetty.start();
    } catch (Exception e) {
      try {
        jetty.stop();
      } catch (Exception ignored) {
        // it did not start
      }
      if (e instanceof IOException) {
        throw settings.bindFailure(e);
      }
      throw new IOException(
          "cannot start the WebSocket PMU on port " + settings.port() + ": " + e, e);
    }
    return new WsJetty(jetty, listener);
  }

  /**
   * The port it listens on.
   *
   * @return the port it listens on
   */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * Stops accepting and closes every open session: a close frame 1001 (going away) to each, then
   * the end of its connection, within {@link #STOP_GRACE} for a client that stopped reading.
   *
   * @throws IOException if the I/O fails
   */
  public void stop() throws IOException {
    try {
      server.stop();
    } catch (TimeoutException graceOver) {
      // Some close frame could not go out in time (a client that stopped reading). Jetty still
      // stopped the connector, and so dropped that connection, before it reported the time-out.
      if (!connector.isStopped()) {
        throw new IOException("stopping the WebSocket PMU: " + connector.getState(), graceOver);
      }
    } catch (Exception e) {
      throw new IOException("stopping the WebSocket PMU: " + e.getMessage(), e);
    }
  }
}
