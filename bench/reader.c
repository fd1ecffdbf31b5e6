/* The baseline: the plainest PMU client there is. Connects, sends the command, copies what
 * arrives to stdout until the server closes; repeats for SESSIONS sessions. No decoding: the
 * figure it gives is what the server and the loopback can deliver to any reader.
 *
 * usage: reader HOST PORT COMMAND [SESSIONS]
 * stderr: "bytes=B sessions=S ns=T" (T from the first connect to the last close). */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: reader HOST PORT COMMAND [SESSIONS]\n");
    return 2;
  }
  long sessions = argc > 4 ? atol(argv[4]) : 1;
  struct addrinfo hints = {0}, *ai;
  hints.ai_socktype = SOCK_STREAM;
  int rc = getaddrinfo(argv[1], argv[2], &hints, &ai);
  if (rc != 0) {
    fprintf(stderr, "reader: %s\n", gai_strerror(rc));
    return 1;
  }
  static char buf[1 << 16];
  long long bytes = 0, start = now_ns();
  for (long s = 0; s < sessions; s++) {
    int fd = socket(ai->ai_family, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
      perror("reader: connect");
      return 1;
    }
    size_t len = strlen(argv[3]);
    if (write(fd, argv[3], len) != (ssize_t)len) {
      perror("reader: write");
      return 1;
    }
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) != 0;) {
      if (n < 0) {
        perror("reader: read");
        return 1;
      }
      bytes += n;
      if (write(1, buf, n) != n) {
        perror("reader: stdout");
        return 1;
      }
    }
    close(fd);
  }
  fprintf(stderr, "bytes=%lld sessions=%ld ns=%lld\n", bytes, sessions, now_ns() - start);
  freeaddrinfo(ai);
  return 0;
}
