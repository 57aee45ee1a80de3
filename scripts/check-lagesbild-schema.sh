#!/usr/bin/env bash
# Checks schemas/lagesbild.schema.json, the JSON contract for external exporters, against what the
# platform really writes, with an independent validator (Python jsonschema):
#   1. compiles lägesbilder with the built platform-cli into a temporary folder: Lysekil week 2026-W47
#      from simulated reports, in Swedish and in English, and Tranemo month 2026-11 with no store at all
#      (the empty case) and with one reporter's "inget att rapportera"; every produced JSON file must pass;
#   2. the CLI goldens (Tests/CLITests/Golden/lagesbild-*.json), with their masked ingest time put back
#      as a timestamp, must pass too;
#   3. tampered copies (a required key removed, an unknown key added, status "purple") must be rejected,
#      each for its own reason.
# Needs .build/debug/platform-cli (swift build); does not build.
# Usage: scripts/check-lagesbild-schema.sh        (from anywhere; exits non-zero on any failure)
set -u
shopt -s nullglob

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
CHECK="scripts/check-json-schema.py"
SCHEMA="schemas/lagesbild.schema.json"
CLI=".build/debug/platform-cli"

if [ ! -x "$CLI" ]; then
    echo "error: $CLI is missing; build first: swift build" >&2
    exit 2
fi

. scripts/lib/python-packages.sh
ensure_python_packages jsonschema=jsonschema

TMP="$(mktemp -d "${TMPDIR:-/tmp}/lagesbild-schema.XXXXXX")" || exit 2
trap 'rm -rf "$TMP"' EXIT

status=0

# Runs a command; on failure prints its output and marks the check failed.
run() {
    if ! "$@" >"$TMP/cmd.log" 2>&1; then
        echo "FAILED: $*"
        sed 's/^/    /' "$TMP/cmd.log"
        status=1
        return 1
    fi
}

echo "== compiling lägesbilder with $CLI"
if run "$CLI" simulate lysekil --from 2026-01-01 --to 2026-11-22 --seed 5 --out "$TMP/r.csv" \
    && run "$CLI" ingest lysekil "$TMP/r.csv" --store "$TMP/s.sqlite"; then
    for lang in sv en; do
        run "$CLI" lagesbild lysekil --period 2026-W47 --format json --out "$TMP/out-$lang" \
            --store "$TMP/s.sqlite" --lang "$lang"
    done
fi
# No store: the command warns on standard error and compiles an empty lägesbild.
run "$CLI" lagesbild tranemo --period 2026-11 --format json --out "$TMP/out-empty" --store "$TMP/no-store.sqlite"
# A reporter that recorded "inget att rapportera" and stored no row: reported, with 0 rows.
run "$CLI" report nothing tranemo polisen --period 2026-11 --store "$TMP/nothing.sqlite" \
    && run "$CLI" lagesbild tranemo --period 2026-11 --format json --out "$TMP/out-nothing" --store "$TMP/nothing.sqlite"
# One district of the test city: the lägesbild says which area it is for.
run "$CLI" lagesbild stad --area norr --period 2026-W47 --format json --out "$TMP/out-area" \
    --municipalities Tests/PlatformTests/Fixtures/districts --store "$TMP/no-store.sqlite"

produced=("$TMP"/out-*/*.json)
echo "produced ${#produced[@]} JSON files"
if [ ${#produced[@]} -ne 5 ]; then
    echo "FAILED: expected 5 JSON files (lysekil sv, lysekil en, tranemo empty, tranemo nothing to report, stad norr)"
    status=1
fi

echo
echo "== produced lägesbilder must pass"
if [ ${#produced[@]} -eq 0 ] || ! "$PYTHON" "$CHECK" "$SCHEMA" "${produced[@]}"; then
    status=1
fi

goldens=(Tests/CLITests/Golden/lagesbild-*.json)
echo
echo "== CLI goldens (ingest time unmasked) must pass"
if [ ${#goldens[@]} -eq 0 ]; then
    echo "no goldens in Tests/CLITests/Golden/"
    status=1
else
    mkdir -p "$TMP/goldens"
    "$PYTHON" - "$TMP/goldens" "${goldens[@]}" <<'EOF' || status=1
import json, os, sys
out = sys.argv[1]
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    text = text.replace('"(ingest time)"', '"2026-11-24T03:50:23Z"')
    with open(os.path.join(out, os.path.basename(path)), "w", encoding="utf-8") as handle:
        handle.write(text)
EOF
    if ! "$PYTHON" "$CHECK" "$SCHEMA" "$TMP"/goldens/*.json; then
        status=1
    fi
fi

echo
echo "== tampered copies must be rejected, each for its own reason"
source_file="$TMP/out-sv/lysekil-2026-W47.json"
if [ ! -f "$source_file" ]; then
    echo "FAILED: no $source_file to tamper with"
    status=1
else
    mkdir -p "$TMP/tampered"
    if ! "$PYTHON" - "$source_file" "$TMP/tampered" <<'EOF'; then
import json, os, sys
source, out = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8") as handle:
    original = json.load(handle)

def write(name, change):
    document = json.loads(json.dumps(original))
    change(document)
    with open(os.path.join(out, name), "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=2, sort_keys=True)

def remove_required(document):
    del document["completeness"]

def add_unknown(document):
    document["cells"][0]["comment"] = "not in the contract"

def purple(document):
    document["cells"][0]["status"] = "purple"

write("missing-required.json", remove_required)
write("unknown-key.json", add_unknown)
write("status-purple.json", purple)
EOF
        echo "FAILED: could not write the tampered copies"
        status=1
    else
        "$PYTHON" "$CHECK" --expect-invalid --expect-error 'missing required key "completeness"' \
            "$SCHEMA" "$TMP/tampered/missing-required.json" || status=1
        "$PYTHON" "$CHECK" --expect-invalid --expect-error '/cells/0/comment: unknown key "comment"' \
            "$SCHEMA" "$TMP/tampered/unknown-key.json" || status=1
        "$PYTHON" "$CHECK" --expect-invalid --expect-error '/cells/0/status: "purple" is not one of' \
            "$SCHEMA" "$TMP/tampered/status-purple.json" || status=1
    fi
fi

echo
if [ "$status" -eq 0 ]; then
    echo "lagesbild schema: OK"
else
    echo "lagesbild schema: FAILED"
fi
exit "$status"
