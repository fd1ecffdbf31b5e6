#!/usr/bin/env bash
# Benchmark 4, session rate: short sessions per second (connect, CMD_short:0 with n = 10, close)
# from BENCH_CLIENTS parallel clients (default 8), BENCH_ROUNDS sessions each (default 2,000;
# --quick: 300), with lab3-bench's SessionLoad (PmuClient on virtual threads).
# SessionLoad first runs half as many sessions untimed (its JIT warm-up).
# Baseline in the same run: the same number of bench/reader.c processes doing the same sessions.
. "$(dirname "$0")/lib.sh"
clients=${BENCH_CLIENTS:-8}
rounds=${BENCH_ROUNDS:-$([ "$QUICK" = 1 ] && echo 300 || echo 2000)}
ensure_jar
ensure_bench_jar
ensure_reader
start_server pmu -- serve-pmu --port 0 --bind ::1 --messages 10
total=$((clients * rounds))

# The server's JIT warms up with a first round of readers (untimed), then the baseline.
[ -z "$READER" ] || "$READER" ::1 "$SERVER_PORT" CMD_short:0 "$rounds" >/dev/null 2>&1 || true
plain="n/a"
if [ -n "$READER" ]; then
  start=$(now_ns)
  readers=()
  for _ in $(seq 1 "$clients"); do
    "$READER" ::1 "$SERVER_PORT" CMD_short:0 "$rounds" >/dev/null 2>>"$BENCH_TMP/reader.err" &
    readers+=($!)
  done
  wait "${readers[@]}"
  plain=$(per_s "$total" "$(($(now_ns) - start))")
fi

"$JAVA" -cp "$BENCH_JAR" lab3.bench.SessionLoad rate ::1 "$SERVER_PORT" "$clients" "$rounds" 10 $((rounds / 2)) \
  >"$BENCH_TMP/load.out" 2>"$BENCH_TMP/load.err" || { cat "$BENCH_TMP/load.out" "$BENCH_TMP/load.err" >&2; exit 1; }
ms=$(sed -n 's/.*ms=\([0-9]*\).*/\1/p' "$BENCH_TMP/load.out")
lab3=$(per_s "$total" "$((ms * 1000000 + 1))")
stop_server

record "4 session rate $clients clients x $rounds" \
  "SessionLoad (PmuClient) $lab3 sessions/s; C reader processes $plain sessions/s" \
  "$(ratio "$lab3" "$plain") of C reader"
