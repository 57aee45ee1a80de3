#!/usr/bin/env python3
"""Check kommun configuration files against schemas/kommun.schema.json.

This is an independent check of the published JSON Schema: it does not use the
platform's own (Swift) loader. Files are read as YAML 1.2 (ruamel.yaml, safe
mode), so `no`, `on` and `yes` stay strings, as in yaml-language-server.

Usage:
    python3 scripts/check-kommun-schema.py FILE...
        Every FILE must be valid. Prints every error as `FILE: PATH: message`
        and exits 1 if any file fails.
    python3 scripts/check-kommun-schema.py --expect-invalid FILE...
        Every FILE must be rejected. Exits 1 if any FILE is accepted. A FILE may
        name the reason it must fail for in comment lines `# expect-error: TEXT`:
        then every TEXT must occur in one of its errors, and every error must
        contain one of the TEXTs, else the file counts as rejected for the wrong
        reason (exit 1).

Exit status: 0 success, 1 check failed, 2 usage error or missing tools.
"""

import argparse
import datetime
import difflib
import json
import os
import sys
import unicodedata

try:
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import SafeConstructor
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    import jsonschema
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError as error:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        f"check-kommun-schema: {error}\n"
        "  install the tools with: python3 -m pip install ruamel.yaml jsonschema\n"
    )
    sys.exit(2)

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, os.pardir, "schemas", "kommun.schema.json")

# Limits from docs/configuration.md ("Anchors and aliases").
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_NODES = 100_000
MAX_DEPTH = 64

ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"


class LoadError(Exception):
    """A file that cannot be read as a kommun configuration at all."""

    def __init__(self, message, line=None, column=None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class TextTimestampConstructor(SafeConstructor):
    """Safe YAML 1.2 constructor that keeps unquoted dates as the text written.

    ruamel.yaml resolves `2018-05-14` to a datetime.date; the schema wants
    text there, exactly as written.
    """


TextTimestampConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str
)


def make_loader():
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = TextTimestampConstructor
    yaml.allow_duplicate_keys = False
    return yaml


def make_position_loader():
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = True
    return yaml


