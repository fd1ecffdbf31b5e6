#!/usr/bin/env bash
# Benchmark 1, floodme stream: a floodme of 1 GiB (--quick: 64 MiB; BENCH_FLOOD_BYTES=N to choose)
# from `serve-pmu --flood-bytes` through `./lab3 part2 ::1 PORT CMD_floodme > /dev/null`, the
# client's heap capped at 64 MiB (-Xmx64m: floodme must be a byte pump).
# Baselines in the same run: iperf3 over loopback (when installed), bench/reader.c and a Python
# recv(65536) loop (the lab's reference reader) on the same server. Prints MiB/s, the ratios, and the client's peak RSS.
. "$(dirname "$0")/lib.sh"
bytes=${BENCH_FLOOD_BYTES:-$([ "$QUICK" = 1 ] && echo $((64 << 20)) || echo $((1 << 30)))}
ensure_jar
ensure_reader
start_server pmu -Xmx$(((bytes >> 19) + 256))m -- serve-pmu --port 0 --bind ::1 --flood-bytes "$bytes"

# The transport's limit: iperf3, one stream, the same byte count.
iperf="n/a"
if command -v iperf3 >/dev/null 2>&1; then
  iport=$(unused_port)
  iperf3 -s -1 -B ::1 -p "$iport" >/dev/null 2>&1 &
  ipid=$!
  BENCH_PIDS+=("$ipid")
  wait_listening "$iport" || say "bench: iperf3 -s did not start"
  iperf3 -c ::1 -p "$iport" -n "$bytes" -J >"$BENCH_TMP/iperf.json" 2>&1 || true
  iperf=$(python3 -c 'import json,sys; print(round(json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"]/8/1048576))' \
    <"$BENCH_TMP/iperf.json" 2>/dev/null) || { say "bench: iperf3 failed:"; head -c 300 "$BENCH_TMP/iperf.json" >&2; iperf="n/a"; }
  wait "$ipid" 2>/dev/null || true
else
  say "bench: iperf3 is not installed (apt-get install iperf3): no transport baseline"
fi

# The plain reader of the same server.
plain="n/a"
if [ -n "$READER" ]; then
  "$READER" ::1 "$SERVER_PORT" CMD_floodme >/dev/null 2>"$BENCH_TMP/reader.err"
  plain=$(mib_per_s "$(sed -n 's/.*bytes=\([0-9]*\).*/\1/p' "$BENCH_TMP/reader.err")" \
    "$(sed -n 's/.*ns=\([0-9]*\).*/\1/p' "$BENCH_TMP/reader.err")")
fi

# The Python peer: the lab's reference reader is a plain recv(65536) loop writing to stdout.
python="n/a"
if command -v python3 >/dev/null 2>&1; then
  cat >"$BENCH_TMP/reader.py" <<'PY'
import socket, sys, time
start = time.monotonic_ns()
s = socket.create_connection((sys.argv[1], int(sys.argv[2])))
s.sendall(b"CMD_floodme")
out, n = sys.stdout.buffer, 0
while data := s.recv(65536):
    n += len(data)
    out.write(data)
out.flush()
print(f"bytes={n} ns={time.monotonic_ns() - start}", file=sys.stderr)
PY
  if python3 "$BENCH_TMP/reader.py" ::1 "$SERVER_PORT" >/dev/null 2>"$BENCH_TMP/python.err"; then
    python=$(mib_per_s "$(sed -n 's/.*bytes=\([0-9]*\).*/\1/p' "$BENCH_TMP/python.err")" \
      "$(sed -n 's/.*ns=\([0-9]*\).*/\1/p' "$BENCH_TMP/python.err")")
  else
    say "bench: the Python reader failed:"; head -c 300 "$BENCH_TMP/python.err" >&2
  fi
fi

# The client under test; -v reports the transfer's own time (JVM start-up excluded).
LAB3_JAVA_OPTS="-Xmx64m ${LAB3_JAVA_OPTS:-}" with_peak_rss \
  "$ROOT/lab3" part2 -v ::1 "$SERVER_PORT" CMD_floodme >/dev/null 2>"$BENCH_TMP/client.err"
line=$(grep 'floodme text' "$BENCH_TMP/client.err")
got=$(echo "$line" | sed -n 's/.* \([0-9]*\) bytes, .*/\1/p')
ms=$(echo "$line" | sed -n 's/.* \([0-9]*\) ms$/\1/p')
[ "$got" = "$bytes" ] || { say "bench: the client got $got bytes, not $bytes"; exit 1; }
lab3=$(mib_per_s "$bytes" "$((ms * 1000000 + 1))")
stop_server

record "1 floodme $((bytes >> 20)) MiB" \
  "lab3 part2 $lab3 MiB/s (-Xmx64m, peak RSS $(cat "$BENCH_TMP/rss") MiB, CPU $(cat "$BENCH_TMP/cpu") s); C reader $plain MiB/s; Python recv loop $python MiB/s; iperf3 $iperf MiB/s" \
  "$(ratio "$lab3" "$iperf") of iperf3, $(ratio "$lab3" "$plain") of C reader (target 0.9), $(ratio "$lab3" "$python") of Python"
