"""Two `platform-cli serve` processes on one store, with CLI ingests into it at the same time (issue 14,
item 4: several servers, one database).

Its own store and servers, not the session server of conftest.py. The store is fresh: a new database on the
PostgreSQL cluster of $PLATFORM_TEST_POSTGRES (`postgres://ROLE@/ADMIN_DB?host=SOCKET_DIR`, the admin database
of the throwaway cluster scripts/postgres.sh starts; the role may CREATE DATABASE), dropped at the end, and a
SQLite file in a temporary folder. Which stores: $TWO_SERVERS_STORE = `sqlite`, `postgres` or `both`; unset,
SQLite and, when $PLATFORM_TEST_POSTGRES is set, PostgreSQL too. PostgreSQL asked for without
$PLATFORM_TEST_POSTGRES fails the test: it is never skipped.

The schema is made by a CLI command (`user add`) before either server starts; accounts and the API token are
made with the CLI. Then, with both servers running:
  (a) a session made by logging in on server A is valid on server B, and logging out on B ends it on A;
  (b) threads POST report submissions to both servers while `platform-cli ingest` runs of generated CSV files
      write to the same store; some ids are sent by several threads and ingests (and one file is ingested
      twice at once). Every answer is 200 and none, nor either server's log, speaks of a serialization
      failure or a deadlock. Afterwards the store's `reports` table (`store check`) holds exactly one row per
      distinct (reporter, id) sent, the summaries' "stored"/"new" counts add up to the same number (each
      row was new to exactly one delivery), nothing was counted as a correction, and the week's lägesbild
      is the same from A, from B (both had it cached before the load) and from the CLI;
  (c) both servers stop on SIGTERM with exit 0.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from conftest import (ACCOUNTS, CLI, Web, cli, csrf_of, parse_csv, postgres_database, secrets_in, start_server, stop_server,
                      store_kinds)

KOMMUN = "lysekil"
REPORTS = f"/api/v1/kommuner/{KOMMUN}/reports"
WEEK = "2026-W48"                      # PLATFORM_NOW's week: the rows below are dated in it
READER = "lysekil-reader"

# The load: THREADS threads each POST BATCHES bodies, alternating between the servers, of UNIQUE_PER_BATCH
# rows only they send and one row of the SHARED pool, which every thread and every ingest file also sends.
THREADS = 6
BATCHES = 12
UNIQUE_PER_BATCH = 4
SHARED = 12
# The ingest files: INGEST_FILES files of INGEST_ROWS rows of their own plus the whole shared pool; the first
# file is ingested twice, at the same time as the others.
INGEST_FILES = 3
INGEST_ROWS = 150

# Words that must never reach a client or a log: a serialization failure or deadlock the store did not retry.
UNRETRIED = re.compile(r"serializ|40001|40P01|deadlock|could not serialize", re.IGNORECASE)


# --- the store --------------------------------------------------------------------------------------------

@pytest.fixture(params=store_kinds("TWO_SERVERS_STORE"))
def store(request, tmp_path: Path):
    """A fresh, empty store of the parametrised kind: a SQLite file path or a postgres:// URL."""
    if not CLI.is_file():
        pytest.fail(f"{CLI} is missing: build it first (swift build) or set PLATFORM_CLI")
    if request.param == "sqlite":
        yield str(tmp_path / "platform.sqlite")
        return
    with postgres_database("t_two_servers") as url:
        yield url


def stored_reports(store: str) -> int:
    """The rows of table `reports` as `platform-cli store check` counts them (every stored report, one row
    per kommun, reporter and id; a correction replaces the row, keeping the old one in report_revisions)."""
    out = cli("store", "check", "--store", store, "--lang", "en").stdout
    match = re.search(r"^reports\s+(\d+)\s*$", out, re.MULTILINE)
    assert match, f"store check printed no row count for table reports:\n{out}"
    return int(match[1])


# --- the servers ------------------------------------------------------------------------------------------

@pytest.fixture
def servers(store: str, tmp_path: Path):
    """The schema, a reader and an API token made with the CLI, then servers A and B on the store."""
    reader = ACCOUNTS[READER]
    cli("user", "add", reader.login, "--name", "Lysekil Läsare", "--kommun", reader.kommun, "--role", reader.role,
        "--password-stdin", "--store", store, input=reader.password + "\n")
    token_lines = cli("token", "add", KOMMUN, "--name", "two-servers", "--store", store).stdout.split()
    assert token_lines, "token add printed nothing"
    tokens = {KOMMUN: token_lines[-1]}
    assert stored_reports(store) == 0

    started: list[Web] = []
    try:
        for name in ("a", "b"):
            log = tmp_path / f"server-{name}.log"
            process, url = start_server(store, log)
            started.append(Web(url=url, store=store, work=tmp_path, log=log, process=process, tokens=tokens))
        yield started
    finally:
        for web in started:
            if web.process.poll() is None:
                web.process.kill()
                web.process.wait()


