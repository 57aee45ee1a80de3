#!/usr/bin/env bash
# Installs what the web tests (scripts/test-web.sh) and the server benchmark (Benchmarks/serve.sh) need,
# when it is missing; quiet and quick when everything is there:
#   - Debian: chromium and chromium-driver (a real browser driven by Selenium, given the driver explicitly:
#     Selenium Manager cannot download one here), wrk (load on loopback);
#   - PyPI, at pinned versions: selenium, schemathesis (OpenAPI property tests against the running
#     server), pytest, requests, openapi-spec-validator;
#   - the axe-core accessibility engine (one script, axe.min.js, axe-core 4.12.1), taken from the wheel of
#     axe-playwright-python 0.1.8 (`pip download --no-deps`; Playwright itself is not needed) into
#     .build/web-tools/axe.min.js, which is not committed.
# Usage: scripts/setup-web.sh      (from anywhere; safe to run again)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"

SELENIUM_VERSION=4.51.0
SCHEMATHESIS_VERSION=4.32.5
AXE_WHEEL=axe-playwright-python==0.1.8
AXE_VERSION=4.12.1
TOOLS=.build/web-tools

# --- Debian packages ---------------------------------------------------------------------------------
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
    echo "setup-web: installing ${need[*]}"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${need[@]}" >/dev/null
fi

# --- Python packages, pinned -------------------------------------------------------------------------
# pip_install ARGS...: a normal, a --user and a --break-system-packages install, so it works in a
# virtualenv, as a user and on Debian's externally managed Python (as scripts/lib/python-packages.sh).
pip_install() {
    local quiet=(--quiet --disable-pip-version-check)
    "$PYTHON" -m pip install "${quiet[@]}" "$@" >/dev/null 2>&1 \
        || "$PYTHON" -m pip install "${quiet[@]}" --user "$@" >/dev/null 2>&1 \
        || "$PYTHON" -m pip install "${quiet[@]}" --break-system-packages "$@"
}
# The distributions whose installed version is not the one wanted ("name==version" or a bare name).
missing=$("$PYTHON" - "selenium==$SELENIUM_VERSION" "schemathesis==$SCHEMATHESIS_VERSION" \
    pytest requests openapi-spec-validator <<'EOF'
import sys
from importlib.metadata import PackageNotFoundError, version
for want in sys.argv[1:]:
    name, _, pinned = want.partition("==")
    try:
        have = version(name)
    except PackageNotFoundError:
        have = None
    if have is None or (pinned and have != pinned):
        print(want)
EOF
)
if [ -n "$missing" ]; then
    # shellcheck disable=SC2086  # one requirement per word
    echo "setup-web: installing with pip:" $missing
    # shellcheck disable=SC2086
    pip_install $missing
fi

# --- axe-core ----------------------------------------------------------------------------------------
if ! grep -qs "axe v$AXE_VERSION" "$TOOLS/axe.min.js"; then
    echo "setup-web: fetching axe-core $AXE_VERSION ($AXE_WHEEL)"
    mkdir -p "$TOOLS"
    download=$(mktemp -d)
    trap 'rm -rf "$download"' EXIT
    "$PYTHON" -m pip download --quiet --disable-pip-version-check --no-deps --dest "$download" "$AXE_WHEEL" >/dev/null
    "$PYTHON" - "$download" "$TOOLS/axe.min.js" <<'EOF'
import glob
import sys
import zipfile
wheels = glob.glob(sys.argv[1] + "/*.whl")
if len(wheels) != 1:
    sys.exit(f"setup-web: expected one wheel in {sys.argv[1]}, found {wheels}")
with zipfile.ZipFile(wheels[0]) as wheel:
    names = [n for n in wheel.namelist() if n.endswith("/axe.min.js")]
    if len(names) != 1:
        sys.exit(f"setup-web: expected one axe.min.js in {wheels[0]}, found {names}")
    with open(sys.argv[2], "wb") as out:
        out.write(wheel.read(names[0]))
EOF
    if ! grep -qs "axe v$AXE_VERSION" "$TOOLS/axe.min.js"; then
        echo "setup-web: $TOOLS/axe.min.js is not axe-core $AXE_VERSION" >&2
        exit 2
    fi
fi
