#!/usr/bin/env bash
# Benchmark 8, grading a class: builds a Moodle download of BENCH_HANDINS hand-ins (200; --quick:
# 6), mixed Java (`submit`'s own) and Python, correct, partly wrong (Part 2 splits single digits),
# hanging (Part 2 never exits) and empty, and grades it with `grade-class` and its default --jobs.
# The serial time beside it is an estimate: one hand-in of each kind graded alone with `grade`
# (the serial way: one hand-in after another; `grade` itself runs 4 checks at once), timed, times
# the number of hand-ins of that kind. Those single runs' scores
# must equal the class run's for the same hand-ins, or the benchmark fails.
# Target (issue 14): 200 hand-ins in under 15 minutes on 2 cores.
. "$(dirname "$0")/lib.sh"
n=${BENCH_HANDINS:-$([ "$QUICK" = 1 ] && echo 6 || echo 200)}
timeout=${BENCH_TIMEOUT:-20}
ensure_jar
res="$ROOT/lab3-tests/src/test/resources/submissions"
# A python3 with websocket-client (Part 5 of the Python hand-ins), else any python3.
python=""
for p in /usr/bin/python3 "$(command -v python3 || true)"; do
  if [ -x "$p" ] && "$p" -c 'import websocket' 2>/dev/null; then python=$p; break; fi
done
[ -n "$python" ] || python=$(command -v python3 || true)
[ -n "$python" ] || { say "bench 8: needs python3"; exit 1; }
dl="$BENCH_TMP/download"
mkdir -p "$dl"
"$JAVA" -jar "$JAR" submit --camipro 100000 200000 --out "$BENCH_TMP/template" >/dev/null

kinds=(java java java java python python python wrong hanging empty)
declare -A count sample
for i in $(seq 1 "$n"); do
  kind=${kinds[$(((i - 1) % ${#kinds[@]}))]}
  a=$((300000 + i)) b=$((600000 + i))
  folder="$dl/Student${i} Name_$((1000 + i))_assignsubmission_file"
  h="$folder/Lab3_${a}_${b}"
  mkdir -p "$h"
  case "$kind" in
    java)
      # submit's own hand-in: the six Part*_A_B.java sources (class names carry the numbers),
      # lib/, the Part 6 key and certificate, README.txt.
      cp -r "$BENCH_TMP/template/Lab3_100000_200000/." "$h/"
      for f in "$h"/*100000_200000*; do
        name=$(basename "$f" | sed "s/100000_200000/${a}_${b}/")
        sed "s/100000/${a}/g; s/200000/${b}/g" "$f" >"$h/$name"
        rm "$f"
      done
      ;;
    python | wrong | hanging)
      for p in Part2 Part3 Part4_Receiver Part4_Sender Part5 Part6_PMU; do
        cp "$res/python/$p.py" "$h/${p}_${a}_${b}.py"
      done
      [ "$kind" = wrong ] && cp "$res/broken/Part2_single_digit.py" "$h/Part2_${a}_${b}.py"
      [ "$kind" = hanging ] && cp "$res/broken/Part2_hangs.py" "$h/Part2_${a}_${b}.py"
      echo "# hand-in $i" >>"$h/Part3_${a}_${b}.py"
      ;;
    empty) ;;
  esac
  count[$kind]=$((${count[$kind]:-0} + 1))
  [ -n "${sample[$kind]:-}" ] || sample[$kind]="$h"
done
say "bench 8: $n hand-ins: $(for k in "${!count[@]}"; do printf '%s %s, ' "$k" "${count[$k]}"; done)"

load_before=$(load_average)
start=$(now_ns)
status=0
"$JAVA" -jar "$JAR" grade-class "$dl" --out "$BENCH_TMP/out" --timeout "$timeout" --python "$python" \
  >"$BENCH_TMP/summary.txt" 2>"$BENCH_TMP/progress.txt" || status=$?
class_ns=$(($(now_ns) - start))
load_after=$(load_average)
jobs=$(sed -n 's/.*grading \([0-9]*\) at a time.*/\1/p' "$BENCH_TMP/progress.txt")
not_graded=$(grep -c ',not graded,' "$BENCH_TMP/out/grades.csv" || true)
cat "$BENCH_TMP/summary.txt" >&2

# Serial estimate: one of each kind alone with `grade`, and its score must match the class run's.
serial_ns=0
for kind in "${!sample[@]}"; do
  h=${sample[$kind]}
  t0=$(now_ns)
  "$JAVA" -jar "$JAR" grade "$h" --timeout "$timeout" --python "$python" >"$BENCH_TMP/alone.txt" 2>/dev/null || true
  dt=$(($(now_ns) - t0))
  serial_ns=$((serial_ns + dt * ${count[$kind]}))
  alone=$(sed -n 's/^total *\([0-9]*\)\/.*/\1/p' "$BENCH_TMP/alone.txt")
  folder=$(basename "$(dirname "$h")")
  class=$(awk -F, -v f="$folder" '$1 == f {print $14}' "$BENCH_TMP/out/grades.csv")
  # An empty hand-in: grade gives 0 by missing parts; grade-class lists it as "no hand-in".
  if [ "$kind" = empty ] && grep -q "^$folder,.*,no hand-in," "$BENCH_TMP/out/grades.csv"; then
    class=$alone
  fi
  say "bench 8: $kind alone: $((dt / 1000000)) ms, $alone checks passed; in the class run: ${class:-not graded}"
  if [ "$alone" != "$class" ]; then
    say "bench 8: $kind: the class run's score (${class:-none}) differs from grade alone ($alone)"
    status=1
  fi
done
class_s=$(calc "$class_ns / 1e9")
serial_s=$(calc "$serial_ns / 1e9")
record "8 grade-class, $n hand-ins" \
  "${class_s} s with --jobs ${jobs} (default), $not_graded not graded; serial estimate ${serial_s} s (one of each kind alone x count); load ${load_before} -> ${load_after}" \
  "$(ratio "$serial_s" "$class_s")x faster than serial; target 900 s for 200"
exit "$status"
