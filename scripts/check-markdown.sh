#!/usr/bin/env bash
# Checks the Markdown lägesbild the way a renderer sees it (markdown-it-py, from PyPI). Builds nothing: it
# uses .build/debug/platform-cli (run `swift build` first). Ingests a small Lysekil report file whose notes
# and places are hostile (an <img onerror>, a </script><script>, a note with a newline and "# Rubrik" and a
# list item, CRLF and CR line breaks, a javascript: link), writes the week 2026-W47 lägesbild as Markdown and
# checks with scripts/check-markdown.py that it renders with no raw HTML, no injected heading, list item or
# link, and no bare CR. A copy with one note put back raw must fail the same check (so the check can fail).
set -euo pipefail
cd "$(dirname "$0")/.."

cli=.build/debug/platform-cli
if [ ! -x "$cli" ]; then
    echo "check-markdown: $cli is missing; build it first with 'swift build'" >&2
    exit 2
fi
PYTHON="${PYTHON:-python3}"
. scripts/lib/python-packages.sh
ensure_python_packages markdown_it=markdown-it-py

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PLATFORM_NOW=2026-11-24T12:00:00Z

# A place is one line (a line break in it is refused at intake); a note may hold LF, CRLF and CR.
printf 'date,time,reporter,area,indicator,value,place,note\n2026-11-17,21:00,polismyndigheten,norra-hamnen,klotter,1,<img src=x onerror=alert(1)>,</script><script>alert(1)</script>\n2026-11-18,22:00,polismyndigheten,norra-hamnen,klotter,1,Kajen # Platsrubrik,"Sprayat\n# Rubrik\n- falsk punkt\r\nrad tv\303\245\r[l\303\244nk](javascript:alert(1)) <b>fet</b>"\n' > "$work/v47.csv"
"$cli" ingest lysekil "$work/v47.csv" --store "$work/store.sqlite" >/dev/null
"$cli" lagesbild lysekil --period 2026-W47 --format md --store "$work/store.sqlite" --out "$work/out" >/dev/null
md="$work/out/lysekil-2026-W47.md"

status=0
"$PYTHON" scripts/check-markdown.py "$md" || status=1
# The control: one note written back raw, as the exporter wrote it before it escaped notes.
"$PYTHON" - "$md" "$work/raw.md" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
line = next(l for l in text.split("\n") if "&lt;/script" in l)
open(sys.argv[2], "w", encoding="utf-8", newline="").write(text.replace(line, line.replace("&lt;", "<")))
PY
"$PYTHON" scripts/check-markdown.py "$work/raw.md" --expect-fail || status=1

echo
if [ "$status" -eq 0 ]; then echo "Markdown: OK"; else echo "Markdown: FAILED"; fi
exit "$status"
