#!/usr/bin/env bash
# Checks the iCalendar files the platform writes with two independent parsers: Python icalendar, through
# scripts/check-ics.py (folding, CRLF, VTIMEZONEs, required properties, unique UIDs, a round trip, and
# UTC times across the change to summer time), and libical (Debian's libical-dev, installed by
# scripts/setup.sh), through scripts/check-ics-libical.c (libical reads every file with no error and its
# RFC 5546 restriction check passes).
#   1. the golden calendar of the Swift tests (Tests/PlatformTests/Fixtures/calendar-golden.ics): its
#      weekly 09:00 meeting is at 08:00Z before 2027-03-28 and at 07:00Z after;
#   2. tampered copies of it (folding undone, the VTIMEZONE removed, summer time starting in April) must be
#      rejected, each for its own reason.
# To check another file, add a line `check FILE [check-ics.py options]` below.
# Usage: scripts/check-ics.sh        (from anywhere; exits non-zero on any failure)
set -u

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
CHECK="scripts/check-ics.py"
GOLDEN="Tests/PlatformTests/Fixtures/calendar-golden.ics"

. scripts/lib/python-packages.sh
ensure_python_packages icalendar=icalendar

TMP="$(mktemp -d "${TMPDIR:-/tmp}/check-ics.XXXXXX")" || exit 2
trap 'rm -rf "$TMP"' EXIT

status=0

LIBICAL_CHECK="$TMP/check-ics-libical"
if ! cc -o "$LIBICAL_CHECK" scripts/check-ics-libical.c $(pkg-config --cflags --libs libical 2>/dev/null) 2>"$TMP/cc.log"; then
    echo "FAILED: could not build scripts/check-ics-libical.c against libical (run scripts/setup.sh):"
    sed 's/^/    /' "$TMP/cc.log"
    status=1
fi

# check FILE [OPTION...]: FILE must pass every check of check-ics.py and the expectations in OPTIONs, and
# libical's.
check() {
    echo
    if ! "$PYTHON" "$CHECK" "$@"; then
        status=1
    fi
    if [ -x "$LIBICAL_CHECK" ] && ! "$LIBICAL_CHECK" "$1"; then
        status=1
    fi
}

# reject FILE WHAT: check-ics.py must fail FILE, and on the check named WHAT.
reject() {
    if "$PYTHON" "$CHECK" "$1" >"$TMP/reject.log" 2>&1; then
        echo "FAILED: $1 was accepted"
        status=1
    elif ! grep -qF "FAIL  $2" "$TMP/reject.log"; then
        echo "FAILED: $1 was rejected, but not for: $2"
        sed 's/^/    /' "$TMP/reject.log"
        status=1
    else
        echo "rejected as expected: $(basename "$1") ($2)"
    fi
}

uid() { echo "lysekil-operativt-trygghetsteam-$1@trygghetsplattformen"; }

echo "== the golden calendar; summer time begins 2027-03-28"
check "$GOLDEN" --expect-events 8 --expect-summary-count "Operativt trygghetsteam=4" \
    --expect-start-utc "$(uid 20270323)=2027-03-23T08:00Z" \
    --expect-start-utc "$(uid 20270330)=2027-03-30T07:00Z"

echo
echo "== tampered copies must be rejected, each for its own reason"
if [ ! -f "$GOLDEN" ]; then
    echo "FAILED: no $GOLDEN to tamper with"
    status=1
elif ! "$PYTHON" - "$GOLDEN" "$TMP" <<'EOF'; then
import os, re, sys
source, out = sys.argv[1], sys.argv[2]
with open(source, "rb") as handle:
    data = handle.read()
tampered = {
    "unfolded.ics": data.replace(b"\r\n ", b""),
    "no-vtimezone.ics": re.sub(rb"BEGIN:VTIMEZONE\r\n.*?END:VTIMEZONE\r\n", b"", data, flags=re.S),
    "summer-in-april.ics": data.replace(b"RRULE:FREQ=YEARLY;BYMONTH=3;", b"RRULE:FREQ=YEARLY;BYMONTH=4;"),
}
for name, text in tampered.items():
    if text == data:
        sys.exit(f"{name}: nothing to tamper with in {source}")
    with open(os.path.join(out, name), "wb") as handle:
        handle.write(text)
EOF
    echo "FAILED: could not write the tampered copies"
    status=1
else
    reject "$TMP/unfolded.ics" "CRLF line endings, lines of at most 75 octets"
    reject "$TMP/no-vtimezone.ics" "a VTIMEZONE for every TZID used"
    reject "$TMP/summer-in-april.ics" "each VTIMEZONE gives zoneinfo's offsets"
fi

echo "== platform-cli calendar: Tranemo 2027 (four walks, their safety meetings, BRÅ-Unga and BRÅ Trafik twice)"
CLI=.build/debug/platform-cli
if [ -x "$CLI" ]; then
    PLATFORM_NOW=2026-11-24T12:00:00Z "$CLI" calendar tranemo --from 2027-01-01 --to 2027-12-31 --out "$TMP/tranemo-2027.ics"
    check "$TMP/tranemo-2027.ics" --expect-events 28 --expect-summary-count "Trygghetsvandring=4" \
        --expect-summary-count "Trygghetsmöte=4" --expect-summary-count "BRÅ-Unga=2" --expect-summary-count "BRÅ Trafik=2" \
        --expect-start-utc "tranemo-est-lagesbildsgrupp-20270302@trygghetsplattformen=2027-03-02T08:00Z" \
        --expect-start-utc "tranemo-est-lagesbildsgrupp-20270406@trygghetsplattformen=2027-04-06T07:00Z"
    PLATFORM_NOW=2026-11-24T12:00:00Z "$CLI" calendar tranemo --from 2027-01-01 --to 2027-12-31 --out "$TMP/again.ics"
    if [ "$(grep UID: "$TMP/tranemo-2027.ics")" = "$(grep UID: "$TMP/again.ics")" ]; then
        echo "ok    UIDs are stable across runs, so a re-import updates rather than duplicates"
    else
        echo "FAILED: UIDs differ between two runs"
        status=1
    fi
else
    echo "FAILED: $CLI is missing; build first: swift build"
    status=1
fi

echo
if [ "$status" -eq 0 ]; then
    echo "iCalendar: OK"
else
    echo "iCalendar: FAILED"
fi
exit "$status"
