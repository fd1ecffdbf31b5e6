#!/usr/bin/env bash
# Benchmark 5, WebSocket: CMD_short:0 with n = 1,000,000 messages (--quick: 100,000;
# BENCH_MESSAGES=N) and a floodme sent as one message, 64 MiB (--quick: 32 MiB; BENCH_FLOOD_BYTES=N)
# through `./lab3 part5 ::1 PORT ... > /dev/null`, against `serve-ws`.
# Baselines in the same run: the same answers over plain TCP (`./lab3 part2` against serve-pmu),
# and Python's websocket-client (the lab's client library; when installed) reading the same
# CMD_short:0 from the same serve-ws in a plain recv loop, timed from its connect.
# Prints messages/s, MiB/s and the ratios, and the peak RSS of client and server.
# Measured alike: each client's own time from just before its connect to the server's close (part5
# and part2: the -v summary line; websocket-client: time.monotonic_ns() around create_connection
# and the recv loop), so neither side's runtime start or library import is in it (a JVM loads
# classes lazily: OkHttp's connection classes load inside part5's time, Python imported its own
# before). Both servers first serve untimed sessions (their JIT warm-up, which part5 used to pay
# alone as the first client of a fresh serve-ws), then every client runs BENCH_ROUNDS times
# (default 3), interleaved, part5 and websocket-client taking turns to go first, and the best run
# of each counts. The CPU (user + system) of the best runs' clients
# and of serve-ws during part5's best session are printed beside them.
# BENCH_PART5_BEFORE=path/to/lab3.jar also runs that jar's part5 in every round (the same JVM
# options as ./lab3 gives), for a before/after in one run: e.g. a worktree of an older commit,
# built with its ./lab3 --help.
# The issue asks for 256 MiB, but part5 refuses messages over 64 MiB (WsPmuClient's
# maxMessageBytes default: OkHttp assembles a message whole in memory), so 64 MiB is the largest
# it accepts. Its heap is sized at 12x the message: OkHttp's buffer plus a UTF-16 String.
. "$(dirname "$0")/lib.sh"
n=${BENCH_MESSAGES:-$([ "$QUICK" = 1 ] && echo 100000 || echo 1000000)}
bytes=${BENCH_FLOOD_BYTES:-$([ "$QUICK" = 1 ] && echo $((32 << 20)) || echo $((64 << 20)))}
heap=-Xmx$(((bytes >> 19) + 256))m
rounds=${BENCH_ROUNDS:-3}
before_jar=${BENCH_PART5_BEFORE:-}
ensure_jar

# Runs `./lab3 PART -v ::1 PORT COMMAND > /dev/null`; sets RATE (per second of COUNT units; COUNT
# is messages or bytes as the -v line reports them), RSS (MiB) and GOT (the count).
# With CLIENT_JAR set, runs that jar instead, with the JVM options ./lab3 gives (LAB3_AOT=0).
client() {
  local part=$1 port=$2 command=$3 unit=$4 xmx="-Xmx$(((bytes >> 20) * 12 + 512))m"
  local launch=("$ROOT/lab3")
  if [ -n "${CLIENT_JAR:-}" ]; then
    # shellcheck disable=SC2206
    launch=("$JAVA" -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr
      -XX:+DisplayVMOutputToStderr -Djdk.tls.rejectClientInitiatedRenegotiation=true "$xmx"
      ${LAB3_JAVA_OPTS:-} -jar "$CLIENT_JAR")
  fi
  LAB3_JAVA_OPTS="$xmx ${LAB3_JAVA_OPTS:-}" with_peak_rss \
    "${launch[@]}" "$part" -v ::1 "$port" "$command" >/dev/null 2>"$BENCH_TMP/client.err" ||
    { cat "$BENCH_TMP/client.err" >&2; return 1; }
  GOT=$(grep -o "[0-9]* $unit" "$BENCH_TMP/client.err" | head -n 1 | cut -d' ' -f1)
  local ms
  ms=$(grep -o '[0-9]* ms$' "$BENCH_TMP/client.err" | tail -n 1 | cut -d' ' -f1)  # the summary: -v's last line (connection attempts end in ms too)
  RATE=$(per_s "$GOT" "$((ms * 1000000 + 1))")
  RSS=$(cat "$BENCH_TMP/rss")
  CPU=$(cat "$BENCH_TMP/cpu")
}

