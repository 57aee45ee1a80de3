#!/usr/bin/env bash
# Checks schemas/kommun.schema.json independently of the Swift loader:
#   1. every shipped kommun file (municipalities/*.yaml, municipalities/examples/*.yaml) must pass;
#   2. every malformed fixture (Tests/PlatformTests/Fixtures/schema-invalid/*.yaml) must be rejected,
#      and for exactly the reason named in its `# expect-error:` comments.
# Usage: scripts/test-kommun-schema.sh        (from anywhere; exits non-zero on any failure)
set -u
shopt -s nullglob

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
CHECK="scripts/check-kommun-schema.py"

. scripts/lib/python-packages.sh
ensure_python_packages ruamel.yaml=ruamel.yaml jsonschema=jsonschema

status=0

valid=(municipalities/*.yaml municipalities/examples/*.yaml)
echo "== shipped kommun files must pass"
if [ ${#valid[@]} -eq 0 ]; then
    echo "no files in municipalities/ or municipalities/examples/"
    status=1
elif ! "$PYTHON" "$CHECK" "${valid[@]}"; then
    status=1
fi

invalid=(Tests/PlatformTests/Fixtures/schema-invalid/*.yaml)
echo
echo "== malformed fixtures must be rejected"
if [ ${#invalid[@]} -eq 0 ]; then
    echo "no fixtures in Tests/PlatformTests/Fixtures/schema-invalid/"
    status=1
elif ! "$PYTHON" "$CHECK" --expect-invalid "${invalid[@]}"; then
    status=1
fi

echo
if [ "$status" -eq 0 ]; then
    echo "kommun schema: OK"
else
    echo "kommun schema: FAILED"
fi
exit "$status"
