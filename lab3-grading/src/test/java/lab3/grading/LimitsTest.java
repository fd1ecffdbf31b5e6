package lab3.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LimitsTest {
  @Test
  void aSizeWrittenAsAnOptionTakesTheLargestUnitThatDividesIt() {
    assertEquals("512M", Limits.optionSize(512L << 20));
    assertEquals("1G", Limits.optionSize(1L << 30));
    assertEquals("1536M", Limits.optionSize(1536L << 20));
    assertEquals("64K", Limits.optionSize(64L << 10));
    assertEquals("1000", Limits.optionSize(1000));
    assertEquals("0", Limits.optionSize(0));
  }

  @Test
  void aSizeWrittenAsAnOptionReadsBackToTheSameBytes() {
    for (long bytes : new long[] {1, 1000, 1024, 65_536, 768L << 20, 3L << 30, (1L << 30) + 1}) {
      assertEquals(bytes, Limits.size("--memory", Limits.optionSize(bytes)), String.valueOf(bytes));
    }
  }
}