# --- (a) sessions ------------------------------------------------------------------------------------------

def reader_page(web: Web, cookie: str) -> requests.Response:
    """The reader's lägesbild page on `web` with exactly this Cookie header (no cookie jar in between)."""
    return requests.get(f"{web.url}/k/{KOMMUN}/lagesbild", params={"period": WEEK}, headers={"Cookie": cookie},
                        allow_redirects=False, timeout=60)


def check_sessions_are_shared(a: Web, b: Web) -> None:
    token = a.login(READER).cookies.get("session")
    assert token, "logging in on A set no session cookie"
    cookie = f"session={token}"
    assert reader_page(a, cookie).status_code == 200, "the reader page on A does not open after logging in on A"
    on_b = reader_page(b, cookie)
    assert on_b.status_code == 200, \
        f"a session made on server A is not valid on server B: the reader page answered {on_b.status_code}"

    out = requests.post(f"{b.url}/logout", data={"csrf": csrf_of(on_b.text)}, headers={"Cookie": cookie},
                        allow_redirects=False, timeout=60)
    assert out.status_code == 303, f"logging out on B answered {out.status_code}"
    # The old cookie, as a browser elsewhere (or a thief) might still hold it, no longer opens anything on A.
    after = reader_page(a, cookie)
    assert after.status_code == 303 and after.headers.get("Location", "").startswith("/login"), \
        f"after logging out on B, the old session cookie still opens the reader page on A ({after.status_code})"


# --- (b) submissions and ingests at once ---------------------------------------------------------------------

def report_row(ident: str, minute: int) -> dict:
    """A report of Lysekil's police, dated in WEEK; `minute` varies the time so rows differ in content too."""
    return {"date": "2026-11-24", "time": f"{minute // 60 % 24:02d}:{minute % 60:02d}", "reporter": "polismyndigheten",
            "area": "norra-hamnen", "indicator": "klotter", "value": 1 + minute % 3, "place": "vid färjeläget", "id": ident}


def shared_row(n: int) -> dict:
    return report_row(f"shared-{n}", 600 + n)


def api_batches(thread: int) -> list[list[dict]]:
    return [[report_row(f"api-{thread}-{batch}-{k}", thread * 97 + batch * 7 + k) for k in range(UNIQUE_PER_BATCH)]
            + [shared_row((thread + batch) % SHARED)] for batch in range(BATCHES)]


