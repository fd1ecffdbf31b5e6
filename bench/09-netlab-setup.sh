#!/usr/bin/env bash
# Benchmark 9, the cost of a lab network per hand-in (grade --network netlab, grade-class on lab
# networks): in one JVM, the probe, the first lab network's set-up and tear-down, and the mean of
# BENCH_NETWORKS more (20; --quick: 5), no impairments (bench/NetlabSetup.java); then the whole
# cost as grade sees it: an empty hand-in graded BENCH_RUNS times (5; --quick: 3) with
# --network sandbox and with --network netlab, alternately, wall time and CPU (user + sys of grade
# and everything it started). Needs root, ip and ethtool (skips, saying why, elsewhere).
. "$(dirname "$0")/lib.sh"
networks=${BENCH_NETWORKS:-$([ "$QUICK" = 1 ] && echo 5 || echo 20)}
runs=${BENCH_RUNS:-$([ "$QUICK" = 1 ] && echo 3 || echo 5)}
ensure_jar
load_before=$(load_average)
if ! line=$("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$JAR" "$BENCH_DIR/NetlabSetup.java" "$networks" 2>"$BENCH_TMP/err"); then
  say "bench 9: skipped: no lab network here: $(tail -n 1 "$BENCH_TMP/err")"
  exit 0
fi
say "bench 9: $line"
val() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$line"; }
if [ ! -x /usr/bin/time ]; then
  record "9 lab network per hand-in" \
    "one network (no impairments): up $(val up) ms, down $(val down) ms (mean of $networks; the JVM's first: probe $(val probe) ms, up $(val first_up) ms, down $(val first_down) ms); no /usr/bin/time: grade not compared; load ${load_before}" \
    "n/a"
  exit 0
fi
hand_in="$BENCH_TMP/empty/Lab3_100001_200001"
mkdir -p "$hand_in"
declare -A wall cpu
for i in $(seq 1 "$runs"); do
  for mode in sandbox netlab; do
    /usr/bin/time -f '%e %U %S' -o "$BENCH_TMP/time" "$JAVA" -jar "$JAR" grade --network "$mode" "$hand_in" \
      >/dev/null 2>"$BENCH_TMP/grade.err" || true
    grep -q "^on a lab network\|network namespace of its own" "$BENCH_TMP/grade.err" || {
      say "bench 9: grade --network $mode did not run where asked:"; cat "$BENCH_TMP/grade.err" >&2; exit 1; }
    read -r e u s < <(tail -n 1 "$BENCH_TMP/time")
    wall[$mode]=$(awk -v a="${wall[$mode]:-0}" -v b="$e" 'BEGIN { print a + b }')
    cpu[$mode]=$(awk -v a="${cpu[$mode]:-0}" -v b="$u" -v c="$s" 'BEGIN { print a + b + c }')
  done
done
mean() { awk -v a="$1" -v n="$runs" 'BEGIN { printf "%.2f", a / n }'; }
extra_wall=$(awk -v a="${wall[netlab]}" -v b="${wall[sandbox]}" -v n="$runs" 'BEGIN { printf "%.2f", (a - b) / n }')
extra_cpu=$(awk -v a="${cpu[netlab]}" -v b="${cpu[sandbox]}" -v n="$runs" 'BEGIN { printf "%.2f", (a - b) / n }')
record "9 lab network per hand-in" \
  "one network (no impairments): up $(val up) ms, down $(val down) ms (mean of $networks; the JVM's first: probe $(val probe) ms, up $(val first_up) ms, down $(val first_down) ms); grade of an empty hand-in: sandbox $(mean "${wall[sandbox]}") s wall $(mean "${cpu[sandbox]}") s CPU, netlab $(mean "${wall[netlab]}") s wall $(mean "${cpu[netlab]}") s CPU (mean of $runs); load ${load_before}" \
  "netlab adds ${extra_wall} s wall, ${extra_cpu} s CPU per hand-in"
