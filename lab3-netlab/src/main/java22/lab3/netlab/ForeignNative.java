package lab3.netlab;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link Native} on the JDK's foreign function API (JDK 22+): each libc function is looked up once
 * and called through a {@link MethodHandle}, with {@code errno} captured right after the call (the
 * JVM itself may change it before Java code could read it).
 *
 * <p>The JVM must allow native access ({@code --enable-native-access=ALL-UNNAMED}, or the {@code
 * Enable-Native-Access} attribute of lab3.jar's manifest); without it JDK 24+ warns on stderr at
 * the first call.
 */
final class ForeignNative implements Native {
  private static final int O_RDONLY_CLOEXEC = 0x80000;
  private static final int CLONE_NEWNET = 0x40000000;
  private static final int AF_PACKET = 17;
  private static final int SOCK_RAW_CLOEXEC = 3 | 0x80000;
  /** ETH_P_ALL (every protocol) in network byte order, as {@code socket(2)} wants it. */
  private static final short ETH_P_ALL_BE = (short) 0x0300;

  private static final int SOL_SOCKET = 1;
  private static final int SO_RCVBUFFORCE = 33;
  private static final int SO_RCVTIMEO = 20;
  private static final int SOL_PACKET = 263;
  private static final int PACKET_IGNORE_OUTGOING = 23;
  private static final int EINTR = 4;
  private static final int EAGAIN = 11;
  private static final int FRAME_MAX = 65_536 + 64;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup LIBC = LINKER.defaultLookup();
  private static final StructLayout CAPTURED = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURED.varHandle(MemoryLayout.PathElement.groupElement("errno"));

  private static final MethodHandle OPEN =
      function("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle SETNS =
      function("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle CLOSE =
      function("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle SOCKET =
      function("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle BIND =
      function("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle SETSOCKOPT =
      function(
          "setsockopt",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle IF_NAMETOINDEX =
      function("if_nametoindex", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle RECV =
      function("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
  private static final MethodHandle SEND =
      function("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
  private static final MethodHandle STRERROR =
      LINKER.downcallHandle(
          LIBC.find("strerror").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT));

  /** One frame buffer and errno cell per thread: the relay's threads each own a socket. */
  private static final ThreadLocal<MemorySegment[]> SCRATCH =
      ThreadLocal.withInitial(
          () -> {
            Arena arena = Arena.ofAuto();
            return new MemorySegment[] {arena.allocate(FRAME_MAX), arena.allocate(CAPTURED)};
          });

  private static MethodHandle function(String name, FunctionDescriptor descriptor) {
    return LINKER.downcallHandle(
        LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("no " + name + " in libc")),
        descriptor,
        Linker.Option.captureCallState("errno"));
  }

  @Override
  public void enterNetworkNamespace(String path) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment errno = arena.allocate(CAPTURED);
      int fd = (int) OPEN.invokeExact(errno, arena.allocateFrom(path), O_RDONLY_CLOEXEC);
      check(fd, errno, "open " + path);
      try {
        check((int) SETNS.invokeExact(errno, fd, CLONE_NEWNET), errno, "setns " + path);
      } finally {
        int ignored = (int) CLOSE.invokeExact(errno, fd);
      }
    } catch (IOException e) {
      throw e;
    } catch (Throwable e) {
      throw new IOException("setns " + path + ": " + e, e);
    }
  }

  @Override
  public int openPacketSocket(String ifName, int timeoutMillis) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment errno = arena.allocate(CAPTURED);
      int index = (int) IF_NAMETOINDEX.invokeExact(errno, arena.allocateFrom(ifName));
      if (index == 0) {
        throw failure("no interface " + ifName, errno);
      }
      int fd = (int) SOCKET.invokeExact(errno, AF_PACKET, SOCK_RAW_CLOEXEC, (int) ETH_P_ALL_BE);
      check(fd, errno, "socket(AF_PACKET)");
      try {
        // struct sockaddr_ll: family, protocol (big-endian), ifindex, then fields bind ignores.
        MemorySegment address = arena.allocate(20);
        address.set(JAVA_SHORT, 0, (short) AF_PACKET);
        address.set(JAVA_SHORT.withOrder(ByteOrder.nativeOrder()), 2, ETH_P_ALL_BE);
        address.set(JAVA_INT, 4, index);
        check((int) BIND.invokeExact(errno, fd, address, 20), errno, "bind " + ifName);
        MemorySegment one = arena.allocateFrom(JAVA_INT, 1);
        // Without it the socket would also see every frame the relay itself sends.
        int r = (int) SETSOCKOPT.invokeExact(errno, fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, one, 4);
        check(r, errno, "PACKET_IGNORE_OUTGOING");
        MemorySegment bufferSize = arena.allocateFrom(JAVA_INT, 4 << 20);
        r = (int) SETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_RCVBUFFORCE, bufferSize, 4);
        // (root only; the default buffer is used otherwise)
        MemorySegment timeval = arena.allocate(16);
        timeval.set(JAVA_LONG, 0, timeoutMillis / 1000);
        timeval.set(JAVA_LONG, 8, (timeoutMillis % 1000) * 1000L);
        r = (int) SETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_RCVTIMEO, timeval, 16);
        check(r, errno, "SO_RCVTIMEO");
        return fd;
      } catch (IOException | RuntimeException e) {
        close(fd);
        throw e;
      }
    } catch (IOException e) {
      throw e;
    } catch (Throwable e) {
      throw new IOException("AF_PACKET socket on " + ifName + ": " + e, e);
    }
  }

  @Override
  public int receive(int fd, byte[] buffer) throws IOException {
    MemorySegment[] scratch = SCRATCH.get();
    MemorySegment frame = scratch[0];
    MemorySegment errno = scratch[1];
    while (true) {
      long n;
      try {
        n = (long) RECV.invokeExact(errno, fd, frame, Math.min(frame.byteSize(), buffer.length), 0);
      } catch (Throwable e) {
        throw new IOException("recv: " + e, e);
      }
      if (n >= 0) {
        MemorySegment.copy(frame, JAVA_BYTE, 0, buffer, 0, (int) n);
        return (int) n;
      }
      int code = (int) ERRNO.get(errno, 0L);
      if (code == EAGAIN) {
        return -1;
      }
      if (code != EINTR) {
        throw failure("recv", errno);
      }
    }
  }

  @Override
  public void send(int fd, byte[] bytes, int length) throws IOException {
    MemorySegment[] scratch = SCRATCH.get();
    MemorySegment frame = scratch[0];
    MemorySegment errno = scratch[1];
    MemorySegment.copy(bytes, 0, frame, JAVA_BYTE, 0, length);
    long n;
    try {
      n = (long) SEND.invokeExact(errno, fd, frame, (long) length, 0);
    } catch (Throwable e) {
      throw new IOException("send: " + e, e);
    }
    if (n < 0) {
      throw failure("send", errno);
    }
  }

  @Override
  public void close(int fd) {
    try (Arena arena = Arena.ofConfined()) {
      int ignored = (int) CLOSE.invokeExact(arena.allocate(CAPTURED), fd);
    } catch (Throwable ignored) {
      // nothing to do: the descriptor is gone either way
    }
  }

  private static void check(int result, MemorySegment errno, String what) throws IOException {
    if (result < 0) {
      throw failure(what, errno);
    }
  }

  private static IOException failure(String what, MemorySegment errno) {
    int code = (int) ERRNO.get(errno, 0L);
    String message;
    try {
      MemorySegment text = (MemorySegment) STRERROR.invokeExact(code);
      message = text.reinterpret(256).getString(0);
    } catch (Throwable e) {
      message = "errno " + code;
    }
    return new IOException(what + ": " + message);
  }
}