def write_ingest_file(path: Path, number: int) -> list[dict]:
    rows = [report_row(f"ingest-{number}-{n}", 300 + number * 11 + n) for n in range(INGEST_ROWS)]
    rows += [shared_row(n) for n in range(SHARED)]
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=["date", "time", "reporter", "area", "indicator", "value", "place", "id"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


@dataclass
class Answer:
    server: str
    status: int
    text: str


def post_batches(servers: list[Web], thread: int, start: threading.Barrier) -> list[Answer]:
    api = servers[0].api(servers[0].tokens[KOMMUN])      # one keep-alive session per server and thread
    apis = [api, servers[1].api(servers[1].tokens[KOMMUN])]
    answers = []
    start.wait()
    for batch, rows in enumerate(api_batches(thread)):
        which = (thread + batch) % 2
        try:
            answer = apis[which].post(servers[which].url + REPORTS, data=json.dumps(rows),
                                      headers={"Content-Type": "application/json"}, timeout=120)
            answers.append(Answer("AB"[which], answer.status_code, answer.text))
        except requests.RequestException as error:
            answers.append(Answer("AB"[which], 0, f"{type(error).__name__}: {error}"))
    return answers


def ingest(store: str, file: Path, start: threading.Barrier) -> subprocess.CompletedProcess[str]:
    start.wait()
    return cli("ingest", KOMMUN, str(file), "--store", store, check=False)


def api_lagesbild(web: Web) -> list[list[str]]:
    answer = web.api(web.tokens[KOMMUN]).get(web.url + f"/api/v1/kommuner/{KOMMUN}/lagesbild",
                                               params={"period": WEEK, "format": "csv"}, timeout=120)
    assert answer.status_code == 200, f"the lägesbild through the API answered {answer.status_code}: {answer.text[:500]}"
    return parse_csv(answer.content.decode("utf-8"))


def check_concurrent_writes(servers: list[Web], store: str, work: Path) -> None:
    # Both servers compile (and cache) the week's lägesbild before the load, so that afterwards each must
    # notice the other's and the CLI's writes.
    before = [api_lagesbild(web) for web in servers]
    assert before[0] == before[1]

    files = [work / f"ingest-{n}.csv" for n in range(INGEST_FILES)]
    sent: set[str] = set()
    rows_sent = 0
    for number, file in enumerate(files):
        rows = write_ingest_file(file, number)
        sent.update(row["id"] for row in rows)
    ingest_runs = files + files[:1]                     # the first file twice, at the same time
    rows_sent += sum(INGEST_ROWS + SHARED for _ in ingest_runs)
    for thread in range(THREADS):
        for rows in api_batches(thread):
            sent.update(row["id"] for row in rows)
            rows_sent += len(rows)

    start = threading.Barrier(THREADS + len(ingest_runs))
    with ThreadPoolExecutor(max_workers=THREADS + len(ingest_runs)) as pool:
        posting = [pool.submit(post_batches, servers, thread, start) for thread in range(THREADS)]
        ingesting = [pool.submit(ingest, store, file, start) for file in ingest_runs]
        answers = [answer for future in posting for answer in future.result()]
        runs = [future.result() for future in ingesting]

    failed = [f"{a.server}: {a.status} {a.text[:300]}" for a in answers if a.status != 200]
    assert not failed, f"{len(failed)} of {len(answers)} submissions did not answer 200:\n" + "\n".join(failed[:10])
    unretried = [f"{a.server}: {a.text[:300]}" for a in answers if UNRETRIED.search(a.text)]
    assert not unretried, "answers speak of a serialization failure or deadlock:\n" + "\n".join(unretried[:10])
    for file, run in zip(ingest_runs, runs):
        output = run.stdout + run.stderr
        assert run.returncode == 0, f"ingest of {file.name} exited {run.returncode}:\n{output}"
        assert not UNRETRIED.search(output), f"ingest of {file.name} speaks of a serialization failure or deadlock:\n{output}"
    for web in servers:
        assert not UNRETRIED.search(web.log_text()), \
            f"the log of {web.url} speaks of a serialization failure or deadlock:\n{web.log_text()[-4000:]}"

    # Each row was new to exactly one delivery, and nothing was taken for a correction (a shared row is the
    # same in every delivery).
    summaries = [json.loads(a.text) for a in answers]
    assert all(s["committed"] and not s["refused"] for s in summaries), "a submission was refused or not committed"
    ingested = []
    for file, run in zip(ingest_runs, runs):
        match = re.search(rf"{re.escape(file.name)}: (\d+) new, (\d+) revised, (\d+) unchanged", run.stdout)
        assert match, f"no summary line in ingest's output:\n{run.stdout}"
        ingested.append(tuple(int(n) for n in match.groups()))
    new = sum(s["stored"] for s in summaries) + sum(n for n, _, _ in ingested)
    revised = sum(s["corrected"] for s in summaries) + sum(r for _, r, _ in ingested)
    unchanged = sum(s["unchanged"] for s in summaries) + sum(u for _, _, u in ingested)
    assert revised == 0, f"{revised} rows were taken for corrections"
    assert (new, unchanged) == (len(sent), rows_sent - len(sent)), \
        f"the deliveries counted {new} new and {unchanged} unchanged rows of {rows_sent} sent, {len(sent)} of them distinct"

    # Nothing lost, nothing duplicated: the store holds one row per distinct id sent.
    assert stored_reports(store) == len(sent), \
        f"the store holds {stored_reports(store)} reports; {len(sent)} distinct ones were sent"

    # The week's lägesbild is the same from either server as from the CLI, the servers' caches notwithstanding.
    out = work / "cli-lagesbild"
    cli("lagesbild", KOMMUN, "--period", WEEK, "--format", "csv", "--store", store, "--out", str(out))
    expected = parse_csv((out / f"{KOMMUN}-{WEEK}.csv").read_text(encoding="utf-8"))
    assert expected != before[0], "the lägesbild did not change with the load: the comparison below proves nothing"
    for web in servers:
        assert api_lagesbild(web) == expected, f"{web.url} serves a lägesbild other than the CLI's after the load"


# --- the test ------------------------------------------------------------------------------------------------

def test_two_servers_share_sessions_and_lose_or_duplicate_nothing_under_concurrent_writes(servers: list[Web], store: str,
                                                                                          tmp_path: Path):
    a, b = servers
    check_sessions_are_shared(a, b)
    check_concurrent_writes(servers, store, tmp_path)

    for web in servers:
        code = stop_server(web.process)
        assert code == 0, f"the server at {web.url} exited {code} on SIGTERM; its log:\n{web.log_text()[-4000:]}"
        leaked = secrets_in(web.log_text(), web.tokens)
        assert not leaked, f"the log of {web.url} holds {', '.join(leaked)}"
