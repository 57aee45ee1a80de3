#!/usr/bin/env bash
# Configuration loading benchmark (issue 15, item 1): reading 290 kommun files into the typed configuration,
# against the libyaml event floor, a C program (Benchmarks/yaml-events.c) that only reads each file and pulls
# its libyaml events. Target (issue): YAML → typed configuration within 1.5× the floor, in time and in
# instructions, by a faster loader, a compiled configuration cache, or both; `validate` always reads the YAML.
# Both ways are measured:
#   validate  `platform-cli validate DIR`: every file parsed and decoded from its YAML, every check run;
#   cached    `platform-cli kommuner --municipalities DIR` with a warm compiled configuration cache (a
#             PLATFORM_CACHE of its own, filled before timing): how every other command reads the kommun files
#             while they are unchanged (a file's bytes hashed, its entry read back), plus listing them.
#
# The 290 files are made in a temporary folder: copies of municipalities/lysekil.yaml and tranemo.yaml
# (lysekil-001..145, tranemo-001..145) with kommun.id and name changed (copy_kommun, Benchmarks/kommuner.sh).
# The programs get the same 290 files and run once as a warm-up; then, interleaved round by round so that
# the machine's load falls on all alike, bash's `time` measures each whole process's wall and CPU time
# (user + sys). Instructions come from valgrind's callgrind (every instruction the process executes, its
# start-up included; platform-cli with its debugging information stripped, which valgrind 3.19 cannot read),
# one run each: `perf stat` counts no instructions on this machine (a virtual machine without a performance
# monitoring unit), and the count hardly varies from run to run. (Under valgrind the cache's key names
# another executable, so `cached` is counted on its second run there.)
#
# Usage: Benchmarks/config.sh            (from anywhere; it works from the repository root)
# Environment:
#   BENCH_BIN=path        use this platform-cli binary instead of building one
#   BENCH_COMPARE=path    also measure this platform-cli's validate (an earlier build, say) in the same rounds
#                         ("validate_compare")
#   BENCH_RUNS=n          timed rounds (each runs every program once); the summary shows medians (default 11)
#   BENCH_KOMMUNER=n      kommun files (even; default 290)
#   BENCH_INSTRUCTIONS=0  skip the callgrind counts (they take a minute or two)
#   BENCH_KEEP=1          keep the temporary directory
set -euo pipefail

