# Sourced by every bench/NN-*.sh: finds the JDK and the jar, starts servers on free ports, measures
# peak RSS, and appends one dated row per run to bench/RESULTS.md.
#
# Every figure that matters is a ratio to a baseline measured in the same run, because the machine
# may be shared and busy: the absolute figures say how busy, the ratios say how close to the limit.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
RESULTS="$BENCH_DIR/RESULTS.md"
QUICK=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    -h | --help)
      sed -n '2,/^$/s/^# \{0,1\}//p' "$0"
      exit 0
      ;;
  esac
done
MODE=$([ "$QUICK" = 1 ] && echo quick || echo full)$([ "${BENCH_AOT:-1}" = 0 ] && echo ", caches off" || true)

. "$ROOT/.mvn/find-jdk.sh"
lab3_find_jdk
JAVA="$JAVA_HOME/bin/java"
JAR="$ROOT/lab3-apps/target/lab3.jar"
CORES=$(nproc)
JDK_VERSION=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
mkdir -p "$BENCH_DIR/.build"
BENCH_TMP=$(mktemp -d "$BENCH_DIR/.build/run.XXXXXX")
BENCH_PIDS=()
trap 'status=$?; bench_cleanup; exit $status' EXIT

bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]:-}"; do
    if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
      { wait "$pid" || true; } 2>/dev/null
    fi
  done
  rm -rf "$BENCH_TMP"
}

say() { echo "$*" >&2; }

# Builds lab3.jar if any source is newer (./lab3 does that), quietly, and has the launcher record
# both of its start-up caches (one per kind of command: --help is light, part5 full) before any
# timed run: the first run of a build that needs a cache records it (a training run and the
# cache's assembly, children of the launcher), whose CPU and RSS would pass for the client's.
ensure_jar() { "$ROOT/lab3" --help >/dev/null && "$ROOT/lab3" part5 --help >/dev/null; }
# The clients run as a user runs them, with the caches (since 2026-12-04; the rows before had them
# off). BENCH_AOT=0 turns them off (LAB3_AOT=0), and the mode column says "caches off". Bench 6
# sets LAB3_AOT itself for each command it times.
export LAB3_AOT=${BENCH_AOT:-1}

# Builds lab3-bench/target/lab3-bench.jar (load generator, JMH) when a source is newer than it.
BENCH_JAR="$ROOT/lab3-bench/target/lab3-bench.jar"
ensure_bench_jar() {
  if [ ! -f "$BENCH_JAR" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/lab3-bench/pom.xml" "$ROOT/lab3-bench/src/main" \
      "$ROOT/lab3-core/pom.xml" "$ROOT/lab3-core/src/main" -newer "$BENCH_JAR" -type f -print -quit)" ]; then
    say "bench: building lab3-bench.jar..."
    (cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspotless.apply.skip=true -pl lab3-bench -am package >&2)
  fi
}

# Polls a process's thread count every 0.2 s until it ends or the file $2 appears; the largest
# count goes to $BENCH_TMP/threads.
watch_threads() {
  local pid=$1 stop=$2 max=0 t
  while [ ! -e "$stop" ] && kill -0 "$pid" 2>/dev/null; do
    t=$(threads_of "$pid" 2>/dev/null || echo 0)
    [ "$t" -gt "$max" ] && max=$t
    echo "$max" >"$BENCH_TMP/threads"
    sleep 0.2
  done
}

# Raises the open-file limit to the hard limit, or to $1 if that is lower; says what it got.
raise_nofile() {
  local want=$1 hard
  hard=$(ulimit -Hn)
  if [ "$hard" = unlimited ] || [ "$hard" -ge "$want" ]; then
    ulimit -Sn "$want" 2>/dev/null || ulimit -Sn "$hard"
  else
    ulimit -Sn "$hard"
    say "bench: the open-file hard limit is $hard, below the $want this benchmark needs: expect failures"
  fi
  NOFILE=$(ulimit -Sn)
}

# c_tool NAME: prints the path of bench/NAME.c's program, compiled into bench/.build (ignored by
# git) on first use and again when the source is newer; prints nothing without gcc.
c_tool() {
  local program="$BENCH_DIR/.build/$1"
  if [ ! -x "$program" ] || [ "$BENCH_DIR/$1.c" -nt "$program" ]; then
    command -v gcc >/dev/null 2>&1 || return 0
    mkdir -p "$BENCH_DIR/.build"
    gcc -O2 -o "$program" "$BENCH_DIR/$1.c"
  fi
  echo "$program"
}

# Sets READER to the C baseline reader (bench/reader.c); empty, and says so, without gcc.
ensure_reader() {
  READER=$(c_tool reader)
  [ -n "$READER" ] || say "bench: gcc is missing: no C baseline"
}

# Sets SESSIONS_GEN to bench/sessions (the sessions load generator in C: one thread and epoll);
# empty without gcc.
ensure_sessions() { SESSIONS_GEN=$(c_tool sessions); }

# Sets PROBE to bench/probe (the CPU-speed probe of bench/verdicts); empty without gcc.
ensure_probe() { PROBE=$(c_tool probe); }

