#!/usr/bin/env bash
# Benchmark 3, concurrent sessions: the load generator (lab3-bench's SessionLoad, its own JVM)
# opens 10,000 sessions at once (--quick: 1,000; BENCH_SESSIONS=N) against one emulator, each
# CMD_short:1 with n = 5, and checks every message arrives in order.
# Figures: completion time against the floor (4 pauses of 1 s), the most sessions open at once,
# and the emulator's peak RSS and thread count (virtual threads: the carriers are what count).
. "$(dirname "$0")/lib.sh"
sessions=${BENCH_SESSIONS:-$([ "$QUICK" = 1 ] && echo 1000 || echo 10000)}
messages=5
ensure_jar
ensure_bench_jar
raise_nofile $((sessions + 1000))
say "bench: open-file limit $NOFILE (hard $(ulimit -Hn)) for $sessions sessions"
start_server pmu -- serve-pmu --port 0 --bind ::1 --messages "$messages"
threads_before=$(threads_of "$SERVER_PID")
watch_threads "$SERVER_PID" "$BENCH_TMP/done" &
watcher=$!

"$JAVA" -cp "$BENCH_JAR" lab3.bench.SessionLoad hold ::1 "$SERVER_PORT" "$sessions" "$messages" \
  >"$BENCH_TMP/load.out" 2>"$BENCH_TMP/load.err" || { cat "$BENCH_TMP/load.out" "$BENCH_TMP/load.err" >&2; exit 1; }
touch "$BENCH_TMP/done"
wait "$watcher" || true
rss=$(peak_rss_mib "$SERVER_PID")
stop_server
figures=$(cat "$BENCH_TMP/load.out")
ms=$(echo "$figures" | sed -n 's/.*ms=\([0-9]*\).*/\1/p')
open=$(echo "$figures" | sed -n 's/.*max_open=\([0-9]*\).*/\1/p')
floor_ms=$(((messages - 1) * 1000))

record "3 sessions $sessions x CMD_short:1 n=$messages" \
  "all in order in $ms ms, $open open at once; emulator peak RSS $rss MiB, threads $threads_before idle / $(cat "$BENCH_TMP/threads") peak; nofile $NOFILE" \
  "$(ratio "$ms" "$floor_ms")x the floor of $floor_ms ms"
