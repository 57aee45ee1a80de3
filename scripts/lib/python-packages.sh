# Sourced by the check scripts: ensure_python_packages MODULE=PACKAGE ... installs, with pip, each PyPI
# PACKAGE whose MODULE cannot be imported (trying a normal, a --user and a --break-system-packages install,
# so it works in a virtualenv, as a user and on Debian's externally managed Python), and exits 2 with a
# clear message when that fails. Uses $PYTHON (default python3).
ensure_python_packages() {
    local python="${PYTHON:-python3}" pair module package missing=()
    for pair in "$@"; do
        module="${pair%%=*}"
        package="${pair#*=}"
        "$python" -c "import $module" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing ${missing[*]} with pip …"
    local quiet=(--quiet --disable-pip-version-check)
    "$python" -m pip install "${quiet[@]}" "${missing[@]}" >/dev/null 2>&1 \
        || "$python" -m pip install "${quiet[@]}" --user "${missing[@]}" >/dev/null 2>&1 \
        || "$python" -m pip install "${quiet[@]}" --break-system-packages "${missing[@]}" >/dev/null 2>&1
    for pair in "$@"; do
        module="${pair%%=*}"
        if ! "$python" -c "import $module" >/dev/null 2>&1; then
            echo "error: could not install ${missing[*]} (try: $python -m pip install ${missing[*]})" >&2
            exit 2
        fi
    done
}
