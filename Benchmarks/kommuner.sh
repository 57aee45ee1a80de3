# Sourced by the national benchmark (Benchmarks/national.sh) after common.sh: `copy_kommun` (one shipped
# kommun file copied as a kommun of its own) and `make_kommun_files` (N such copies of the shipped two).
# Both run from the repository root and use `log` (common.sh).

# copy_kommun BASE SUFFIX FOLDER: municipalities/BASE.yaml as FOLDER/BASE-SUFFIX.yaml, a kommun of its own:
# only the `  id:` and `  name:` lines of the top-level `kommun:` mapping change (id BASE-SUFFIX, name + SUFFIX).
copy_kommun() {
    local base=$1 suffix=$2 folder=$3 id="$1-$2"
    sed -e "/^kommun:/,/^[^ #]/ s/^  id: $base\$/  id: $id/" \
        -e "/^kommun:/,/^[^ #]/ s/^  name: \\(.*\\)\$/  name: \\1 $suffix/" \
        "municipalities/$base.yaml" > "$folder/$id.yaml"
    grep -q "^  id: $id\$" "$folder/$id.yaml" || { log "could not set kommun.id in $folder/$id.yaml"; exit 1; }
}

# make_kommun_files FOLDER N: N kommun files in FOLDER (made if missing), copies of municipalities/lysekil.yaml
# and tranemo.yaml taken in turn: lysekil-001, tranemo-001, lysekil-002, … (three digits up to 999 kommuner),
# so that the first n of them are as many of each as n allows. Sets KOMMUNER to their ids in that order.
make_kommun_files() {
    local folder=$1 count=$2 i base
    (( count >= 1 && count <= 999 )) || { log "make_kommun_files: $count kommuner (1 to 999)"; exit 1; }
    mkdir -p "$folder"
    KOMMUNER=()
    for ((i = 0; i < count; i++)); do
        if (( i % 2 == 0 )); then base=lysekil; else base=tranemo; fi
        copy_kommun "$base" "$(printf %03d $((i / 2 + 1)))" "$folder"
        KOMMUNER+=("$base-$(printf %03d $((i / 2 + 1)))")
    done
}
