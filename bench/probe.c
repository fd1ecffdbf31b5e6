/*
 * bench/probe: a fixed amount of integer work, timed; prints its wall time in microseconds.
 *
 * bench/verdicts runs it on each CPU before a round: this machine is a virtual machine whose
 * CPUs slow down for minutes at a time (the host's other work; no steal time is counted), and a
 * ratio taken then judges the host, not Lab3. The loop touches no memory, so it measures the
 * CPU's speed alone; about 50 ms on this machine.
 */
#include <stdint.h>
#include <stdio.h>
#include <time.h>

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void) {
  long long start = now_ns();
  uint64_t x = 1;
  for (long i = 0; i < 30000000; i++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    x ^= x >> 7;
  }
  long long took = now_ns() - start;
  /* x is printed to stderr so that the compiler cannot drop the loop. */
  fprintf(stderr, "%llu\n", (unsigned long long)(x & 1));
  printf("%lld\n", took / 1000);
  return 0;
}
