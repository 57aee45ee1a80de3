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
import os
import sys
import unicodedata

# schema_messages works with the jsonschema ones; imported here first, so that a missing (or too old)
# package is reported plainly.
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
sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "lib"))
import schema_messages  # noqa: E402 - needs the lib folder on sys.path
from schema_messages import LoadError  # noqa: E402

DEFAULT_SCHEMA = os.path.join(HERE, os.pardir, "schemas", "kommun.schema.json")

# Limits from docs/configuration.md ("Anchors and aliases").
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_NODES = 100_000
MAX_DEPTH = 64

ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"


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
    text = schema_messages.read_utf8(path, MAX_FILE_BYTES, "4 MiB")
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


def ascii_id(value):
    """The ASCII spelling of a would-be id: Ä → a, spaces → -."""
    text = unicodedata.normalize("NFKD", value.strip().lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = "".join(ch if ch.isascii() and (ch.isalnum() or ch == "-") else "-" for ch in text)
    while "--" in text:
        text = text.replace("--", "-")
    return text.strip("-")


class KommunExplainer(schema_messages.Explainer):
    """The shared wording, in YAML's words (text, a list, a mapping), with the schema's own
    `errorMessage`s, a suggestion for ids, and jsonschema's own message for the keywords below."""

    list_noun = "a list"
    type_names = {
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "object": "a mapping",
        "array": "a list",
        "null": "null",
    }
    found_names = {
        "null": "empty (null)",
        "boolean": "a boolean",
        "number": "a number",
        "string": "a string",
        "array": "a list",
        "object": "a mapping",
    }

    # Not reworded here (jsonschema's own message, as this checker has always said it).
    on_dependentRequired = on_minItems = on_maxItems = on_uniqueItems = None

    def explain(self, error):
        custom = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
        if custom and error.validator not in ("oneOf", "anyOf", "additionalProperties"):
            return [(list(error.absolute_path), custom)]
        return super().explain(error)

    def similar_key(self, key, known):
        close = super().similar_key(key, known)
        if not close:
            lowered = {name.lower(): name for name in known}
            if key.lower() in lowered:
                close = [lowered[key.lower()]]
        return close

    def type_hint(self, expected, instance):
        if "string" in expected and isinstance(instance, (int, float, bool)):
            return " (quote it to keep it text)"
        return ""

    def on_pattern(self, error, path, schema):
        instance = error.instance
        if error.validator_value == ID_PATTERN:
            message = (f"{self.short(instance)} is not a valid id: use lowercase ASCII letters, digits and '-', "
                       "starting with a letter or digit")
            suggestion = ascii_id(instance) if isinstance(instance, str) else ""
            if suggestion and suggestion != instance:
                message += f" (did you mean {self.short(suggestion)}?)"
            return [(path, message)]
        what = schema.get("description") or f"the pattern {error.validator_value}"
        return [(path, f"{self.short(instance)} is not valid here: {what}")]

    def alternatives_message(self, error, path, schema, context):
        instance = error.instance
        custom = schema.get("errorMessage")
        branches = [branch for branch in error.validator_value if isinstance(branch, dict)]
        only_required = all(set(branch) - {"description"} == {"required"} for branch in branches)
        if custom:
            if context and isinstance(instance, dict) and not only_required:
                details = [sub for sub in context if sub.validator not in ("type", "oneOf", "anyOf")]
                if details:
                    detail = self.explain(best_match(details))[0][1]
                    return [(path, f"{custom}: {detail}")]
            if not context and isinstance(instance, dict):
                # More than one alternative matched: name the keys that collide.
                keys = [name for branch in branches for name in branch.get("required", []) if name in instance]
                if len(keys) > 1:
                    return [(path, f"{custom} (found " + " and ".join(keys) + ")")]
            return [(path, custom)]
        if not context:
            return [(path, "matches more than one of the alternatives; exactly one is allowed")]
        return self.explain(best_match(context))

    def on_not(self, error, path, schema):
        return [(path, "this value is not allowed here")]

    def on_minLength(self, error, path, schema):
        return [(path, "must not be empty")]


class Checker:
    def __init__(self, schema_path):
        self.validator = schema_messages.load_validator(schema_path, "check-kommun-schema")
        self.explainer = KommunExplainer()

    def check(self, path):
        """Return a list of error lines (without the file name); empty when valid."""
        try:
            document, positions = load(path)
        except LoadError as error:
            return [error.line_text()]

        def line(where, message):
            position = position_of(positions, where) if positions is not None else None
            suffix = f" (line {position[0]})" if position else ""
            return f"{format_path(where)}: {message}{suffix}"

        return schema_messages.error_lines(
            self.validator, document, self.explainer,
            lambda item: [str(part) for part in item[0]], line,
        )


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
        return schema_messages.report_invalid(args.files, checker.check, expectations, name_failures=True)
    return schema_messages.report_valid(args.files, checker.check)


if __name__ == "__main__":
    sys.exit(main())
