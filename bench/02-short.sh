#!/usr/bin/env bash
# Benchmark 2, many short messages: CMD_short:0 with n = 1,000,000 (--quick: 100,000;
# BENCH_MESSAGES=N to choose) through `./lab3 part2 ::1 PORT CMD_short:0 > /dev/null`.
# Baseline in the same run: bench/reader.c reading the same server's answer (bytes only, no
# decoding). Prints messages/s for both and the ratio.
. "$(dirname "$0")/lib.sh"
n=${BENCH_MESSAGES:-$([ "$QUICK" = 1 ] && echo 100000 || echo 1000000)}
ensure_jar
ensure_reader
start_server pmu -- serve-pmu --port 0 --bind ::1 --messages "$n"

plain="n/a"
plain_mib="n/a"
if [ -n "$READER" ]; then
  "$READER" ::1 "$SERVER_PORT" CMD_short:0 >/dev/null 2>&1 # warms the server's JIT up
  "$READER" ::1 "$SERVER_PORT" CMD_short:0 >/dev/null 2>"$BENCH_TMP/reader.err"
  rb=$(sed -n 's/.*bytes=\([0-9]*\).*/\1/p' "$BENCH_TMP/reader.err")
  rns=$(sed -n 's/.*ns=\([0-9]*\).*/\1/p' "$BENCH_TMP/reader.err")
  plain=$(per_s "$n" "$rns")
  plain_mib=$(mib_per_s "$rb" "$rns")
fi

with_peak_rss "$ROOT/lab3" part2 -v ::1 "$SERVER_PORT" CMD_short:0 >/dev/null 2>"$BENCH_TMP/client.err"
got=$(sed -n 's/.*: \([0-9]*\) messages, .*/\1/p' "$BENCH_TMP/client.err")
ms=$(sed -n 's/.*: [0-9]* messages, .* \([0-9]*\) ms$/\1/p' "$BENCH_TMP/client.err")
[ "$got" = "$n" ] || { say "bench: the client got $got messages, not $n"; cat "$BENCH_TMP/client.err" >&2; exit 1; }
lab3=$(per_s "$n" "$((ms * 1000000 + 1))")
stop_server

record "2 short n=$n" \
  "lab3 part2 $lab3 msg/s (peak RSS $(cat "$BENCH_TMP/rss") MiB, CPU $(cat "$BENCH_TMP/cpu") s); C reader $plain msg/s ($plain_mib MiB/s)" \
  "$(ratio "$lab3" "$plain") of C reader"