def to_json(value):
    """Convert the loaded YAML into plain JSON values, enforcing the documented limits.

    Aliases are counted every time they are expanded, so a "billion laughs"
    document is refused instead of being walked.
    """
    nodes = 0

    def convert(node, depth):
        nonlocal nodes
        nodes += 1
        if nodes > MAX_NODES:
            raise LoadError(f"the document expands to more than {MAX_NODES} nodes (aliases included)")
        if depth > MAX_DEPTH:
            raise LoadError(f"the document is nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, dict):
            return {str(key): convert(item, depth + 1) for key, item in node.items()}
        if isinstance(node, (list, tuple)):
            return [convert(item, depth + 1) for item in node]
        if isinstance(node, (datetime.date, datetime.datetime, datetime.time)):
            return node.isoformat()
        if isinstance(node, bytes):
            return node.decode("utf-8", "replace")
        if node is None or isinstance(node, (str, bool, int, float)):
            return node
        return str(node)

    return convert(value, 0)


def load(path):
    """Return (document, round-trip tree for line numbers or None)."""
    try:
        size = os.path.getsize(path)
    except OSError as error:
        raise LoadError(f"cannot read the file: {error.strerror}")
    if size > MAX_FILE_BYTES:
        raise LoadError(f"the file is {size} bytes, more than the limit of 4 MiB")
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LoadError(f"the file is not UTF-8: {error.reason} at byte {error.start}")
    except OSError as error:
        raise LoadError(f"cannot read the file: {error.strerror}")
    try:
        document = make_loader().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(part for part in (error.context, error.problem) if part) or str(error)
        problem = problem.replace("\n", " ")
        if mark is not None:
            raise LoadError(f"YAML error: {problem}", mark.line + 1, mark.column + 1)
        raise LoadError(f"YAML error: {problem}")
    except (YAMLError, RecursionError, ValueError) as error:
        raise LoadError(f"YAML error: {str(error).strip() or type(error).__name__}")
    if document is None:
        raise LoadError("the file is empty")
    document = to_json(document)
    try:
        positions = make_position_loader().load(text)
    except Exception:  # positions are a nicety; never fail on them
        positions = None
    return document, positions


def position_of(tree, path):
    """Best (line, column) for a JSON path, from the round-trip tree (1-based)."""
    best = None
    node = tree
    for part in path:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(part, int):
                if lc is not None:
                    best = lc.item(part)
                node = node[part]
            else:
                if lc is not None:
                    best = lc.key(part)
                node = node[part]
        except Exception:
            break
    if best is None:
        return None
    return best[0] + 1, best[1] + 1


def format_path(path):
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def short(value, limit=60):
    if isinstance(value, dict):
        keys = ", ".join(str(key) for key in list(value)[:4])
        return "{" + keys + (", …" if len(value) > 4 else "") + "}"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return json.dumps(text, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def yaml_type(value):
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "null",
}


def ascii_id(value):
    """The ASCII spelling of a would-be id: Ä → a, spaces → -."""
    text = unicodedata.normalize("NFKD", value.strip().lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = "".join(ch if ch.isascii() and (ch.isalnum() or ch == "-") else "-" for ch in text)
    while "--" in text:
        text = text.replace("--", "-")
    return text.strip("-")


def explain(error):
    """Turn one jsonschema error into a list of (path, message)."""
    path = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    validator = error.validator
    instance = error.instance
    custom = schema.get("errorMessage")

    if custom and validator not in ("oneOf", "anyOf", "additionalProperties"):
        return [(path, custom)]

    if validator == "additionalProperties" and isinstance(instance, dict):
        known = list(schema.get("properties", {}))
        out = []
        for key in instance:
            if key in known:
                continue
            message = f"unknown key {short(key)}"
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if not close:
                lowered = {name.lower(): name for name in known}
                if key.lower() in lowered:
                    close = [lowered[key.lower()]]
            if close:
                message += f" (did you mean {short(close[0])}?)"
            elif known:
                message += " (known keys: " + ", ".join(known) + ")"
            out.append((path + [key], message))
        return out or [(path, error.message)]

    if validator == "required":
        missing = error.validator_value
        names = [name for name in missing if isinstance(instance, dict) and name not in instance]
        return [(path, f"missing required key {short(name)}") for name in names] or [(path, error.message)]

    if validator == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(TYPE_NAMES.get(name, name) for name in expected)
        message = f"expected {wanted}, found {yaml_type(instance)}"
        if not isinstance(instance, (dict, list)) and instance is not None:
            message += f" {short(instance)}"
        if "string" in expected and isinstance(instance, (int, float, bool)):
            message += " (quote it to keep it text)"
        return [(path, message)]

    if validator == "enum":
        options = [str(option) for option in error.validator_value]
        message = f"{short(instance)} is not one of: " + ", ".join(options)
        if isinstance(instance, str):
            close = difflib.get_close_matches(instance, options, n=1, cutoff=0.6)
            if close:
                message += f" (did you mean {short(close[0])}?)"
        return [(path, message)]

    if validator == "const":
        return [(path, f"must be {short(error.validator_value)}, found {short(instance)}")]

    if validator == "pattern":
        if error.validator_value == ID_PATTERN:
            message = (f"{short(instance)} is not a valid id: use lowercase ASCII letters, digits and '-', "
                       "starting with a letter or digit")
            suggestion = ascii_id(instance) if isinstance(instance, str) else ""
            if suggestion and suggestion != instance:
                message += f" (did you mean {short(suggestion)}?)"
            return [(path, message)]
        what = schema.get("description") or f"the pattern {error.validator_value}"
        return [(path, f"{short(instance)} is not valid here: {what}")]

    if validator in ("oneOf", "anyOf"):
        context = list(error.context or [])
        deeper = [sub for sub in context if len(sub.absolute_path) > len(error.absolute_path)]
        if deeper:
            return explain(best_match(deeper))
        branches = [branch for branch in error.validator_value if isinstance(branch, dict)]
        only_required = all(set(branch) - {"description"} == {"required"} for branch in branches)
        if custom:
            if context and isinstance(instance, dict) and not only_required:
                details = [sub for sub in context if sub.validator not in ("type", "oneOf", "anyOf")]
                if details:
                    detail = explain(best_match(details))[0][1]
                    return [(path, f"{custom}: {detail}")]
            if not context and isinstance(instance, dict):
                # More than one alternative matched: name the keys that collide.
                keys = [name for branch in branches for name in branch.get("required", []) if name in instance]
                if len(keys) > 1:
                    return [(path, f"{custom} (found " + " and ".join(keys) + ")")]
            return [(path, custom)]
        if not context:
            return [(path, "matches more than one of the alternatives; exactly one is allowed")]
        return explain(best_match(context))

    if validator == "not":
        return [(path, "this value is not allowed here")]

    if validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        words = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "greater than",
            "exclusiveMaximum": "less than",
        }[validator]
        return [(path, f"{short(instance)} must be {words} {error.validator_value}")]

    if validator == "minLength":
        return [(path, "must not be empty")]

    if validator == "format":
        return [(path, f"{short(instance)} is not a valid {error.validator_value}")]

    message = error.message
    if len(message) > 200:
        message = message[:199] + "…"
    return [(path, message)]


class Checker:
    def __init__(self, schema_path):
        try:
            with open(schema_path, encoding="utf-8") as handle:
                schema = json.load(handle)
        except (OSError, ValueError) as error:
            sys.stderr.write(f"check-kommun-schema: cannot read the schema {schema_path}: {error}\n")
            sys.exit(2)
        try:
            Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            sys.stderr.write(f"check-kommun-schema: {schema_path} is not a valid JSON Schema: {error.message}\n")
            sys.exit(2)
        self.validator = Draft202012Validator(
            schema, format_checker=Draft202012Validator.FORMAT_CHECKER
        )

    def check(self, path):
        """Return a list of error lines (without the file name); empty when valid."""
        try:
            document, positions = load(path)
        except LoadError as error:
            where = f" (line {error.line}, column {error.column})" if error.line else ""
            return [f"(file): {error.message}{where}"]
        found = []
        for error in self.validator.iter_errors(document):
            for where, message in explain(error):
                found.append((where, message))
        lines = []
        seen = set()
        for where, message in sorted(found, key=lambda item: [str(part) for part in item[0]]):
            position = position_of(positions, where) if positions is not None else None
            suffix = f" (line {position[0]})" if position else ""
            line = f"{format_path(where)}: {message}{suffix}"
            if line not in seen:
                seen.add(line)
                lines.append(line)
        return lines


EXPECT_MARKER = "# expect-error:"


def expectations(path):
    """The `# expect-error: TEXT` lines of a fixture: each TEXT must occur in an error, and
    every error must contain one of them, so the fixture fails for exactly its named reason."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return [line.strip()[len(EXPECT_MARKER):].strip()
                    for line in handle if line.strip().startswith(EXPECT_MARKER)]
    except OSError:
        return []


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="check-kommun-schema.py",
        description="Validate kommun configuration files (YAML 1.2) against schemas/kommun.schema.json.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="kommun configuration files")
    parser.add_argument(
        "--expect-invalid",
        action="store_true",
        help="succeed only if every FILE is rejected (for malformed test fixtures); a fixture's "
             "'# expect-error: TEXT' comment lines name the only errors it may have",
    )
    parser.add_argument("--schema", default=DEFAULT_SCHEMA, help="the JSON Schema (default: %(default)s)")
    args = parser.parse_args(argv)

    checker = Checker(os.path.normpath(args.schema))

    if args.expect_invalid:
        rejected, accepted, wrong_reason = 0, [], []
        for path in args.files:
            errors = checker.check(path)
            if not errors:
                accepted.append(path)
                print(f"{path}: WRONGLY ACCEPTED: the schema should reject this file")
                continue
            expected = expectations(path)
            unmatched = [want for want in expected if not any(want in line for line in errors)]
            unexpected = [line for line in errors if expected and not any(want in line for want in expected)]
            if unmatched or unexpected:
                wrong_reason.append(path)
                print(f"{path}: REJECTED FOR THE WRONG REASON")
                for want in unmatched:
                    print(f"    {path}: expected an error containing: {want}")
                for line in unexpected:
                    print(f"    {path}: unexpected error: {line}")
                continue
            rejected += 1
            print(f"{path}: rejected as expected")
            for line in errors:
                print(f"    {path}: {line}")
        print(f"{rejected} rejected as expected, {len(accepted)} wrongly accepted, "
              f"{len(wrong_reason)} rejected for the wrong reason")
        if accepted:
            print("wrongly accepted: " + " ".join(accepted))
        if wrong_reason:
            print("rejected for the wrong reason: " + " ".join(wrong_reason))
        return 1 if accepted or wrong_reason else 0

    passed, failed = 0, 0
    for path in args.files:
        errors = checker.check(path)
        if errors:
            failed += 1
            for line in errors:
                print(f"{path}: {line}")
        else:
            passed += 1
            print(f"{path}: ok")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
