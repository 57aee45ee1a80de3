"""The JSON API as a delivering system uses it, against `platform-cli ingest` of the same file."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from conftest import PERSONNUMMER, Web, cli, parse_csv, sql_text

REPORTS = "/api/v1/kommuner/lysekil/reports"


def ingest_counts(file: Path, store: Path) -> tuple[int, int, int]:
    """`platform-cli ingest lysekil FILE` on `store`: its line "FILE: N new, N revised, N unchanged"."""
    out = cli("ingest", "lysekil", str(file), "--store", str(store)).stdout
    match = re.search(r": (\d+) new, (\d+) revised, (\d+) unchanged", out)
    assert match, f"no summary line in ingest's output:\n{out}"
    return int(match[1]), int(match[2]), int(match[3])


def ingest_refused_lines(file: Path, store: Path) -> set[int]:
    """The lines `platform-cli ingest` refuses in FILE (it must refuse it and store nothing)."""
    result = cli("ingest", "lysekil", str(file), "--store", str(store), check=False)
    assert result.returncode == 1, f"ingest accepted the bad file:\n{result.stdout}{result.stderr}"
    text = result.stdout + result.stderr
    return {int(n) for n in re.findall(rf"{re.escape(file.name)}:(\d+): error:", text)}


def stored_rows(web: Web, kommun: str) -> int:
    return web.count(f"SELECT count(*) FROM reports WHERE kommun = {sql_text(kommun)}")


def post_csv(web: Web, body: str, token: str | None = None):
    return web.api(token or web.tokens["lysekil"]).post(
        web.url + REPORTS, data=body.encode("utf-8"), headers={"Content-Type": "text/csv"}, timeout=60)


def summary_of(answer) -> dict:
    assert answer.headers.get("Content-Type", "").startswith("application/json"), answer.headers
    summary = answer.json()
    for key in ("source", "stored", "corrected", "unchanged", "withdrawn", "refused", "committed"):
        assert key in summary, f"the import summary has no {key!r}: {summary}"
    return summary


def simulated_file(work: Path, name: str, seed: int) -> Path:
    file = work / name
    cli("simulate", "lysekil", "--from", "2026-11-09", "--to", "2026-11-22", "--seed", str(seed), "--out", str(file))
    return file


def test_post_csv_summary_equals_ingest_counts_and_repost_is_unchanged_and_correction_is_revised(web: Web):
    file = simulated_file(web.work, "api-lysekil.csv", 21)
    fresh = web.work / "fresh-ingest.sqlite"
    new, revised, unchanged = ingest_counts(file, fresh)
    assert new > 50, f"the simulated file holds only {new} rows"

    first = post_csv(web, file.read_text(encoding="utf-8"))
    assert first.status_code == 200, first.text
    summary = summary_of(first)
    assert (summary["stored"], summary["corrected"], summary["unchanged"]) == (new, revised, unchanged), summary
    assert summary["refused"] == [] and summary["committed"] is True, summary

    again = summary_of(post_csv(web, file.read_text(encoding="utf-8")))
    assert (again["stored"], again["corrected"], again["unchanged"]) == (0, 0, new), again
    assert again["committed"] is True

    # One row's value changed under the same reporter and id: a correction, for the API as for ingest.
    rows = list(csv.reader(io.StringIO(file.read_text(encoding="utf-8"))))
    header = rows[0]
    value, ident, indicator = header.index("value"), header.index("id"), header.index("indicator")
    target = next(r for r in rows[1:] if r[ident] and r[indicator] != "otrygg-plats" and r[value])
    target[value] = str(int(target[value]) + 5)
    corrected = web.work / "api-lysekil-corrected.csv"
    with open(corrected, "w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    expected = ingest_counts(corrected, fresh)
    assert expected == (0, 1, new - 1), expected
    third = summary_of(post_csv(web, corrected.read_text(encoding="utf-8")))
    assert (third["stored"], third["corrected"], third["unchanged"]) == expected, third


def test_post_json_and_ndjson_of_stored_rows_are_unchanged_and_new_json_rows_are_stored(web: Web):
    file = simulated_file(web.work, "api-json.csv", 22)
    rows = [{k: v for k, v in row.items() if v != ""} for row in csv.DictReader(io.StringIO(file.read_text(encoding="utf-8")))]
    api = web.api(web.tokens["lysekil"])
    first = api.post(web.url + REPORTS, data=json.dumps(rows), headers={"Content-Type": "application/json"}, timeout=60)
    assert first.status_code == 200, first.text
    assert summary_of(first)["stored"] == len(rows)
    ndjson = "\n".join(json.dumps(r) for r in rows) + "\n"
    second = api.post(web.url + REPORTS, data=ndjson, headers={"Content-Type": "application/x-ndjson"}, timeout=60)
    assert second.status_code == 200, second.text
    summary = summary_of(second)
    assert (summary["stored"], summary["corrected"], summary["unchanged"]) == (0, 0, len(rows)), summary


def test_post_with_a_bad_row_is_422_with_ingests_lines_and_stores_nothing(web: Web):
    base = simulated_file(web.work, "api-bad-base.csv", 23).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(base)))[:6]
    header = rows[0]
    rows[2][header.index("area")] = "atlantis"                       # line 3: an unknown area
    rows[4][header.index("note")] = f"ring {PERSONNUMMER}"           # line 5: a personnummer
    bad = web.work / "api-bad.csv"
    with open(bad, "w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    expected_lines = ingest_refused_lines(bad, web.work / "fresh-bad.sqlite")
    assert expected_lines == {3, 5}, expected_lines

    before = stored_rows(web, "lysekil")
    answer = post_csv(web, bad.read_text(encoding="utf-8"))
    assert answer.status_code == 422, answer.text
    summary = summary_of(answer)
    assert summary["committed"] is False, summary
    assert {r["line"] for r in summary["refused"]} == expected_lines, summary["refused"]
    assert all(r["problems"] for r in summary["refused"])
    assert PERSONNUMMER not in answer.text and PERSONNUMMER.replace("-", "") not in answer.text
    assert stored_rows(web, "lysekil") == before
    # Nothing was stored, and the summary says so (as `ingest` says "nothing stored").
    assert (summary["stored"], summary["corrected"], summary["unchanged"]) == (0, 0, 0), \
        f"a refused delivery's summary counts rows as stored or corrected: {summary}"


def test_api_without_token_is_401_and_other_media_type_is_415(web: Web):
    body = "date,reporter,area,indicator\n2026-11-24,polismyndigheten,kronberget,klotter\n"
    before = stored_rows(web, "lysekil")
    assert web.api(None).post(web.url + REPORTS, data=body, headers={"Content-Type": "text/csv"}, timeout=30).status_code == 401
    assert web.api("not-a-token").post(web.url + REPORTS, data=body, headers={"Content-Type": "text/csv"}, timeout=30).status_code == 401
    assert web.api(None).get(web.url + "/api/v1/kommuner/lysekil/lagesbild", timeout=30).status_code == 401
    other = web.api(web.tokens["lysekil"]).post(web.url + REPORTS, data=body, headers={"Content-Type": "text/plain"}, timeout=30)
    assert other.status_code == 415, other.text
    assert stored_rows(web, "lysekil") == before


def test_api_lagesbild_csv_equals_the_clis_csv_for_the_same_store(web: Web):
    answer = web.api(web.tokens["lysekil"]).get(
        web.url + "/api/v1/kommuner/lysekil/lagesbild", params={"period": "2026-W47", "format": "csv"}, timeout=60)
    assert answer.status_code == 200, answer.text
    out = web.work / "cli-api-lagesbild"
    cli("lagesbild", "lysekil", "--period", "2026-W47", "--format", "csv", "--store", str(web.store), "--out", str(out))
    assert parse_csv(answer.content.decode("utf-8")) == parse_csv((out / "lysekil-2026-W47.csv").read_text(encoding="utf-8"))
    as_json = web.api(web.tokens["lysekil"]).get(
        web.url + "/api/v1/kommuner/lysekil/lagesbild", params={"period": "2026-W47"}, timeout=60)
    assert as_json.status_code == 200 and as_json.json()["kommun"]["id"] == "lysekil", as_json.text[:500]