# A relative BENCH_BIN is taken from where the script was started, before it moves to the repository root.
if [[ -n "${BENCH_BIN:-}" && $BENCH_BIN != /* ]]; then BENCH_BIN="$PWD/$BENCH_BIN"; fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

RUNS=${BENCH_RUNS:-11}
COUNT=${BENCH_KOMMUNER:-290}

. "$ROOT/Benchmarks/common.sh" config-bench
. "$ROOT/Benchmarks/ten-kommuner.sh"

log "platform-cli: $BIN"
log "temporary data: $WORK"

# --- the floor and the files -----------------------------------------------------------------------------
FLOOR="$WORK/yaml-events"
# shellcheck disable=SC2046 # pkg-config's flags are words
cc -O2 -o "$FLOOR" Benchmarks/yaml-events.c $(pkg-config --cflags --libs yaml-0.1)

MUNI="$WORK/municipalities"
mkdir -p "$MUNI"
for i in $(seq -f %03g 1 $((COUNT / 2))); do
    copy_kommun lysekil "$i" "$MUNI"
    copy_kommun tranemo "$i" "$MUNI"
done
FILES=("$MUNI"/*.yaml)
BYTES=$(cat "${FILES[@]}" | wc -c)

CACHE="$WORK/config-cache"
run_validate() { "$BIN" validate "$MUNI" > "$WORK/validate.out"; }
run_cached() { PLATFORM_CACHE="$CACHE" "$BIN" kommuner --municipalities "$MUNI" > "$WORK/cached.out"; }
run_floor() { "$FLOOR" "${FILES[@]}" > "$WORK/floor.out"; }
NAMES=(validate cached floor)
if [[ -n ${BENCH_COMPARE:-} ]]; then
    [[ -x $BENCH_COMPARE ]] || { log "BENCH_COMPARE=$BENCH_COMPARE is not an executable"; exit 1; }
    run_validate_compare() { "$BENCH_COMPARE" validate "$MUNI" > "$WORK/validate_compare.out"; }
    run_validate_compare || { cat "$WORK/validate_compare.out" >&2; exit 1; }
    NAMES+=(validate_compare)
fi

# Both must succeed on every file before anything is timed.
run_validate || { cat "$WORK/validate.out" >&2; exit 1; }
grep -q "^${#FILES[@]} files checked: ${#FILES[@]} valid, 0 with errors" "$WORK/validate.out" ||
    { log "platform-cli validate did not find ${#FILES[@]} valid files:"; tail -1 "$WORK/validate.out" >&2; exit 1; }
# The cached run must list every kommun from a cache that holds every file's entry.
run_cached
listed=$(tail -n +2 "$WORK/cached.out" | wc -l)
entries=$(find "$CACHE" -type f | wc -l)
[[ $listed == "${#FILES[@]}" && $entries == "${#FILES[@]}" ]] ||
    { log "platform-cli kommuner listed $listed kommuner from $entries cache entries, not ${#FILES[@]}"; exit 1; }
run_floor
EVENTS=$(awk '{ print $3 }' "$WORK/floor.out")

# --- timing ------------------------------------------------------------------------------------------------
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "n/a" && b > 0) printf "%.2f", a / b; else print "n/a" }'; }

time_rounds
# ratios NAME: NAME's wall and CPU time over the floor's, round by round ($WORK/NAME.ratio.wall, .ratio.cpu).
ratios() {
    paste "$WORK/$1.ms" "$WORK/floor.ms" | awk '{ printf "%.3f\n", $1 / $2 }' > "$WORK/$1.ratio.wall"
    paste "$WORK/$1.cpu" "$WORK/floor.cpu" | awk '{ printf "%.3f\n", $1 / $2 }' > "$WORK/$1.ratio.cpu"
}
for name in "${NAMES[@]}"; do [[ $name == floor ]] || ratios "$name"; done

# --- instructions --------------------------------------------------------------------------------------------
# instructions NAME PROGRAM ARGS...: what callgrind counts for one run of PROGRAM ("Collected : N" in its summary).
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.$1" "$2" "${@:3}" > /dev/null 2> "$WORK/callgrind.$1.log"
    awk '/Collected :/ { print $NF }' "$WORK/callgrind.$1.log"
}
if [[ ${BENCH_INSTRUCTIONS:-1} != 0 ]] && command -v valgrind >/dev/null; then
    log "counting instructions with callgrind"
    # The same program without its debugging information, which this valgrind (3.19) cannot read (DWARF 5).
    objcopy --strip-debug "$BIN" "$WORK/platform-cli"
    I_VALIDATE=$(instructions validate "$WORK/platform-cli" validate "$MUNI")
    # The first run under valgrind fills the cache for the key valgrind's executable gives; the second reads it.
    PLATFORM_CACHE="$CACHE" instructions cached_warmup "$WORK/platform-cli" kommuner --municipalities "$MUNI" > /dev/null
    I_CACHED=$(PLATFORM_CACHE="$CACHE" instructions cached "$WORK/platform-cli" kommuner --municipalities "$MUNI")
    I_FLOOR=$(instructions floor "$FLOOR" "${FILES[@]}")
    I_START=$(instructions start "$WORK/platform-cli" --help)
    I_VALIDATE_COMPARE=n/a
    if [[ -n ${BENCH_COMPARE:-} ]]; then
        objcopy --strip-debug "$BENCH_COMPARE" "$WORK/platform-cli-compare"
        I_VALIDATE_COMPARE=$(instructions validate_compare "$WORK/platform-cli-compare" validate "$MUNI")
    fi
else
    I_VALIDATE=n/a I_CACHED=n/a I_FLOOR=n/a I_START=n/a I_VALIDATE_COMPARE=n/a
fi
millions() { awk -v n="$1" 'BEGIN { if (n == "n/a") print n; else printf "%.1f", n / 1e6 }'; }

printf '\n## Configuration loading: kommun files into the typed configuration vs the libyaml event floor (whole process)\n\n'
printf 'Files: %d kommun files (%d KB, %s libyaml events)\n\n' "${#FILES[@]}" $((BYTES / 1024)) "$EVENTS"
printf '| measurement | wall ms (median of %d) | wall ranged | CPU ms (user+sys) | instructions (M, callgrind) | instructions per file (M) |\n' "$RUNS"
printf '|---|---:|---:|---:|---:|---:|\n'
for name in "${NAMES[@]}"; do
    var="I_${name^^}"
    printf '| %s | %s | %s–%s | %s | %s | %s |\n' "$name" "$(median "$WORK/$name.ms")" \
        "$(sort -n "$WORK/$name.ms" | head -1)" "$(sort -n "$WORK/$name.ms" | tail -1)" "$(median "$WORK/$name.cpu")" \
        "$(millions "${!var}")" "$(awk -v n="${!var}" -v f="${#FILES[@]}" 'BEGIN { if (n == "n/a") print n; else printf "%.2f", n / f / 1e6 }')"
done
printf '\n(validate = `platform-cli validate DIR`, the YAML always read; cached = `platform-cli kommuner --municipalities DIR` with a warm compiled configuration cache; floor = Benchmarks/yaml-events.c, cc -O2, libyaml %s; `platform-cli --help`, the process start, is %s M instructions)\n\n' \
    "$(pkg-config --modversion yaml-0.1)" "$(millions "$I_START")"
two() { awk '{ printf "%.2f", $1 }'; }
for name in "${NAMES[@]}"; do
    [[ $name != floor ]] || continue
    var="I_${name^^}"
    printf '%s / floor: %s wall, %s CPU (medians of the per-round ratios; wall ranged %s–%s, CPU %s–%s), %s instructions. Target: 1.5.\n' \
        "$name" \
        "$(median "$WORK/$name.ratio.wall" | two)" "$(median "$WORK/$name.ratio.cpu" | two)" \
        "$(sort -n "$WORK/$name.ratio.wall" | head -1 | two)" "$(sort -n "$WORK/$name.ratio.wall" | tail -1 | two)" \
        "$(sort -n "$WORK/$name.ratio.cpu" | head -1 | two)" "$(sort -n "$WORK/$name.ratio.cpu" | tail -1 | two)" \
        "$(ratio "${!var}" "$I_FLOOR")"
done
[[ -z ${BENCH_COMPARE:-} ]] || printf '(validate_compare = %s validate DIR)\n' "$BENCH_COMPARE"
printf '\nMachine: %s cores (nproc), %s; %s\n' "$(nproc)" "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" "$(uname -sr)"
printf 'Swift: %s\n' "$(swift --version 2>/dev/null | head -1 || echo unknown)"
printf 'Date: %s; load average before timing: %s, after: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$LOAD_START" "$LOAD_END"
printf 'Binary: %s (%s)\n' "$BIN" "$(ldd "$BIN" 2>/dev/null | grep -q libswiftCore && echo 'Swift runtime as shared libraries: swift build -c release' || echo 'Swift runtime linked in: swift build -c release --static-swift-stdlib')"
printf 'Commit: %s%s\n' "$COMMIT" "${BENCH_BIN:+ (but BENCH_BIN=$BENCH_BIN was measured)}"
printf 'Reproduce: Benchmarks/config.sh\n'
