#!/usr/bin/env bash
# The main job, end to end, on the shipped kommuner: validate the kommun files, write each organisation,
# simulate a year of reports per kommun, ingest them into a fresh demo store (twice: the second run
# stores nothing new), and compile last week's lägesbild for every kommun as Markdown, JSON, CSV, GeoJSON
# and HTML. Then the example kommuner (municipalities/examples/): Kumla's monthly lägesbild and tertial
# analysis, Örebro's city lägesbild and one per district group, with an assessed status and social oro in
# Vivalla. Last, demo accounts in the demo store for the web application (docs/accounts.md). Everything
# lands in out/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
# The binary the README installs: the Swift runtime linked in starts in about half the time of one that loads
# it as shared libraries (docs/benchmarks.md), and every figure there is for this build.
swift build -c release --static-swift-stdlib --product platform-cli
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
# The example kommuner, in a store of their own: two years of reports each.
examples=municipalities/examples
exstore="$out/examples.sqlite"
exfrom=$(date -d "$to - 2 years + 1 day" +%F)
for kommun in kumla orebro; do
    "$cli" simulate "$kommun" --municipalities "$examples" --from "$exfrom" --to "$to" --seed 2026 --out "$out/reports/$kommun.csv"
    "$cli" ingest "$kommun" "$out/reports/$kommun.csv" --municipalities "$examples" --store "$exstore"
done
"$cli" status set orebro vivalla orange --by lokal-est-vivalla --on "$to" --reason "Oro efter flera bränder i stadsdelen" \
    --municipalities "$examples" --store "$exstore"
"$cli" escalation declare orebro social-oro --area vivalla --from "$to" --municipalities "$examples" --store "$exstore"
"$cli" lagesbild kumla --period current --lagesbild tertialanalys --format md,html --municipalities "$examples" --store "$exstore" --out "$out/examples"
for kommun in kumla orebro; do
    "$cli" lagesbild "$kommun" --period last --format md,html --municipalities "$examples" --store "$exstore" --out "$out/examples"
done
for lagesbild in vivalla varberga baronbackarna; do
    "$cli" lagesbild orebro --lagesbild "$lagesbild" --format md,html --municipalities "$examples" --store "$exstore" --out "$out/examples"
done
# Demo accounts for `platform-cli serve` (docs/accounts.md): a reporter (the police), a reader and a coordinator
# per kommun, and the platform admin, all with one demo password; an account that exists is left as it is.
demo_password="demo-lösenord-2026"
existing=$("$cli" user list --store "$store" | awk 'NR > 1 { print $1 }')
demo_user() {
    local login=$1
    shift
    grep -qx "$login" <<< "$existing" && return
    printf '%s\n' "$demo_password" | "$cli" user add "$login" "$@" --password-stdin --store "$store"
}
demo_user polis.lysekil --name "Kommunpolisen i Lysekil" --kommun lysekil --role reporter --reporter polismyndigheten
demo_user lasare.lysekil --name "Läsare i Lysekil" --kommun lysekil --role reader
demo_user samordnare.lysekil --name "Samordnare i Lysekil" --kommun lysekil --role coordinator
demo_user polis.tranemo --name "Kommunpolisen i Tranemo" --kommun tranemo --role reporter --reporter polisen
demo_user lasare.tranemo --name "Läsare i Tranemo" --kommun tranemo --role reader
demo_user samordnare.tranemo --name "Samordnare i Tranemo" --kommun tranemo --role coordinator
demo_user admin --name "Plattformens administratör" --admin
echo
echo "Lägesbilder:               $out/lagesbild/ (each kommun's last complete week or month: .md .json .csv .geojson .html)"
echo "Organisation charts:      $out/org-*.txt, .mmd, .dot"
echo "Simulated reports:        $out/reports/*.csv"
echo "Report store:             $store"
echo "Priorities, plan, analys: $out/prioritet-lysekil-$quarter.txt, $out/atgardsplan/, $out/analys-lysekil-$year.md"
echo "Example kommuner:         $out/examples/ (Kumla's monthly lägesbild and tertial analysis; Örebro's city and district lägesbilder)"
echo
echo "Web application:          $cli serve --store $store   (then open http://127.0.0.1:8080)"
echo "Demo accounts:            polis.lysekil, lasare.lysekil, samordnare.lysekil (reporter, reader, coordinator),"
echo "                          polis.tranemo, lasare.tranemo, samordnare.tranemo, and admin; password: $demo_password"
