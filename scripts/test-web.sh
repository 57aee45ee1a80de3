#!/usr/bin/env bash
# The web application with real clients. Builds nothing: it uses .build/debug/platform-cli (run
# `swift build` first) or $PLATFORM_CLI.
#   1. schemas/openapi.yaml is a valid OpenAPI 3.1 document (openapi-spec-validator, its $refs resolved;
#      a deliberately broken copy first proves the check can fail);
#   2. Tests/Web with pytest, against a `platform-cli serve` the tests start on a temporary store (a SQLite
#      file, and a new PostgreSQL database too when PLATFORM_TEST_POSTGRES is set: every test on each):
#      a reporter and a reader in headless Chromium on a phone-sized screen (Selenium), every page through
#      axe-core (WCAG 2.1 AA), tenant isolation over every route, the API against `platform-cli ingest`,
#      and the API against the OpenAPI document with schemathesis; and two servers of their own on one
#      store while `platform-cli ingest` writes to it (test_two_servers.py: on SQLite, and on PostgreSQL too
#      when PLATFORM_TEST_POSTGRES is set).
# Installs what is missing with scripts/setup-web.sh. Arguments go to pytest (e.g. -k isolation).
# Environment: PLATFORM_CLI (the binary), WEB_TESTS_KEEP=1 (keep the temporary store and server log),
# SCHEMATHESIS_MAX_EXAMPLES (default 40 per operation), WEB_TESTS_STORE and TWO_SERVERS_STORE (the stores of the
# session server's tests and of test_two_servers.py: sqlite, postgres or both; by default sqlite, and postgres
# too when PLATFORM_TEST_POSTGRES is set).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"

cli="${PLATFORM_CLI:-.build/debug/platform-cli}"
if [ ! -x "$cli" ]; then
    echo "test-web: $cli is missing; build it first with 'swift build'" >&2
    exit 2
fi
case $cli in /*) ;; *) cli="$PWD/$cli" ;; esac
export PLATFORM_CLI="$cli"

scripts/setup-web.sh

# --- 1. The OpenAPI document -------------------------------------------------------------------------
"$PYTHON" - schemas/openapi.yaml <<'EOF'
import sys
import tempfile
from pathlib import Path

from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename


def problems(path):
    try:
        spec, url = read_from_filename(str(path))
        validate(spec, base_uri=url)
        return None
    except Exception as error:  # the validator's and the $ref resolver's errors alike
        return f"{type(error).__name__}: {str(error).splitlines()[0][:300]}"


spec = Path(sys.argv[1])
text = spec.read_text(encoding="utf-8")
# Broken copies beside it (so that their relative $refs still resolve), each must be rejected.
breaks = {
    "a parameter in 'body' (OpenAPI 2's, not 3's)": ("      in: path\n", "      in: body\n"),
    "a $ref to a schema that does not exist": ('"#/components/schemas/ImportSummary"', '"#/components/schemas/ImportSumary"'),
}
for what, (old, new) in breaks.items():
    assert old in text, f"could not make a copy with {what}"
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", dir=spec.parent, encoding="utf-8", delete=False) as broken:
        broken.write(text.replace(old, new, 1))
    try:
        if problems(broken.name) is None:
            sys.exit(f"FAIL  openapi-spec-validator accepted a copy with {what}")
        print(f"ok    openapi-spec-validator rejects a copy with {what}")
    finally:
        Path(broken.name).unlink()
found = problems(spec)
if found:
    sys.exit(f"FAIL  {spec}: {found}")
print(f"ok    {spec}: valid OpenAPI 3.1, every $ref resolved")
EOF

# --- 2. The tests against the running server ------------------------------------------------------
exec "$PYTHON" -m pytest -c Tests/Web/pytest.ini Tests/Web "$@"
