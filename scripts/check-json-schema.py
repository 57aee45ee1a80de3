#!/usr/bin/env python3
"""Check JSON files against a JSON Schema (draft 2020-12), such as schemas/lagesbild.schema.json.

This is an independent check of a published JSON Schema: it uses the Python
`jsonschema` package (Draft202012Validator, with format checking), not the
platform's own (Swift) code.

Usage:
    python3 scripts/check-json-schema.py SCHEMA FILE...
        Every FILE must be valid. Prints every error as `FILE: PATH: message`,
        where PATH is a JSON Pointer (/cells/3/status) or `(top level)`, then a
        final line `N passed, M failed`; exits 1 if any file fails.
    python3 scripts/check-json-schema.py --expect-invalid [--expect-error TEXT]... SCHEMA FILE...
        Every FILE must be rejected. Exits 1 if any FILE is accepted. With
        `--expect-error TEXT` (repeatable), every TEXT must occur in one of a
        file's errors, and every error must contain one of the TEXTs, else the
        file counts as rejected for the wrong reason (exit 1).

Files are read strictly: UTF-8, one JSON value, no duplicate keys, no NaN or
Infinity.

Exit status: 0 success, 1 check failed, 2 usage error or missing tools.
"""

import argparse
import json
import os
import sys

# schema_messages works with these; imported here first, so that a missing (or too old) jsonschema is
# reported plainly.
try:
    import jsonschema
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError as error:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        f"check-json-schema: {error}\n"
        "  install it with: python3 -m pip install jsonschema\n"
    )
    sys.exit(2)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "lib"))
import schema_messages  # noqa: E402 - needs the lib folder on sys.path
from schema_messages import LoadError  # noqa: E402

MAX_FILE_BYTES = 64 * 1024 * 1024


def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise LoadError(f"duplicate key {json.dumps(key, ensure_ascii=False)} in one object")
        seen[key] = value
    return seen


def no_constants(name):
    raise LoadError(f"{name} is not JSON")


def load(path):
    text = schema_messages.read_utf8(path, MAX_FILE_BYTES, f"{MAX_FILE_BYTES} bytes")
    if text.startswith("\ufeff"):
        raise LoadError("the file starts with a byte order mark")
    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constants)
    except json.JSONDecodeError as error:
        raise LoadError(f"not JSON: {error.msg} (line {error.lineno}, column {error.colno})")
    except RecursionError:
        raise LoadError("the document is nested too deeply")


def pointer(path):
    """A JSON Pointer (RFC 6901) for a jsonschema path, or `(top level)`."""
    parts = [str(part).replace("~", "~0").replace("/", "~1") for part in path]
    return "/" + "/".join(parts) if parts else "(top level)"


def order(item):
    """Sort key for (path, message): array indices in numeric order, before keys."""
    return [(0, part, "") if isinstance(part, int) else (1, 0, str(part)) for part in item[0]]


class Checker:
    def __init__(self, schema_path):
        self.validator = schema_messages.load_validator(schema_path, "check-json-schema")
        self.explainer = schema_messages.Explainer()

    def check(self, path):
        """Return a list of error lines (without the file name); empty when valid."""
        try:
            document = load(path)
        except LoadError as error:
            return [error.line_text()]
        return schema_messages.error_lines(
            self.validator, document, self.explainer, order,
            lambda where, message: f"{pointer(where)}: {message}",
        )


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="check-json-schema.py",
        description="Validate JSON files against a JSON Schema (draft 2020-12) with the Python jsonschema package.",
    )
    parser.add_argument("schema", metavar="SCHEMA", help="the JSON Schema, e.g. schemas/lagesbild.schema.json")
    parser.add_argument("files", nargs="+", metavar="FILE", help="JSON files to check")
    parser.add_argument(
        "--expect-invalid",
        action="store_true",
        help="succeed only if every FILE is rejected (for tampered or malformed test files)",
    )
    parser.add_argument(
        "--expect-error",
        action="append",
        default=[],
        metavar="TEXT",
        help="with --expect-invalid: every TEXT must occur in one of each file's errors, and every error "
             "must contain one of the TEXTs (repeatable)",
    )
    args = parser.parse_args(argv)
    if args.expect_error and not args.expect_invalid:
        parser.error("--expect-error goes with --expect-invalid")

    checker = Checker(os.path.normpath(args.schema))

    if args.expect_invalid:
        return schema_messages.report_invalid(args.files, checker.check, lambda path: args.expect_error)
    return schema_messages.report_valid(args.files, checker.check)


if __name__ == "__main__":
    sys.exit(main())
