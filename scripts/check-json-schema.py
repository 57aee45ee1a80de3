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
import difflib
import json
import os
import sys

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

MAX_FILE_BYTES = 64 * 1024 * 1024


class LoadError(Exception):
    """A file that cannot be read as JSON at all."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


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
    try:
        size = os.path.getsize(path)
    except OSError as error:
        raise LoadError(f"cannot read the file: {error.strerror}")
    if size > MAX_FILE_BYTES:
        raise LoadError(f"the file is {size} bytes, more than the limit of {MAX_FILE_BYTES} bytes")
    try:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8")
    except UnicodeDecodeError as error:
        raise LoadError(f"the file is not UTF-8: {error.reason} at byte {error.start}")
    except OSError as error:
        raise LoadError(f"cannot read the file: {error.strerror}")
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


def short(value, limit=60):
    if isinstance(value, dict):
        keys = ", ".join(str(key) for key in list(value)[:4])
        return "{" + keys + (", …" if len(value) > 4 else "") + "}"
    if isinstance(value, list):
        return f"an array of {len(value)}"
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return json.dumps(text, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "object": "an object",
    "array": "an array",
    "null": "null",
}


def what(schema):
    """A short name for what a schema describes: its title, else its description."""
    if not isinstance(schema, dict):
        return ""
    return schema.get("title") or schema.get("description") or ""


def explain(error):
    """Turn one jsonschema error into a list of (path, message)."""
    path = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    validator = error.validator
    instance = error.instance

    if validator == "additionalProperties" and isinstance(instance, dict):
        known = list(schema.get("properties", {}))
        out = []
        for key in instance:
            if key in known:
                continue
            message = f"unknown key {short(key)}"
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if close:
                message += f" (did you mean {short(close[0])}?)"
            elif known:
                message += " (known keys: " + ", ".join(known) + ")"
            out.append((path + [key], message))
        return out or [(path, error.message)]

    if validator == "required":
        names = [name for name in error.validator_value if isinstance(instance, dict) and name not in instance]
        return [(path, f"missing required key {short(name)}") for name in names] or [(path, error.message)]

    if validator == "dependentRequired" and isinstance(instance, dict):
        out = []
        for key, needed in error.validator_value.items():
            if key in instance:
                for name in needed:
                    if name not in instance:
                        out.append((path, f"key {short(key)} needs key {short(name)} too"))
        return out or [(path, error.message)]

    if validator == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(TYPE_NAMES.get(name, name) for name in expected)
        message = f"expected {wanted}, found {json_type(instance)}"
        if not isinstance(instance, (dict, list)) and instance is not None:
            message += f" {short(instance)}"
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
        name = what(schema)
        message = f"{short(instance)} does not match {error.validator_value}"
        if schema.get("title"):
            message += f" ({schema['title']})"
        elif name:
            message += f": {name}"
        return [(path, message)]

    if validator == "format":
        return [(path, f"{short(instance)} is not a valid {error.validator_value}")]

    if validator in ("anyOf", "oneOf"):
        context = list(error.context or [])
        deeper = [sub for sub in context if len(sub.absolute_path) > len(error.absolute_path)]
        if deeper:
            return explain(best_match(deeper))
        name = what(schema)
        if not context:
            return [(path, "matches more than one of the alternatives; exactly one is allowed")]
        if name:
            return [(path, f"{short(instance)} is not valid: expected {name[0].lower() + name[1:]}")]
        return explain(best_match(context))

    if validator == "not":
        negated = error.validator_value if isinstance(error.validator_value, dict) else {}
        forbidden = list(negated.get("required", []))
        for branch in negated.get("anyOf", []):
            if isinstance(branch, dict):
                forbidden += branch.get("required", [])
        present = [name for name in forbidden if isinstance(instance, dict) and name in instance]
        reason = schema.get("description", "")
        if present:
            message = "key " + " and ".join(short(name) for name in present) + " is not allowed here"
            return [(path, message + (f": {reason}" if reason else ""))]
        return [(path, "this value is not allowed here" + (f": {reason}" if reason else ""))]

    if validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        words = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "greater than",
            "exclusiveMaximum": "less than",
        }[validator]
        return [(path, f"{short(instance)} must be {words} {error.validator_value}")]

    if validator == "minItems":
        return [(path, f"has {len(instance)} items, must have at least {error.validator_value}")]
    if validator == "maxItems":
        return [(path, f"has {len(instance)} items, must have at most {error.validator_value}")]
    if validator == "uniqueItems":
        return [(path, "items must be unique")]
    if validator == "minLength":
        return [(path, "must not be empty" if error.validator_value == 1
                 else f"must be at least {error.validator_value} characters")]

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
            sys.stderr.write(f"check-json-schema: cannot read the schema {schema_path}: {error}\n")
            sys.exit(2)
        try:
            Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            sys.stderr.write(f"check-json-schema: {schema_path} is not a valid JSON Schema: {error.message}\n")
            sys.exit(2)
        self.validator = Draft202012Validator(
            schema, format_checker=Draft202012Validator.FORMAT_CHECKER
        )

    def check(self, path):
        """Return a list of error lines (without the file name); empty when valid."""
        try:
            document = load(path)
        except LoadError as error:
            return [f"(file): {error.message}"]
        found = []
        for error in self.validator.iter_errors(document):
            found.extend(explain(error))
        lines = []
        seen = set()
        def order(item):
            return [(0, part, "") if isinstance(part, int) else (1, 0, str(part)) for part in item[0]]

        for where, message in sorted(found, key=order):
            line = f"{pointer(where)}: {message}"
            if line not in seen:
                seen.add(line)
                lines.append(line)
        return lines


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
        expected = args.expect_error
        rejected, accepted, wrong_reason = 0, [], []
        for path in args.files:
            errors = checker.check(path)
            if not errors:
                accepted.append(path)
                print(f"{path}: WRONGLY ACCEPTED: the schema should reject this file")
                continue
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
