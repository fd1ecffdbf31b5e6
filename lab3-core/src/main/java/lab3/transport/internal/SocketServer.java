package lab3.transport.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import lab3.transport.Addresses;

/**
 * The accept loop every blocking TCP emulator shares: one virtual thread accepts, and each accepted
 * socket gets a virtual thread of its own running the session. {@link #close} stops accepting,
 * closes every open session and waits for the threads to end.
 *
 * <p>Works for plain and TLS server sockets alike: a TLS handshake happens on the session's own
 * thread before the handler runs, so a slow or failing handshake never holds up the accept loop or
 * other sessions; a failed one is logged as {@code <peer> TLS handshake failed: <reason>}.
 */
public final class SocketServer implements Closeable {

  /** Serves one accepted socket; the server closes it afterwards. */
  @FunctionalInterface
  public interface SocketHandler {
    void handle(Socket socket) throws IOException;
  }

  private final ServerSocket serverSocket;
  private final SocketHandler handler;
  private final Consumer<String> log;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final CountDownLatch acceptorDone = new CountDownLatch(1);
  private final int handshakeTimeoutMs;
  private volatile boolean closed;

  private SocketServer(
      ServerSocket serverSocket,
      SocketHandler handler,
      Consumer<String> log,
      Duration handshakeTimeout) {
    this.serverSocket = serverSocket;
    this.handler = handler;
    this.log = log;
    this.handshakeTimeoutMs = Timeouts.millis(handshakeTimeout);
  }

  /**
   * Starts accepting on an already bound server socket; a TLS client silent for {@code
   * handshakeTimeout} during its handshake is dropped (a server passes its command time-out: a TLS
   * client that never starts is as idle as a plain one that sends no command).
   */
  public static SocketServer start(
      String name,
      ServerSocket bound,
      SocketHandler handler,
      Consumer<String> log,
      Duration handshakeTimeout) {
    SocketServer server = new SocketServer(bound, handler, log, handshakeTimeout);
    // The acceptor is a platform thread: blocked in accept(2) it is woken by the kernel, not queued
    // behind the virtual threads of the sessions it started (10,000 clients connecting at once:
    // a late accept overflows the listen queue, and each dropped SYN costs its client a second).
    Thread.ofPlatform().daemon().name(name + "-acceptor").start(server::acceptLoop);
    return server;
  }

  public ServerSocket serverSocket() {
    return serverSocket;
  }

  /** Sessions open right now. */
  public int activeSessions() {
    return open.size();
  }

  private void acceptLoop() {
    try {
      while (!closed) {
        Socket socket;
        try {
          socket = serverSocket.accept();
        } catch (SocketException e) {
          if (closed) {
            return;
          }
          log.accept("accept failed: " + e.getMessage());
          continue;
        } catch (IOException e) {
          log.accept("accept failed: " + e.getMessage());
          continue;
        }
        open.add(socket);
        // The session names its own thread: formatting the peer's address here would cost the
        // one thread every connection waits for (10,000 connections at once: bench 3).
        Thread.ofVirtual().start(() -> serve(socket));
      }
    } finally {
      acceptorDone.countDown();
    }
  }

  private void serve(Socket socket) {
    Thread.currentThread().setName("session-" + socket.getRemoteSocketAddress());
    try (socket) {
      if (socket instanceof SSLSocket tls && !handshake(tls)) {
        return;
      }
      handler.handle(socket);
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        log.accept(
            Addresses.format(socket.getRemoteSocketAddress()) + " session failed: " + describe(e));
      }
    } finally {
      open.remove(socket);
    }
  }

  /**
   * Runs a TLS handshake before the session starts, bounded by the handshake time-out, so that a
   * refused client (old protocol, distrusted certificate, plain TCP) is one clear log line and
   * never reaches the session code.
   */
  private boolean handshake(SSLSocket tls) {
    try {
      tls.setSoTimeout(handshakeTimeoutMs);
      tls.startHandshake();
      tls.setSoTimeout(0);
      return true;
    } catch (IOException e) {
      if (!closed) {
        log.accept(
            Addresses.format(tls.getRemoteSocketAddress())
                + " TLS handshake failed: "
                + describeHandshake(e));
      }
      return false;
    }
  }

  /** The JDK often hides the reason in the cause ("Unexpected exception" / "...alert..."). */
  private static String describeHandshake(IOException e) {
    String text = describe(e);
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
      text += ": " + cause.getMessage();
    }
    if (e instanceof SocketException || e instanceof java.io.EOFException) {
      text = "the client closed the connection during the handshake (" + text + ")";
    }
    return text;
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    serverSocket.close();
    for (Socket socket : open) {
      socket.close();
    }
    try {
      acceptorDone.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
