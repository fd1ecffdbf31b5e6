#!/usr/bin/env bash
# Benchmark 3, concurrent sessions: the load generator (bench/sessions.c: one thread and epoll;
# lab3-bench's SessionLoad, a JVM of virtual threads, where there is no gcc) opens 10,000 sessions
# at once (--quick: 1,000; BENCH_SESSIONS=N) against one emulator, each CMD_short:1 with n = 5, and
# checks every message arrives in order.
# Figures: completion time against the floor (4 pauses of 1 s), the most sessions open at once,
# and the emulator's peak RSS and thread count (virtual threads: the carriers are what count).
# Peer in the same run: a 30-line Python asyncio PMU (bench/asyncio_pmu.py) (one coroutine per
# session, the same messages, one write per message) under the same load generator.
# The generator runs on the same cores as the server it loads, so it should take as little CPU as
# it can: the JVM one took about 2/3 of 2 cores while 10,000 sessions opened, and set the pace
# (RESULTS.md, "Issue 26, sixth session"); before it, one with G1, C2 and 64 KiB per session
# needed 4 s of CPU (RESULTS.md, "The lab host under a class (2026-12-04)").
# Each run's figures also say how long the last session took to get its first message
# (all_open: the run cannot end before that plus the pauses) and how many connections the kernel
# dropped for a full accept queue (listen overflows, each a SYN retransmitted a second later).
. "$(dirname "$0")/lib.sh"
sessions=${BENCH_SESSIONS:-$([ "$QUICK" = 1 ] && echo 1000 || echo 10000)}
messages=5
ensure_jar
ensure_bench_jar
ensure_sessions
[ -n "$SESSIONS_GEN" ] || say "bench: gcc is missing: the load generator is SessionLoad (a JVM), slower"
# Connections dropped for a full accept queue, machine-wide (nstat's absolute counter), or n/a.
tcp_drops() {
  command -v nstat >/dev/null 2>&1 || { echo n/a; return 0; }
  nstat -az TcpExtListenOverflows 2>/dev/null | awk 'NR > 1 {s += $2} END {print s + 0}'
}
drops_since() { [ "$1" = n/a ] && echo n/a || echo $(($(tcp_drops) - $1)); }
raise_nofile $((sessions + 1000))
say "bench: open-file limit $NOFILE (hard $(ulimit -Hn)) for $sessions sessions"
start_server pmu -- serve-pmu --port 0 --bind ::1 --messages "$messages"
threads_before=$(threads_of "$SERVER_PID")
watch_threads "$SERVER_PID" "$BENCH_TMP/done" &
watcher=$!

drops=$(tcp_drops)
hold_sessions "$SERVER_PORT" "$sessions" "$messages" \
  >"$BENCH_TMP/load.out" 2>"$BENCH_TMP/load.err" || { cat "$BENCH_TMP/load.out" "$BENCH_TMP/load.err" >&2; exit 1; }
drops=$(drops_since "$drops")
touch "$BENCH_TMP/done"
wait "$watcher" || true
rss=$(peak_rss_mib "$SERVER_PID")
stop_server
figures=$(cat "$BENCH_TMP/load.out")
ms=$(echo "$figures" | sed -n 's/.*ms=\([0-9]*\).*/\1/p')
open=$(echo "$figures" | sed -n 's/.*max_open=\([0-9]*\).*/\1/p')
all_open=$(echo "$figures" | sed -n 's/.*all_open=\([0-9]*\).*/\1/p')
floor_ms=$(((messages - 1) * 1000))

# The peer: a plain asyncio PMU, the same load generator against it.
peer_ms="n/a"
peer_all_open="n/a"
peer_drops="n/a"
if command -v python3 >/dev/null 2>&1; then
  python3 "$BENCH_DIR/asyncio_pmu.py" ::1 "$messages" >"$BENCH_TMP/peer.out" 2>"$BENCH_TMP/peer.err" &
  peer_pid=$!
  BENCH_PIDS+=("$peer_pid")
  peer_port=""
  for _ in $(seq 1 100); do
    peer_port=$(grep -s -o ':[0-9]*$' "$BENCH_TMP/peer.out" | tr -d : || true)
    [ -n "$peer_port" ] && break
    sleep 0.1
  done
  peer_drops=$(tcp_drops)
  if [ -n "$peer_port" ] && hold_sessions "$peer_port" "$sessions" "$messages" >"$BENCH_TMP/peer-load.out" 2>"$BENCH_TMP/peer-load.err"; then
    peer_drops=$(drops_since "$peer_drops")
    peer_ms=$(sed -n 's/.*ms=\([0-9]*\).*/\1/p' "$BENCH_TMP/peer-load.out")
    peer_all_open=$(sed -n 's/.*all_open=\([0-9]*\).*/\1/p' "$BENCH_TMP/peer-load.out")
  else
    peer_drops="n/a"
    say "bench: the asyncio peer failed:"; cat "$BENCH_TMP/peer.err" "$BENCH_TMP/peer-load.err" >&2
  fi
  kill "$peer_pid" 2>/dev/null || true
fi

record "3 sessions $sessions x CMD_short:1 n=$messages" \
  "all in order in $ms ms, $open open at once, all open at $all_open ms, $drops listen overflows; emulator peak RSS $rss MiB, threads $threads_before idle / $(cat "$BENCH_TMP/threads") peak; nofile $NOFILE; asyncio PMU peer $peer_ms ms (all open at $peer_all_open ms, $peer_drops listen overflows)" \
  "$(ratio "$ms" "$floor_ms")x the floor of $floor_ms ms (target 1.3); $(ratio "$ms" "$peer_ms")x the asyncio peer's time (target below 1)"
