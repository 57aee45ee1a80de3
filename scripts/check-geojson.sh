#!/usr/bin/env bash
# Checks the geojson exporter's output independently of the Swift code:
#   1. writes GeoJSON with the built platform-cli from a simulated store: Lysekil (points only) and the
#      made-up kommun in Tests/PlatformTests/Fixtures/geo (polygons, given clockwise and counterclockwise,
#      open and closed, and areas without coordinates);
#   2. checks both against RFC 7946 with scripts/check-geojson.py (structure, [lon, lat] in Sweden, closed
#      counterclockwise rings, no crs);
#   3. checks that tampered copies (longitude and latitude swapped, a ring left open, a clockwise ring, a
#      crs member) are rejected, each for its reason;
#   4. when GDAL's ogrinfo is installed (Debian: gdal-bin), opens both files with it, as QGIS would:
#      the feature count must match, the extent must lie in Sweden and every geometry must be valid
#      (ST_IsValid, where GDAL has SpatiaLite); skipped with a message otherwise.
# Usage: scripts/check-geojson.sh        (after `swift build`; exits non-zero on any failure)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
CHECK="scripts/check-geojson.py"
cli="${PLATFORM_CLI:-.build/debug/platform-cli}"
fixtures=Tests/PlatformTests/Fixtures/geo

if [ ! -x "$cli" ]; then
    echo "building platform-cli …"
    swift build --product platform-cli >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
store="$work/store.sqlite"
out="$work/out"

echo "== generating GeoJSON (simulated 2026-01-01 … 2026-11-22, week 47)"
"$cli" simulate lysekil --from 2026-01-01 --to 2026-11-22 --seed 5 --out "$work/lysekil.csv"
"$cli" ingest lysekil "$work/lysekil.csv" --store "$store" >/dev/null
"$cli" lagesbild lysekil --period 2026-W47 --format geojson --store "$store" --out "$out"
"$cli" simulate exempelby --municipalities "$fixtures" --from 2026-01-01 --to 2026-11-22 --seed 5 --out "$work/exempelby.csv"
"$cli" ingest exempelby "$work/exempelby.csv" --municipalities "$fixtures" --store "$store" >/dev/null
"$cli" lagesbild exempelby --municipalities "$fixtures" --period 2026-W47 --format geojson --store "$store" --out "$out" \
    2> "$work/notes.txt"
cat "$work/notes.txt" >&2
if ! grep -q "^note: geojson for exempelby: 2 områden saknar koordinater och visas inte på kartan: Skogen, Bryggan$" "$work/notes.txt"; then
    echo "error: lagesbild did not name the areas without coordinates" >&2
    exit 1
fi
lysekil="$out/lysekil-2026-W47.geojson"
exempelby="$out/exempelby-2026-W47.geojson"

echo
echo "== the exporter's output must pass"
status=0
"$PYTHON" "$CHECK" "$lysekil" "$exempelby" || status=1

echo
echo "== tampered copies must be rejected"
"$PYTHON" - "$lysekil" "$exempelby" "$work" <<'EOF'
import json, sys
lysekil, exempelby, work = sys.argv[1:]
def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)
def save(name, document):
    with open(f"{work}/{name}.geojson", "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1)
def polygon(document):
    return next(f for f in document["features"] if f["geometry"]["type"] == "Polygon")["geometry"]

swapped = load(lysekil)
for feature in swapped["features"]:
    feature["geometry"]["coordinates"].reverse()
swapped.pop("bbox", None)
save("swapped", swapped)

open_ring = load(exempelby)
polygon(open_ring)["coordinates"][0].pop()
save("open-ring", open_ring)

clockwise = load(exempelby)
polygon(clockwise)["coordinates"][0].reverse()
save("clockwise", clockwise)

crs = load(lysekil)
crs["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
save("crs", crs)
EOF
"$PYTHON" "$CHECK" --expect-invalid --expect-error "swapped" "$work/swapped.geojson" || status=1
"$PYTHON" "$CHECK" --expect-invalid --expect-error "not closed" "$work/open-ring.geojson" || status=1
"$PYTHON" "$CHECK" --expect-invalid --expect-error "clockwise" "$work/clockwise.geojson" || status=1
"$PYTHON" "$CHECK" --expect-invalid --expect-error "'crs'" "$work/crs.geojson" || status=1

echo
echo "== a real client: GDAL (what QGIS reads GeoJSON with)"
if command -v ogrinfo >/dev/null 2>&1; then
    echo "$(ogrinfo --version)"
    for file in "$lysekil" "$exempelby"; do
        expected=$("$PYTHON" -c 'import json, sys; print(len(json.load(open(sys.argv[1], encoding="utf-8"))["features"]))' "$file")
        if ! summary=$(ogrinfo -ro -al -so "$file" 2>&1); then
            echo "FAIL $file: ogrinfo could not open it"; echo "$summary"; status=1; continue
        fi
        count=$(sed -n 's/^Feature Count: //p' <<< "$summary")
        # Extent: (11.213000, 58.100000) - (11.640000, 58.420000), as GDAL read it: [lon, lat] in Sweden.
        extent=$(sed -n 's/^Extent: (\(.*\), \(.*\)) - (\(.*\), \(.*\))$/\1 \2 \3 \4/p' <<< "$summary")
        if grep -qiE "^(ERROR|Warning)" <<< "$summary"; then
            echo "FAIL $file: ogrinfo complained"; grep -iE "^(ERROR|Warning)" <<< "$summary"; status=1
        elif [ "$count" != "$expected" ]; then
            echo "FAIL $file: ogrinfo read $count features, the file has $expected"; status=1
        elif ! awk -v e="$extent" 'BEGIN { split(e, x, " "); exit !(x[1] >= 10 && x[3] <= 25 && x[2] >= 55 && x[4] <= 70) }'; then
            echo "FAIL $file: ogrinfo's extent ($extent) is not in Sweden"; status=1
        else
            echo "ok $file: ogrinfo read $count features ($(sed -n 's/^Geometry: //p' <<< "$summary")), extent $extent"
        fi
        # Geometry validity by GEOS, through SQLite/SpatiaLite: only where GDAL was built with it.
        layer=$(basename "$file" .geojson)
        if validity=$(ogrinfo -ro -q -dialect sqlite -sql "SELECT COUNT(*) AS invalid FROM \"$layer\" WHERE NOT ST_IsValid(geometry)" "$file" 2>&1) \
            && invalid=$(sed -n 's/^ *invalid (Integer) = //p' <<< "$validity") && [ -n "$invalid" ]; then
            if [ "$invalid" = 0 ]; then
                echo "ok $file: every geometry is valid (ST_IsValid)"
            else
                echo "FAIL $file: $invalid geometries are not valid (ST_IsValid)"; status=1
            fi
        else
            echo "skipped: ST_IsValid is not available in this GDAL"
        fi
    done
else
    echo "skipped: ogrinfo is not installed (Debian: apt-get install gdal-bin)"
fi

echo
if [ "$status" -eq 0 ]; then echo "geojson: OK"; else echo "geojson: FAILED"; fi
exit "$status"