# CPU seconds (user + system) a running process has used so far.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }

# best NAME RATE [extra...]: keeps the highest RATE seen under NAME (and the extras beside it).
best() {
  local name=$1 rate=$2
  shift 2
  local old=${BEST[$name]:-0}
  if awk -v a="$rate" -v b="$old" 'BEGIN { exit !(a + 0 > b + 0) }'; then
    BEST[$name]=$rate
    BEST_EXTRA[$name]="$*"
  fi
}
declare -A BEST BEST_EXTRA

start_server ws "$heap" -- serve-ws --port 0 --bind ::1 --messages "$n" --flood-bytes "$bytes"
ws_pid=$SERVER_PID ws_port=$SERVER_PORT
start_server pmu "$heap" -- serve-pmu --port 0 --bind ::1 --messages "$n" --flood-bytes "$bytes"
tcp_pid=$SERVER_PID tcp_port=$SERVER_PORT

peer_msgs="n/a" py=""
for candidate in python3 /usr/bin/python3; do # python3-websocket is for the system's Python
  if "$candidate" -c 'import websocket' 2>/dev/null; then py=$candidate; break; fi
done
if [ -n "$py" ]; then
  cat >"$BENCH_TMP/ws.py" <<'PY'
import sys, time, websocket
start = time.monotonic_ns()
ws = websocket.create_connection("ws://[%s]:%s/" % (sys.argv[1], sys.argv[2]))
ws.send(sys.argv[3])
out, n = sys.stdout, 0
try:
    while True:
        message = ws.recv()
        if not message:
            break
        out.write(message if isinstance(message, str) else message.decode())
        out.write("\n")
        n += 1
except websocket.WebSocketConnectionClosedException:
    pass
out.flush()
print(f"messages={n} ns={time.monotonic_ns() - start}", file=sys.stderr)
PY
else
  say "bench: python3's websocket-client is not installed (apt-get install python3-websocket): no peer"
fi

# The servers' warm-up: untimed sessions, so that every timed client meets servers in the same
# state. A fresh serve-ws spent 760, 190, 140, then 50-90 ms of CPU on its first sessions of
# 100,000 messages (load 8); part5, measured first, used to pay for that alone.
for _ in 1 2 3; do
  client part5 "$ws_port" CMD_short:0 messages
  client part2 "$tcp_port" CMD_short:0 messages
done
client part5 "$ws_port" CMD_floodme bytes
client part2 "$tcp_port" CMD_floodme bytes

part5_messages() {
  local before
  before=$(cpu_of "$ws_pid")
  client part5 "$ws_port" CMD_short:0 messages
  [ "$GOT" = "$n" ] || { say "bench: part5 got $GOT messages, not $n"; exit 1; }
  best ws_msgs "$RATE" "$RSS" "$CPU" "$(awk -v a="$(cpu_of "$ws_pid")" -v b="$before" 'BEGIN { printf "%.2f", a - b }')"
}
peer_messages() {
  [ -n "$py" ] || return 0
  if with_peak_rss "$py" "$BENCH_TMP/ws.py" ::1 "$ws_port" CMD_short:0 >/dev/null 2>"$BENCH_TMP/ws-peer.err"; then
    best peer_msgs "$(per_s "$(sed -n 's/.*messages=\([0-9]*\).*/\1/p' "$BENCH_TMP/ws-peer.err")" \
      "$(sed -n 's/.*ns=\([0-9]*\).*/\1/p' "$BENCH_TMP/ws-peer.err")")" "$(cat "$BENCH_TMP/cpu")"
  else
    say "bench: the websocket-client peer failed:"; head -c 300 "$BENCH_TMP/ws-peer.err" >&2
  fi
}

