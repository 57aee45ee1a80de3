"""The API against schemas/openapi.yaml with schemathesis: generated requests (valid and invalid bodies,
parameters, media types, missing and bad auth) against the running server; no 5xx, and every response
conforms to the spec (status code, content type, headers, body schema)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, Web

SPEC = ROOT / "schemas/openapi.yaml"
CONFIG = ROOT / "Tests/Web/schemathesis.toml"


def test_api_has_no_5xx_and_every_response_conforms_to_openapi_spec_under_schemathesis_all_checks(web: Web):
    command = [
        # The installed package's command, through this Python (a --user install's script may not be on PATH).
        sys.executable, "-c", "from schemathesis.cli import schemathesis; schemathesis(prog_name='schemathesis')",
        "--config-file", str(CONFIG), "--no-color", "run", str(SPEC),
        "--url", web.url,
        "--header", f"Authorization: Bearer {web.tokens['lysekil']}",
        "--checks", "all",
        "--max-examples", os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "40"),
        "--seed", "13",
        "--workers", "1",
        "--generation-database", "none",
        "--request-timeout", "30",
        "--report-dir", str(web.work / "schemathesis-report"),
    ]
    # The hooks module (a serializer for JSON Lines bodies) is found on PYTHONPATH.
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "schemathesis_hooks",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "Tests/Web"), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, cwd=web.work, env=env)
    output = result.stdout + result.stderr
    print(output)
    assert result.returncode == 0, f"schemathesis found problems (exit {result.returncode}):\n{output[-12000:]}"
    assert "No issues found" in output or " passed" in output, output[-3000:]
