#!/usr/bin/env bash
# Installs what the platform needs beyond the Swift toolchain, when it is missing:
# libyaml and SQLite's headers (Debian's libyaml-dev and libsqlite3-dev, found through pkg-config) and
# sqlite3's command-line tool (benchmarks and independent checks in tests), and libical's headers
# (libical-dev: scripts/check-ics.sh checks calendars with libical beside Python icalendar).
# Safe to run again: it installs nothing that is already there.
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists yaml-0.1 2>/dev/null; then need+=(libyaml-dev); fi
if ! pkg-config --exists sqlite3 2>/dev/null; then need+=(libsqlite3-dev); fi
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
if ! pkg-config --exists libical 2>/dev/null; then need+=(libical-dev); fi

if [ ${#need[@]} -gt 0 ]; then
    echo "setup: installing ${need[*]}"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