for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then # each goes first in every other round
    part5_messages; peer_messages
  else
    peer_messages; part5_messages
  fi
  if [ -n "$before_jar" ]; then
    CLIENT_JAR=$before_jar client part5 "$ws_port" CMD_short:0 messages
    best before_msgs "$RATE" "$CPU"
    CLIENT_JAR=$before_jar client part5 "$ws_port" CMD_floodme bytes
    best before_flood "$(calc "$RATE / 1048576")" "$CPU"
  fi
  client part2 "$tcp_port" CMD_short:0 messages
  best tcp_msgs "$RATE" "$CPU"
  client part5 "$ws_port" CMD_floodme bytes
  [ "$GOT" = "$bytes" ] || { say "bench: part5 got $GOT bytes, not $bytes"; exit 1; }
  best ws_flood "$(calc "$RATE / 1048576")" "$RSS" "$CPU"
  client part2 "$tcp_port" CMD_floodme bytes
  best tcp_flood "$(calc "$RATE / 1048576")" "$CPU"
done
ws_msgs=${BEST[ws_msgs]} tcp_msgs=${BEST[tcp_msgs]} ws_flood=${BEST[ws_flood]} tcp_flood=${BEST[tcp_flood]}
read -r ws_msgs_rss ws_msgs_cpu ws_server_cpu <<<"${BEST_EXTRA[ws_msgs]}"
read -r ws_flood_rss ws_flood_cpu <<<"${BEST_EXTRA[ws_flood]}"
tcp_msgs_cpu=${BEST_EXTRA[tcp_msgs]} tcp_flood_cpu=${BEST_EXTRA[tcp_flood]}
peer_msgs=${BEST[peer_msgs]:-n/a} peer_cpu=${BEST_EXTRA[peer_msgs]:-n/a}
before=""
if [ -n "$before_jar" ]; then
  before="; before ($before_jar): part5 ${BEST[before_msgs]} msg/s (CPU ${BEST_EXTRA[before_msgs]} s), floodme ${BEST[before_flood]} MiB/s (CPU ${BEST_EXTRA[before_flood]} s): messages $(ratio "${BEST[before_msgs]}" "${BEST[tcp_msgs]}") of TCP, floodme $(ratio "${BEST[before_flood]}" "${BEST[tcp_flood]}") of TCP, $(ratio "${BEST[before_msgs]}" "$peer_msgs")x websocket-client"
fi
ws_server_rss=$(peak_rss_mib "$ws_pid")
tcp_server_rss=$(peak_rss_mib "$tcp_pid")

record "5 websocket n=$n, floodme $((bytes >> 20)) MiB, best of $rounds" \
  "part5 $ws_msgs msg/s (client RSS $ws_msgs_rss MiB, CPU $ws_msgs_cpu s; serve-ws CPU $ws_server_cpu s), floodme $ws_flood MiB/s (client RSS $ws_flood_rss MiB, CPU $ws_flood_cpu s); serve-ws peak RSS $ws_server_rss MiB; TCP part2 $tcp_msgs msg/s (CPU $tcp_msgs_cpu s), floodme $tcp_flood MiB/s (CPU $tcp_flood_cpu s; serve-pmu peak RSS $tcp_server_rss MiB); websocket-client $peer_msgs msg/s (CPU $peer_cpu s)" \
  "messages $(ratio "$ws_msgs" "$tcp_msgs") of TCP, floodme $(ratio "$ws_flood" "$tcp_flood") of TCP (target 0.7); messages $(ratio "$ws_msgs" "$peer_msgs")x websocket-client (target 2)$before"
