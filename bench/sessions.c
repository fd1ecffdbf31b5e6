/* The load generator of the sessions verdict: SESSIONS PMU sessions opened at once, each sending
 * CMD_short:1 and checking that it gets exactly "This is PMU data 1" ... "This is PMU data
 * MESSAGES" before the server closes. One thread and epoll, so that it takes as little of the CPU
 * as it can from the server it measures (a JVM generator of virtual threads took about 2/3 of the
 * 2 cores while the sessions opened: the time to open them measured the generator).
 *
 * usage: sessions HOST PORT SESSIONS MESSAGES
 * stdout, one line (the keys of lab3-bench's SessionLoad hold):
 *   sessions=S completed=C failed=F max_open=M ms=T first_msg_p50=A all_open=B first_end=E end_p50=P
 *   (ms since the first connect: the whole run; all_open: when the last session got its first
 *   message, so that the run cannot end before it plus the pauses)
 * stderr: sessions connected, with a first message and ended per 250 ms; the first failure.
 * When nothing arrives for STALL_S seconds (60), the sessions still open fail, as with SessionLoad's
 * read time-out.
 * Exit 1 if any session failed, 2 on a usage error. */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef STALL_S
#define STALL_S 60
#endif
#define STR2(x) #x
#define STR(x) STR2(x)

enum { CONNECTING, WAITING, DONE };

struct session {
  int fd, state, got; /* got: bytes received so far */
  long long connected, first, ended;
};

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return x < y ? -1 : x > y;
}

static long long start;
static int open_now, max_open, completed, failed;
static char first_failure[200];

static void fail(struct session *s, int index, const char *why) {
  if (failed++ == 0) {
    snprintf(first_failure, sizeof first_failure, "session %d: %s", index, why);
  }
  if (s->first) open_now--;
  close(s->fd);
  s->state = DONE;
  s->ended = now_ns() - start;
}

