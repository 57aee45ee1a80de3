"""schemathesis hooks for test_schemathesis.py: a serializer for JSON Lines bodies (schemathesis has none of
its own), so generated report deliveries are sent in all three media types the API takes."""

from __future__ import annotations

import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    """The generated body as it is when it is text (the schema's type), else as one JSON line."""
    if isinstance(value, bytes):
        return {"data": value}
    if isinstance(value, str):
        return {"data": value.encode("utf-8")}
    return {"data": (json.dumps(value, ensure_ascii=False) + "\n").encode("utf-8")}
