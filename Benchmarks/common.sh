# Sourced by the benchmark scripts after they set ROOT and cd into it. Provides `log`, makes sure GNU time
# and the sqlite3 tool are there, and sets COMMIT (what is measured), BIN (the platform-cli measured:
# $BENCH_BIN, or a static release build in .build-bench) and WORK (a temporary folder removed at exit unless
# BENCH_KEEP=1). $1 names the temporary folder.

log() { printf '%s\n' "$*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
    log "installing GNU time (Debian package 'time')"
    if ! apt-get install -y -qq time >/dev/null 2>&1; then
        apt-get update -qq >/dev/null
        apt-get install -y -qq time >/dev/null
    fi
fi
command -v sqlite3 >/dev/null || { log "sqlite3 CLI is missing (apt-get install sqlite3)"; exit 1; }

# What is measured: the commit, and whether Sources differ from it, when the binary is built.
# (Untracked files count too: SwiftPM compiles every file under Sources.)
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$([[ -z $(git status --porcelain -- Sources Package.swift 2>/dev/null) ]] || echo ' with uncommitted or untracked changes in Sources')"

if [[ -n "${BENCH_BIN:-}" ]]; then
    BIN=$BENCH_BIN
    [[ -x $BIN ]] || { log "BENCH_BIN=$BIN is not an executable"; exit 1; }
else
    # The binary an installation runs (README): release, with the Swift runtime linked in, which also
    # starts in a third of the time of one that loads Foundation and the runtime as shared libraries.
    log "building platform-cli (release, --static-swift-stdlib, --scratch-path .build-bench)"
    swift build -c release --static-swift-stdlib --scratch-path .build-bench --product platform-cli >&2
    BIN="$ROOT/.build-bench/release/platform-cli"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
cleanup() {
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