int main(int argc, char **argv) {
  if (argc != 5 || atoi(argv[3]) < 1 || atoi(argv[4]) < 1) {
    fprintf(stderr, "usage: sessions HOST PORT SESSIONS MESSAGES\n");
    return 2;
  }
  int n = atoi(argv[3]), messages = atoi(argv[4]);
  struct addrinfo hints = {0}, *ai;
  hints.ai_socktype = SOCK_STREAM;
  int rc = getaddrinfo(argv[1], argv[2], &hints, &ai);
  if (rc != 0) {
    fprintf(stderr, "sessions: %s\n", gai_strerror(rc));
    return 1;
  }
  struct rlimit nofile;
  getrlimit(RLIMIT_NOFILE, &nofile);
  if (nofile.rlim_cur < (rlim_t)n + 16) {
    nofile.rlim_cur = nofile.rlim_max < (rlim_t)n + 16 ? nofile.rlim_max : (rlim_t)n + 16;
    setrlimit(RLIMIT_NOFILE, &nofile);
  }
  /* What every session must receive, in order, and the length of its first message. */
  int expected_len = 0, first_len = 0;
  char *expected = malloc((size_t)messages * 40 + 1);
  for (int k = 1; k <= messages; k++) {
    expected_len += sprintf(expected + expected_len, "This is PMU data %d", k);
    if (k == 1) first_len = expected_len;
  }
  struct session *s = calloc(n, sizeof *s);
  char *received = malloc((size_t)n * (expected_len + 1)); /* each session's bytes */
  int ep = epoll_create1(0);
  struct epoll_event events[256];
  int opened = 0, done = 0;
  start = now_ns();
  long long last_event = start;
  while (done < n) {
    /* Open the sessions in batches, with a look at what is ready between them. */
    for (int batch = 0; batch < 64 && opened < n; batch++, opened++) {
      struct session *x = &s[opened];
      x->fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK, 0);
      if (x->fd < 0) {
        perror("sessions: socket");
        return 1;
      }
      if (connect(x->fd, ai->ai_addr, ai->ai_addrlen) < 0 && errno != EINPROGRESS) {
        fail(x, opened, strerror(errno));
        done++;
        continue;
      }
      struct epoll_event e = {.events = EPOLLOUT | EPOLLIN, .data.u32 = (unsigned)opened};
      epoll_ctl(ep, EPOLL_CTL_ADD, x->fd, &e);
    }
    int ready = epoll_wait(ep, events, 256, opened < n ? 0 : 1000);
    if (ready > 0 || opened < n) {
      last_event = now_ns();
    } else if (now_ns() - last_event > STALL_S * 1000000000LL) { /* every open session stalled */
      for (int i = 0; i < n; i++) {
        if (s[i].state != DONE) {
          fail(&s[i], i, "nothing from the server for " STR(STALL_S) " s");
          done++;
        }
      }
    }
    for (int i = 0; i < ready; i++) {
      int index = (int)events[i].data.u32;
      struct session *x = &s[index];
      if (x->state == CONNECTING) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(x->fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
          fail(x, index, strerror(err));
          done++;
          continue;
        }
        x->connected = now_ns() - start;
        if (write(x->fd, "CMD_short:1", 11) != 11) {
          fail(x, index, "could not send the command");
          done++;
          continue;
        }
        x->state = WAITING;
        struct epoll_event e = {.events = EPOLLIN, .data.u32 = (unsigned)index};
        epoll_ctl(ep, EPOLL_CTL_MOD, x->fd, &e);
        continue;
      }
      if (x->state != WAITING) continue;
      char *buf = received + (size_t)index * (expected_len + 1);
      ssize_t r = read(x->fd, buf + x->got, expected_len + 1 - x->got);
      if (r < 0) {
        if (errno == EAGAIN) continue;
        fail(x, index, strerror(errno));
        done++;
      } else if (r > 0) {
        x->got += (int)r;
        if (memcmp(buf, expected, x->got < expected_len ? x->got : expected_len) != 0 ||
            x->got > expected_len) {
          fail(x, index, "not the messages expected, in order");
          done++;
        } else if (!x->first && x->got >= first_len) {
          x->first = now_ns() - start;
          if (++open_now > max_open) max_open = open_now;
        }
      } else { /* the server closed: complete if every message came */
        if (x->got != expected_len) {
          fail(x, index, "the server closed before the last message");
        } else {
          open_now--;
          close(x->fd);
          x->state = DONE;
          x->ended = now_ns() - start;
          completed++;
        }
        done++;
      }
    }
  }
  long long ms = (now_ns() - start) / 1000000;
  long long *first = malloc(n * sizeof *first), *ended = malloc(n * sizeof *ended);
  int buckets = 1;
  for (int i = 0; i < n; i++) {
    first[i] = s[i].first;
    ended[i] = s[i].ended;
    if (s[i].ended / 250000000 + 1 > buckets) buckets = (int)(s[i].ended / 250000000) + 1;
  }
  fprintf(stderr, "ms\tconnected\tfirst message\tended\n");
  for (int b = 0; b < buckets; b++) {
    int c = 0, f = 0, e = 0;
    for (int i = 0; i < n; i++) {
      c += s[i].connected / 250000000 == b;
      f += s[i].first / 250000000 == b;
      e += s[i].ended / 250000000 == b;
    }
    fprintf(stderr, "%d\t%d\t%d\t%d\n", b * 250, c, f, e);
  }
  qsort(first, n, sizeof *first, cmp);
  qsort(ended, n, sizeof *ended, cmp);
  printf("sessions=%d completed=%d failed=%d max_open=%d ms=%lld first_msg_p50=%lld all_open=%lld"
         " first_end=%lld end_p50=%lld\n",
         n, completed, failed, max_open, ms, first[n / 2] / 1000000, first[n - 1] / 1000000,
         ended[0] / 1000000, ended[n / 2] / 1000000);
  if (failed) {
    fprintf(stderr, "first failure: %s\n", first_failure);
    return 1;
  }
  return 0;
}
