"""Readable messages for JSON Schema errors, shared by the schema checkers.

scripts/check-json-schema.py (JSON files such as lägesbilder) and
scripts/check-kommun-schema.py (kommun YAML files) both validate with the
Python `jsonschema` package (draft 2020-12) and word its errors the same way:
`Explainer` turns one jsonschema ValidationError into (path, message) pairs,
and the helpers below load the schema, read a file, order the error lines and
print the verdicts. `Explainer` words things for JSON; a checker subclasses it
to change the nouns or the message for one keyword.

Import it after jsonschema (each checker reports a missing jsonschema itself),
with the script's own lib folder on sys.path:

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "lib"))
    import schema_messages
"""

import difflib
import json
import os
import sys

import jsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match


class LoadError(Exception):
    """A file that cannot be read at all, so no schema check can run (line and column 1-based, if known)."""

    def __init__(self, message, line=None, column=None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def line_text(self):
        """The error line for the file: `(file): message`, with the position when known."""
        where = f" (line {self.line}, column {self.column})" if self.line else ""
        return f"(file): {self.message}{where}"


def read_utf8(path, max_bytes, limit):
    """The text of a file, refusing one larger than max_bytes (`limit` words it) or not UTF-8."""
    try:
        size = os.path.getsize(path)
    except OSError as error:
        raise LoadError(f"cannot read the file: {error.strerror}")
    if size > max_bytes:
        raise LoadError(f"the file is {size} bytes, more than the limit of {limit}")
    try:
        with open(path, "rb") as handle:
            return handle.read().decode("utf-8")
    except UnicodeDecodeError as error:
        raise LoadError(f"the file is not UTF-8: {error.reason} at byte {error.start}")
    except OSError as error:
        raise LoadError(f"cannot read the file: {error.strerror}")


def load_validator(schema_path, prog):
    """A draft 2020-12 validator with format checking; exits 2 if the schema cannot be read or is invalid."""
    try:
        with open(schema_path, encoding="utf-8") as handle:
            schema = json.load(handle)
    except (OSError, ValueError) as error:
        sys.stderr.write(f"{prog}: cannot read the schema {schema_path}: {error}\n")
        sys.exit(2)
    try:
        Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        sys.stderr.write(f"{prog}: {schema_path} is not a valid JSON Schema: {error.message}\n")
        sys.exit(2)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def error_lines(validator, document, explainer, order, render):
    """Every error of the document as one line, render(path, message), sorted by order((path, message)),
    each line once."""
    found = []
    for error in validator.iter_errors(document):
        found.extend(explainer.explain(error))
    lines = []
    seen = set()
    for where, message in sorted(found, key=order):
        line = render(where, message)
        if line not in seen:
            seen.add(line)
            lines.append(line)
    return lines


# jsonschema keywords that share one method of Explainer; any other keyword K is worded by on_K, if any.
SHARED_METHODS = {
    "anyOf": "alternatives",
    "oneOf": "alternatives",
    "minimum": "bound",
    "maximum": "bound",
    "exclusiveMinimum": "bound",
    "exclusiveMaximum": "bound",
}

BOUND_WORDS = {
    "minimum": "at least",
    "maximum": "at most",
    "exclusiveMinimum": "greater than",
    "exclusiveMaximum": "less than",
}


def what(schema):
    """A short name for what a schema describes: its title, else its description."""
    if not isinstance(schema, dict):
        return ""
    return schema.get("title") or schema.get("description") or ""


class Explainer:
    """Turns jsonschema errors into (path, message) pairs, worded for JSON.

    A keyword K is worded by the method on_K (or the one SHARED_METHODS names),
    called as on_K(error, path, schema); a keyword with no method, or whose
    method returns None, gets jsonschema's own message, cut to 200 characters.
    """

    # short(): how a list is shown ("an array of 3").
    list_noun = "an array"
    # What a `type` asks for, by JSON Schema type name.
    type_names = {
        "string": "a string",
        "integer": "an integer",
        "number": "a number",
        "boolean": "true or false",
        "object": "an object",
        "array": "an array",
        "null": "null",
    }
    # What a value was found to be, by JSON Schema type name (integer and number both "number").
    found_names = {
        "null": "null",
        "boolean": "a boolean",
        "number": "a number",
        "string": "a string",
        "array": "an array",
        "object": "an object",
    }

    def short(self, value, limit=60):
        if isinstance(value, dict):
            keys = ", ".join(str(key) for key in list(value)[:4])
            return "{" + keys + (", …" if len(value) > 4 else "") + "}"
        if isinstance(value, list):
            return f"{self.list_noun} of {len(value)}"
        if isinstance(value, str):
            text = value if len(value) <= limit else value[: limit - 1] + "…"
            return json.dumps(text, ensure_ascii=False)
        return json.dumps(value, ensure_ascii=False)

    def found(self, value):
        """What kind of value this is, in found_names' words."""
        if value is None:
            kind = "null"
        elif isinstance(value, bool):
            kind = "boolean"
        elif isinstance(value, (int, float)):
            kind = "number"
        elif isinstance(value, str):
            kind = "string"
        elif isinstance(value, list):
            kind = "array"
        else:
            kind = "object"
        return self.found_names[kind]

    def explain(self, error):
        """Turn one jsonschema error into a list of (path, message)."""
        path = list(error.absolute_path)
        schema = error.schema if isinstance(error.schema, dict) else {}
        method = getattr(self, "on_" + SHARED_METHODS.get(error.validator, error.validator), None)
        out = method(error, path, schema) if method is not None else None
        if out is not None:
            return out
        message = error.message
        if len(message) > 200:
            message = message[:199] + "…"
        return [(path, message)]

    def similar_key(self, key, known):
        """The known keys to suggest for an unknown one (at most one)."""
        return difflib.get_close_matches(key, known, n=1, cutoff=0.6)

    def type_hint(self, expected, instance):
        """Text to add to a `type` error's message, after the value found."""
        return ""

    def on_additionalProperties(self, error, path, schema):
        if not isinstance(error.instance, dict):
            return None
        known = list(schema.get("properties", {}))
        out = []
        for key in error.instance:
            if key in known:
                continue
            message = f"unknown key {self.short(key)}"
            close = self.similar_key(key, known)
            if close:
                message += f" (did you mean {self.short(close[0])}?)"
            elif known:
                message += " (known keys: " + ", ".join(known) + ")"
            out.append((path + [key], message))
        return out or [(path, error.message)]

    def on_required(self, error, path, schema):
        instance = error.instance
        names = [name for name in error.validator_value if isinstance(instance, dict) and name not in instance]
        return [(path, f"missing required key {self.short(name)}") for name in names] or [(path, error.message)]

    def on_dependentRequired(self, error, path, schema):
        if not isinstance(error.instance, dict):
            return None
        out = []
        for key, needed in error.validator_value.items():
            if key in error.instance:
                for name in needed:
                    if name not in error.instance:
                        out.append((path, f"key {self.short(key)} needs key {self.short(name)} too"))
        return out or [(path, error.message)]

    def on_type(self, error, path, schema):
        instance = error.instance
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(self.type_names.get(name, name) for name in expected)
        message = f"expected {wanted}, found {self.found(instance)}"
        if not isinstance(instance, (dict, list)) and instance is not None:
            message += f" {self.short(instance)}"
        return [(path, message + self.type_hint(expected, instance))]

    def on_enum(self, error, path, schema):
        instance = error.instance
        options = [str(option) for option in error.validator_value]
        message = f"{self.short(instance)} is not one of: " + ", ".join(options)
        if isinstance(instance, str):
            close = difflib.get_close_matches(instance, options, n=1, cutoff=0.6)
            if close:
                message += f" (did you mean {self.short(close[0])}?)"
        return [(path, message)]

    def on_const(self, error, path, schema):
        return [(path, f"must be {self.short(error.validator_value)}, found {self.short(error.instance)}")]

    def on_pattern(self, error, path, schema):
        name = what(schema)
        message = f"{self.short(error.instance)} does not match {error.validator_value}"
        if schema.get("title"):
            message += f" ({schema['title']})"
        elif name:
            message += f": {name}"
        return [(path, message)]

    def on_format(self, error, path, schema):
        return [(path, f"{self.short(error.instance)} is not a valid {error.validator_value}")]

    def on_alternatives(self, error, path, schema):
        """anyOf and oneOf: the best error of a branch that got deeper into the value, else
        alternatives_message."""
        context = list(error.context or [])
        deeper = [sub for sub in context if len(sub.absolute_path) > len(error.absolute_path)]
        if deeper:
            return self.explain(best_match(deeper))
        return self.alternatives_message(error, path, schema, context)

    def alternatives_message(self, error, path, schema, context):
        """anyOf or oneOf where no branch got deeper into the value; context lists the branches' errors
        (none: more than one branch matched)."""
        name = what(schema)
        if not context:
            return [(path, "matches more than one of the alternatives; exactly one is allowed")]
        if name:
            return [(path, f"{self.short(error.instance)} is not valid: expected {name[0].lower() + name[1:]}")]
        return self.explain(best_match(context))

    def on_not(self, error, path, schema):
        instance = error.instance
        negated = error.validator_value if isinstance(error.validator_value, dict) else {}
        forbidden = list(negated.get("required", []))
        for branch in negated.get("anyOf", []):
            if isinstance(branch, dict):
                forbidden += branch.get("required", [])
        present = [name for name in forbidden if isinstance(instance, dict) and name in instance]
        reason = schema.get("description", "")
        if present:
            message = "key " + " and ".join(self.short(name) for name in present) + " is not allowed here"
            return [(path, message + (f": {reason}" if reason else ""))]
        return [(path, "this value is not allowed here" + (f": {reason}" if reason else ""))]

    def on_bound(self, error, path, schema):
        words = BOUND_WORDS[error.validator]
        return [(path, f"{self.short(error.instance)} must be {words} {error.validator_value}")]

    def on_minItems(self, error, path, schema):
        return [(path, f"has {len(error.instance)} items, must have at least {error.validator_value}")]

    def on_maxItems(self, error, path, schema):
        return [(path, f"has {len(error.instance)} items, must have at most {error.validator_value}")]

    def on_uniqueItems(self, error, path, schema):
        return [(path, "items must be unique")]

    def on_minLength(self, error, path, schema):
        return [(path, "must not be empty" if error.validator_value == 1
                 else f"must be at least {error.validator_value} characters")]


def report_valid(files, check):
    """Every file must be valid: prints `FILE: ok` or `FILE: error` lines, then a count; returns the exit status."""
    passed, failed = 0, 0
    for path in files:
        errors = check(path)
        if errors:
            failed += 1
            for line in errors:
                print(f"{path}: {line}")
        else:
            passed += 1
            print(f"{path}: ok")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def report_invalid(files, check, expected_for, name_failures=False):
    """Every file must be rejected, and, where expected_for(path) lists texts, for exactly those reasons:
    each text must occur in one of its errors and each error must contain one of them. Prints a verdict
    a file and a count (with name_failures, also the files that failed); returns the exit status."""
    rejected, accepted, wrong_reason = 0, [], []
    for path in files:
        errors = check(path)
        if not errors:
            accepted.append(path)
            print(f"{path}: WRONGLY ACCEPTED: the schema should reject this file")
            continue
        expected = expected_for(path)
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
    if name_failures and accepted:
        print("wrongly accepted: " + " ".join(accepted))
    if name_failures and wrong_reason:
        print("rejected for the wrong reason: " + " ".join(wrong_reason))
    return 1 if accepted or wrong_reason else 0
