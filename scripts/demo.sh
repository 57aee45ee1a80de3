#!/usr/bin/env bash
# The main job, end to end, on the shipped kommuner: validate the kommun files, write each organisation,
# simulate a year of reports per kommun, ingest them into a fresh demo store (twice: the second run
# stores nothing new), and compile last week's lägesbild for every kommun as Markdown, JSON, CSV, GeoJSON
# and HTML. Everything lands in out/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product platform-cli
cli=.build/release/platform-cli
out=out
store="$out/platform.sqlite"
rm -rf "$out"
mkdir -p "$out/reports"

"$cli" validate municipalities
"$cli" kommuner

to=$(date -d yesterday +%F)
from=$(date -d "$to - 1 year + 1 day" +%F)
for kommun in $("$cli" kommuner | awk 'NR > 1 && $1 != "?" { print $1 }'); do
    "$cli" org "$kommun" > "$out/org-$kommun.txt"
    "$cli" org "$kommun" --format mermaid > "$out/org-$kommun.mmd"
    "$cli" org "$kommun" --format dot > "$out/org-$kommun.dot"
    "$cli" simulate "$kommun" --from "$from" --to "$to" --seed 2026 --out "$out/reports/$kommun.csv"
    "$cli" ingest "$kommun" "$out/reports/$kommun.csv" --store "$store"
    "$cli" ingest "$kommun" "$out/reports/$kommun.csv" --store "$store"
done
"$cli" lagesbild --all --period last --format md,json,csv,geojson,html --store "$store" --out "$out/lagesbild"
# Interventions and priorities (docs/insatser.md): Lysekil's medborgardialog list as interventions, this
# quarter's proposed priority areas, the year's åtgärdsplan and analysis.
year=$(date -d "$to" +%Y)
quarter="$year-Q$(( ($(date -d "$to" +%-m) - 1) / 3 + 1 ))"
"$cli" insats import-list lysekil medborgardialog-trygghet --store "$store"
"$cli" prioritet propose lysekil --period "$quarter" --store "$store" > "$out/prioritet-lysekil-$quarter.txt"
"$cli" atgardsplan lysekil --year "$year" --format md,html --store "$store" --out "$out/atgardsplan"
"$cli" analys lysekil --year "$year" --store "$store" --out "$out/analys-lysekil-$year.md"
echo
echo "Lägesbilder:               $out/lagesbild/ (each kommun's last complete week or month: .md .json .csv .geojson .html)"
echo "Organisation charts:      $out/org-*.txt, .mmd, .dot"
echo "Simulated reports:        $out/reports/*.csv"
echo "Report store:             $store"
echo "Priorities, plan, analys: $out/prioritet-lysekil-$quarter.txt, $out/atgardsplan/, $out/analys-lysekil-$year.md"
