#!/usr/bin/env bash
# The main job, end to end, on the shipped kommuner: build, validate every kommun file, list the
# kommuner and write each kommun's organisation as text, Mermaid and Graphviz into out/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product platform-cli
cli=.build/release/platform-cli
out=out
mkdir -p "$out"

"$cli" validate municipalities
"$cli" kommuner
for kommun in $("$cli" kommuner | awk 'NR > 1 && $1 != "?" { print $1 }'); do
    "$cli" org "$kommun" > "$out/org-$kommun.txt"
    "$cli" org "$kommun" --format mermaid > "$out/org-$kommun.mmd"
    "$cli" org "$kommun" --format dot > "$out/org-$kommun.dot"
    echo "wrote $out/org-$kommun.txt, .mmd and .dot"
done
