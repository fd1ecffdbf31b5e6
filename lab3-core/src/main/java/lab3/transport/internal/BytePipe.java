package lab3.transport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded, blocking, one-way byte pipe between two threads: what a TCP connection is in one
 * direction, without the network. Unlike {@link java.io.PipedInputStream} it does not care which
 * threads read and write, supports a read time-out, and reports a closed reader to the writer.
 */
public final class BytePipe {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition readable = lock.newCondition();
  private final Condition writable = lock.newCondition();
  private final byte[] ring;
  private int head; // next byte to read
  private int size; // bytes buffered
  private boolean writerClosed;
  private boolean readerClosed;
  private volatile long readTimeoutMillis;

  public BytePipe(int capacity) {
    this.ring = new byte[capacity];
  }

  public void setReadTimeoutMillis(long millis) {
    this.readTimeoutMillis = millis;
  }

  /** The reading end: blocks while empty, returns -1 once the writer closed and all is read. */
  public InputStream source() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        lock.lock();
        try {
          long timeout = readTimeoutMillis;
          long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
          while (size == 0) {
            if (readerClosed) {
              throw new IOException("pipe closed");
            }
            if (writerClosed) {
              return -1;
            }
            if (timeout == 0) {
              readable.await();
            } else {
              long left = deadline - System.nanoTime();
              if (left <= 0) {
                throw new SocketTimeoutException("read timed out");
              }
              readable.awaitNanos(left);
            }
          }
          int n = Math.min(len, Math.min(size, ring.length - head));
          System.arraycopy(ring, head, b, off, n);
          head = (head + n) % ring.length;
          size -= n;
          writable.signalAll();
          return n;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted");
        } finally {
          lock.unlock();
        }
      }

      @Override
      public int available() {
        lock.lock();
        try {
          return size;
        } finally {
          lock.unlock();
        }
      }

      @Override
      public void close() {
        closeReader();
      }
    };
  }

  /** The writing end: blocks while full, fails once the reader closed. */
  public OutputStream sink() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
          while (len > 0) {
            while (size == ring.length && !readerClosed && !writerClosed) {
              writable.await();
            }
            if (readerClosed || writerClosed) {
              throw new IOException("pipe closed");
            }
            int tail = (head + size) % ring.length;
            int n = Math.min(len, Math.min(ring.length - size, ring.length - tail));
            System.arraycopy(b, off, ring, tail, n);
            size += n;
            off += n;
            len -= n;
            readable.signalAll();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted");
        } finally {
          lock.unlock();
        }
      }

      @Override
      public void close() {
        closeWriter();
      }
    };
  }

  public void closeWriter() {
    lock.lock();
    try {
      writerClosed = true;
      readable.signalAll();
      writable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public void closeReader() {
    lock.lock();
    try {
      readerClosed = true;
      readable.signalAll();
      writable.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
