#!/usr/bin/env bash
# Benchmark 5, WebSocket: CMD_short:0 with n = 1,000,000 messages (--quick: 100,000;
# BENCH_MESSAGES=N) and a floodme sent as one message, 64 MiB (--quick: 32 MiB; BENCH_FLOOD_BYTES=N)
# through `./lab3 part5 ::1 PORT ... > /dev/null`, against `serve-ws`.
# Baselines in the same run: the same answers over plain TCP (`./lab3 part2` against serve-pmu),
# and Python's websocket-client (the lab's client library; when installed) reading the same
# CMD_short:0 from the same serve-ws in a plain recv loop, timed from its connect.
# Prints messages/s, MiB/s and the ratios, and the peak RSS of client and server.
# The issue asks for 256 MiB, but part5 refuses messages over 64 MiB (WsPmuClient's
# maxMessageBytes default: OkHttp assembles a message whole in memory), so 64 MiB is the largest
# it accepts. Its heap is sized at 12x the message: OkHttp's buffer plus a UTF-16 String.
. "$(dirname "$0")/lib.sh"
n=${BENCH_MESSAGES:-$([ "$QUICK" = 1 ] && echo 100000 || echo 1000000)}
bytes=${BENCH_FLOOD_BYTES:-$([ "$QUICK" = 1 ] && echo $((32 << 20)) || echo $((64 << 20)))}
heap=-Xmx$(((bytes >> 19) + 256))m
ensure_jar

# Runs `./lab3 PART -v ::1 PORT COMMAND > /dev/null`; sets RATE (per second of COUNT units; COUNT
# is messages or bytes as the -v line reports them), RSS (MiB) and GOT (the count).
client() {
  local part=$1 port=$2 command=$3 unit=$4
  LAB3_JAVA_OPTS="-Xmx$(((bytes >> 20) * 12 + 512))m ${LAB3_JAVA_OPTS:-}" with_peak_rss \
    "$ROOT/lab3" "$part" -v ::1 "$port" "$command" >/dev/null 2>"$BENCH_TMP/client.err" ||
    { cat "$BENCH_TMP/client.err" >&2; return 1; }
  GOT=$(grep -o "[0-9]* $unit" "$BENCH_TMP/client.err" | head -n 1 | cut -d' ' -f1)
  local ms
  ms=$(grep -o '[0-9]* ms$' "$BENCH_TMP/client.err" | tail -n 1 | cut -d' ' -f1)  # the summary: -v's last line (connection attempts end in ms too)
  RATE=$(per_s "$GOT" "$((ms * 1000000 + 1))")
  RSS=$(cat "$BENCH_TMP/rss")
}

start_server ws "$heap" -- serve-ws --port 0 --bind ::1 --messages "$n" --flood-bytes "$bytes"
ws_pid=$SERVER_PID ws_port=$SERVER_PORT
start_server pmu "$heap" -- serve-pmu --port 0 --bind ::1 --messages "$n" --flood-bytes "$bytes"
tcp_pid=$SERVER_PID tcp_port=$SERVER_PORT

client part5 "$ws_port" CMD_short:0 messages
[ "$GOT" = "$n" ] || { say "bench: part5 got $GOT messages, not $n"; exit 1; }
ws_msgs=$RATE ws_msgs_rss=$RSS
client part2 "$tcp_port" CMD_short:0 messages
tcp_msgs=$RATE
client part5 "$ws_port" CMD_floodme bytes
[ "$GOT" = "$bytes" ] || { say "bench: part5 got $GOT bytes, not $bytes"; exit 1; }
ws_flood=$(calc "$RATE / 1048576") ws_flood_rss=$RSS
client part2 "$tcp_port" CMD_floodme bytes
tcp_flood=$(calc "$RATE / 1048576")
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
  if "$py" "$BENCH_TMP/ws.py" ::1 "$ws_port" CMD_short:0 >/dev/null 2>"$BENCH_TMP/ws-peer.err"; then
    peer_msgs=$(per_s "$(sed -n 's/.*messages=\([0-9]*\).*/\1/p' "$BENCH_TMP/ws-peer.err")" \
      "$(sed -n 's/.*ns=\([0-9]*\).*/\1/p' "$BENCH_TMP/ws-peer.err")")
  else
    say "bench: the websocket-client peer failed:"; head -c 300 "$BENCH_TMP/ws-peer.err" >&2
  fi
else
  say "bench: python3's websocket-client is not installed (apt-get install python3-websocket): no peer"
fi
ws_server_rss=$(peak_rss_mib "$ws_pid")
tcp_server_rss=$(peak_rss_mib "$tcp_pid")

record "5 websocket n=$n, floodme $((bytes >> 20)) MiB" \
  "part5 $ws_msgs msg/s (client RSS $ws_msgs_rss MiB), floodme $ws_flood MiB/s (client RSS $ws_flood_rss MiB); serve-ws peak RSS $ws_server_rss MiB; TCP part2 $tcp_msgs msg/s, floodme $tcp_flood MiB/s (serve-pmu peak RSS $tcp_server_rss MiB); websocket-client $peer_msgs msg/s" \
  "messages $(ratio "$ws_msgs" "$tcp_msgs") of TCP, floodme $(ratio "$ws_flood" "$tcp_flood") of TCP (target 0.7); messages $(ratio "$ws_msgs" "$peer_msgs")x websocket-client (target 2)"
