package lab3.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InMemoryTransportTest {
  private static final Endpoint ANY = new Endpoint("in-memory", 1);

  @Test
  void readsAreCutToTheChosenSizes() throws Exception {
    byte[] payload = new byte[100];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
    Transport t =
        InMemoryTransport.builder(c -> c.output().write(payload)).readSizes(() -> 7).build();
    try (Connection c = t.open(ANY)) {
      InputStream in = c.input();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[64];
      int reads = 0;
      for (int n; (n = in.read(buf)) >= 0; reads++) {
        assertEquals(Math.min(7, 100 - got.size()), n);
        got.write(buf, 0, n);
      }
      assertArrayEquals(payload, got.toByteArray());
      assertEquals(15, reads);
    }
  }

  @Test
  void serverSeesWhatTheClientWrites() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    byte[][] seen = new byte[1][];
    Transport t =
        InMemoryTransport.builder(
                c -> {
                  seen[0] = c.input().readNBytes(5);
                  done.countDown();
                })
            .build();
    try (Connection c = t.open(ANY)) {
      c.output().write("hello".getBytes());
      done.await();
    }
    assertArrayEquals("hello".getBytes(), seen[0]);
  }

  @Test
  void readTimeoutApplies() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Transport t =
        InMemoryTransport.builder(
                c -> {
                  try {
                    release.await();
                  } catch (InterruptedException ignored) {
                    // end
                  }
                })
            .build();
    try (Connection c = t.open(ANY)) {
      c.setReadTimeout(Duration.ofMillis(50));
      assertThrows(SocketTimeoutException.class, () -> c.input().read());
    } finally {
      release.countDown();
    }
  }

  @Test
  void changingTheBuilderAfterBuildChangesNothingOfTheTransport() throws Exception {
    InMemoryTransport.Builder builder =
        InMemoryTransport.builder(c -> c.output().write(new byte[10])).readSizes(() -> 1);
    Transport built = builder.build();
    builder.readSizes(() -> 10);
    try (Connection c = built.open(ANY)) {
      assertEquals(1, c.input().read(new byte[10]));
    }
  }
}