# hold_sessions PORT SESSIONS MESSAGES: opens SESSIONS sessions of CMD_short:1 at once against the
# PMU on [::1]:PORT and checks each gets MESSAGES messages in order; prints SessionLoad hold's
# line of figures (ms=, all_open=, ...). The generator is bench/sessions (ensure_sessions first),
# or lab3-bench's SessionLoad (its own JVM: SerialGC, C1) where there is no gcc. A generator on
# the server's own cores takes CPU from it: the JVM one used about 2/3 of the 2 cores while 10,000
# sessions opened, and a run's time above the pauses was mostly its own (RESULTS.md, "Issue 26,
# sixth session").
hold_sessions() {
  if [ -n "${SESSIONS_GEN:-}" ]; then
    "$SESSIONS_GEN" ::1 "$1" "$2" "$3"
  else
    "$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$BENCH_JAR" lab3.bench.SessionLoad hold ::1 "$1" "$2" "$3"
  fi
}

# Runs a Lab3 server in the background: start_server NAME [java options --] command args...
# Sets SERVER_PID and SERVER_PORT (parsed from its "listening on ...:PORT" line).
start_server() {
  local name=$1 out="$BENCH_TMP/$1.out" opts=()
  shift
  while [ $# -gt 0 ] && [ "$1" != -- ] && [[ "$1" == -* ]]; do opts+=("$1"); shift; done
  [ "${1:-}" = -- ] && shift
  # The JIT options ./lab3 gives the command (see the launcher): serve-pmu runs on C1 alone.
  [ "${1:-}" = serve-pmu ] && opts+=(-XX:TieredStopAtLevel=1)
  "$JAVA" -XX:+UseSerialGC "${opts[@]}" -jar "$JAR" "$@" >"$out" 2>"$BENCH_TMP/$name.err" &
  SERVER_PID=$!
  BENCH_PIDS+=("$SERVER_PID")
  SERVER_PORT=""
  for _ in $(seq 1 600); do
    SERVER_PORT=$(grep -s -m 1 'listening on' "$out" | grep -o '[]0-9]:[0-9][0-9]*' | head -n 1 | grep -o '[0-9]*$' || true)
    [ -n "$SERVER_PORT" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  say "bench: $name did not start:"; cat "$BENCH_TMP/$name.err" >&2
  return 1
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  { wait "$SERVER_PID" || true; } 2>/dev/null
}

# Peak RSS of a running process, in MiB (the kernel's high-water mark).
peak_rss_mib() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
threads_of() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }

# Runs a command, recording its peak RSS in MiB in $BENCH_TMP/rss and its CPU seconds (user +
# system) in $BENCH_TMP/cpu: /usr/bin/time when present, else polling /proc/PID/status while it
# runs (no CPU figure then).
with_peak_rss() {
  echo "n/a" >"$BENCH_TMP/cpu"
  local status=0
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M %U %S' -o "$BENCH_TMP/rss.kib" "$@" || status=$?
    tail -n 1 "$BENCH_TMP/rss.kib" | awk '{printf "%.0f", $1 / 1024}' >"$BENCH_TMP/rss"
    tail -n 1 "$BENCH_TMP/rss.kib" | awk '{printf "%.2f", $2 + $3}' >"$BENCH_TMP/cpu"
  else
    "$@" &
    local pid=$! hwm=0
    while kill -0 "$pid" 2>/dev/null; do
      hwm=$(peak_rss_mib "$pid" 2>/dev/null || echo "$hwm")
      sleep 0.05
    done
    echo "$hwm" >"$BENCH_TMP/rss"
    wait "$pid" || status=$?
  fi
  return "$status"
}

# Arithmetic on decimals: calc 'expression' (awk syntax).
calc() { awk "BEGIN { printf \"%.0f\", $1 }"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0 && a + 0 > 0) printf "%.2f", a / b; else printf "n/a" }'; }
mib_per_s() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.0f", b / 1048576 / (ns / 1e9) }'; }
per_s() { awk -v n="$1" -v ns="$2" 'BEGIN { printf "%.0f", n / (ns / 1e9) }'; }
# A TCP port below the ephemeral range that nothing listens on (for tools that need a port number).
unused_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 10000))
    ss -Hltn "sport = :$port" 2>/dev/null | grep -q . || { echo "$port"; return 0; }
  done
  return 1
}

# Waits until something listens on TCP port $1 (at most 10 s).
wait_listening() {
  for _ in $(seq 1 100); do
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q . && return 0
    sleep 0.1
  done
  return 1
}
now_ns() { date +%s%N; }
load_average() { cut -d' ' -f1 /proc/loadavg; }

# Appends a row to the Runs table of bench/RESULTS.md and prints the figures:
# record BENCHMARK "figures" "ratio to baseline"
record() {
  local when load
  when=$(date -u '+%Y-%m-%d %H:%M')
  load=$(load_average)
  echo "$1 ($MODE): $2 | $3 | load $load"
  if ! grep -q '^## Runs' "$RESULTS" 2>/dev/null; then
    printf '\n## Runs\n\nAppended by the scripts; one row per benchmark run.\n\n' >>"$RESULTS"
    echo '| date (UTC) | benchmark | mode | cores | JDK | load avg | figures | vs baseline |' >>"$RESULTS"
    echo '| --- | --- | --- | --- | --- | --- | --- | --- |' >>"$RESULTS"
  fi
  echo "| $when | $1 | $MODE | $CORES | $JDK_VERSION | $load | $2 | $3 |" >>"$RESULTS"
}
