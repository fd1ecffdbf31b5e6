package lab3.netlab;

import java.io.IOException;
import java.util.Optional;

/**
 * The few Linux system calls netlab needs that the JDK has no API for: {@code setns(2)}, to move
 * the calling thread into a network namespace, and {@code AF_PACKET} sockets, which send and
 * receive whole Ethernet frames (the relay's wire).
 *
 * <p>They are reached through the JDK's foreign function API ({@code java.lang.foreign}), final
 * since JDK 22; Lab3 builds for Java 21, so the one class that uses it ({@code ForeignNative},
 * under {@code src/main/java22}) is compiled for 22 and loaded only on a JDK that can run it. On
 * JDK 21 {@link #get()} is empty and says why.
 */
interface Native {
  /** {@code setns(open(path), CLONE_NEWNET)} on the calling (platform) thread. */
  void enterNetworkNamespace(String path) throws IOException;

  /**
   * A raw {@code AF_PACKET} socket bound to the interface {@code ifName} of the calling thread's
   * namespace that receives every frame arriving there (not those it sends), with a receive
   * time-out of {@code timeoutMillis}; returns its file descriptor.
   */
  int openPacketSocket(String ifName, int timeoutMillis) throws IOException;

  /**
   * Receives one frame into {@code buffer}; returns its length, or -1 if the receive time-out
   * passed first.
   */
  int receive(int fd, byte[] buffer) throws IOException;

  /** Sends one frame, {@code length} bytes of {@code frame}, as it is. */
  void send(int fd, byte[] frame, int length) throws IOException;

  void close(int fd);

  /** The implementation for this JVM, or empty (see {@link #unavailableReason()}). */
  static Optional<Native> get() {
    return Loaded.NATIVE;
  }

  /** Empty when {@link #get()} is present; else why it is not. */
  static Optional<String> unavailableReason() {
    return Loaded.REASON;
  }

  /** Loads the foreign-function implementation once, on first use. */
  final class Loaded {
    private static final Optional<Native> NATIVE;
    private static final Optional<String> REASON;

    static {
      Native found = null;
      String reason = null;
      if (Runtime.version().feature() < 22) {
        reason = "needs JDK 22 or newer (the foreign function API); this is " + Runtime.version();
      } else {
        try {
          found =
              (Native)
                  Class.forName("lab3.netlab.ForeignNative").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
          reason = "the foreign function API is not usable here: " + e;
        }
      }
      NATIVE = Optional.ofNullable(found);
      REASON = Optional.ofNullable(reason);
    }

    private Loaded() {}
  }
}
