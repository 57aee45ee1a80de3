#!/usr/bin/env bash
# Resource-limit benchmark (issue 12, item 11): what hostile report files cost `platform-cli ingest --dry-run`.
#
# Generates, in a temporary folder (nothing large is committed):
#   - a CSV header of 10 million columns (~89 MB on one line)
#   - a 1 GB CSV file that is one line
#   - a JSON array of ~115 MB of report objects, and the same rows as CSV
# and prints, for each, the exit status, wall seconds, peak RSS (MB, from /usr/bin/time -f "%e %M") and the
# size of the error output, which the limits in docs/reports.md ("Limits") keep small.
#
# Usage: Benchmarks/limits.sh            (from anywhere; it works from the repository root)
# Environment:
#   BENCH_BIN=path        use this platform-cli binary instead of building one (a debug build is fine here:
#                         the figures are about memory and output size, not speed)
#   BENCH_KEEP=1          keep the temporary directory
set -euo pipefail

if [[ -n "${BENCH_BIN:-}" && $BENCH_BIN != /* ]]; then BENCH_BIN="$PWD/$BENCH_BIN"; fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
# shellcheck source=Benchmarks/common.sh
source Benchmarks/common.sh limits

log "generating inputs in $WORK"
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
with open(f"{work}/wide.csv", "w") as f:
    f.write(",".join(f"c{i}" for i in range(10_000_000)) + "\n")
with open(f"{work}/oneline.csv", "wb") as f:
    chunk = b"x" * (1 << 20)
    for _ in range(1024):
        f.write(chunk)
row = {"date": "2026-11-02", "reporter": "polismyndigheten", "area": "norrkila", "indicator": "klotter", "value": 1,
       "place": "Torget vid kiosken", "note": "Nytt klotter på väggen mot parkeringen"}
rows = 570_000
with open(f"{work}/big.json", "w") as f:
    f.write("[\n")
    for i in range(rows):
        f.write(json.dumps(dict(row, id=f"r{i}"), ensure_ascii=False) + (",\n" if i < rows - 1 else "\n"))
    f.write("]\n")
with open(f"{work}/big.csv", "w") as f:
    f.write("date,reporter,area,indicator,value,place,note,id\n")
    for i in range(rows):
        f.write(f"2026-11-02,polismyndigheten,norrkila,klotter,1,Torget vid kiosken,Nytt klotter på väggen mot parkeringen,r{i}\n")
PY

printf '%-14s %10s %6s %8s %10s %12s\n' file size-MB exit seconds peak-MB stderr-bytes
for name in wide.csv oneline.csv big.json big.csv; do
    set +e
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$BIN" ingest lysekil "$WORK/$name" --store "$WORK/s.sqlite" --dry-run \
        >/dev/null 2>"$WORK/stderr"
    status=$?
    set -e
    read -r seconds kilobytes < <(tail -n 1 "$WORK/time")
    printf '%-14s %10d %6d %8s %10d %12d\n' "$name" $(( $(stat -c %s "$WORK/$name") / 1000000 )) "$status" "$seconds" \
        $(( kilobytes / 1024 )) "$(stat -c %s "$WORK/stderr")"
done
log "commit: $COMMIT"
