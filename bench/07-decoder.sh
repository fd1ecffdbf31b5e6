#!/usr/bin/env bash
# Benchmark 7, the decoder alone: JMH runs lab3-bench's DecoderBenchmark (PmuMessageDecoder over a
# 100,000-message CMD_short answer cut into reads of 24, 1448, 16384 and 65536 bytes).
# Baseline in the same run: `scan`, a loop that only touches the same bytes. Prints MB/s and the
# ratio per read size. --quick: one fork, short iterations.
. "$(dirname "$0")/lib.sh"
ensure_bench_jar
if [ "$QUICK" = 1 ]; then
  jmh=(-f 1 -wi 2 -w 1s -i 2 -r 1s)
else
  jmh=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
fi
"$JAVA" -jar "$BENCH_JAR" 'lab3.bench.DecoderBenchmark' "${jmh[@]}" -rf json -rff "$BENCH_TMP/jmh.json" \
  >"$BENCH_TMP/jmh.out" 2>&1 || { tail -n 30 "$BENCH_TMP/jmh.out" >&2; exit 1; }
figures=$(python3 - "$BENCH_TMP/jmh.json" <<'PY'
import json, sys
size = sum(17 + len(str(i)) for i in range(1, 100_001))  # bytes of one answer
runs = {}
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[1]
    runs.setdefault(r["params"]["readSize"], {})[name] = r["primaryMetric"]["score"] * size / 1e6
out = []
for read, by in sorted(runs.items(), key=lambda kv: int(kv[0])):
    scan = by.pop("scan")
    for name, mbs in sorted(by.items()):
        out.append(f"{name} reads of {read} B: {mbs:.0f} MB/s = {mbs / scan:.2f} of scan ({scan:.0f} MB/s)")
print("; ".join(out))
PY
)
record "7 decoder (JMH)" "$figures" "see figures: ratio to scan per read size"
