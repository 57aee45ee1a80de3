"""The running web application the tests talk to, as real clients do.

Builds nothing: it uses the built platform-cli ($PLATFORM_CLI, default .build/debug/platform-cli). Once per
test session and store kind (a SQLite file in a temporary folder, and a new database on the PostgreSQL cluster
of $PLATFORM_TEST_POSTGRES when it is set; $WEB_TESTS_STORE chooses: `store_kinds`) it makes a store, fills it with simulated Lysekil and Tranemo reports,
creates accounts and API tokens with the CLI, starts `platform-cli serve` on a free loopback port with
PLATFORM_NOW=2026-11-25T09:00:00Z (a Wednesday in 2026-W48), waits for /healthz, and at the end stops it
with SIGTERM and checks that it exits 0 and that its log never held a password, token or personnummer.
"""

from __future__ import annotations

import atexit
import contextlib
import csv
import io
import os
import re
import secrets
import shutil
import sqlite3
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
CLI = Path(os.environ.get("PLATFORM_CLI", ROOT / ".build/debug/platform-cli")).resolve()
MUNICIPALITIES = ROOT / "municipalities"
NOW = "2026-11-25T09:00:00Z"
TODAY = "2026-11-25"
THIS_WEEK = "2026-W48"
AXE = ROOT / ".build/web-tools/axe.min.js"

# A personnummer with a valid check digit (the Skatteverket test number): refused wherever it is written.
PERSONNUMMER = "121212-1212"


@dataclass
class Account:
    login: str
    password: str
    kommun: str
    role: str
    reporter: str | None = None


ACCOUNTS = {
    "lysekil-reporter": Account("lysekil.polis", "Hamnen-Lysekil-2026!", "lysekil", "reporter", "polismyndigheten"),
    "lysekil-reader": Account("lysekil.lasare", "Trygghet-Lysekil-2026!", "lysekil", "reader"),
    "lysekil-reporter-2": Account("lysekil.bostader", "Kronberget-Lysekil-2026!", "lysekil", "reporter", "lysekilsbostader"),
    "lysekil-coordinator": Account("lysekil.samordnare", "Samordna-Lysekil-2026!", "lysekil", "coordinator"),
    "tranemo-reporter": Account("tranemo.polis", "Polisen-Tranemo-2026!", "tranemo", "reporter", "polisen"),
    "tranemo-coordinator": Account("tranemo.samordnare", "Samordna-Tranemo-2026!", "tranemo", "coordinator"),
}


# The compiled configuration cache of every command the tests run (PLATFORM_CACHE): a folder of this session's
# own, not the user's ~/.cache.
CACHE = Path(tempfile.mkdtemp(prefix="web-tests-cache."))
atexit.register(shutil.rmtree, CACHE, ignore_errors=True)


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PLATFORM_NOW"] = NOW
    env["PLATFORM_CACHE"] = str(CACHE)
    env.pop("PLATFORM_STORE", None)
    env["PLATFORM_MUNICIPALITIES"] = str(MUNICIPALITIES)
    return env


def cli(*args: str, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Runs platform-cli with the tests' clock and municipalities folder; fails the test on a non-zero exit
    when `check`."""
    result = subprocess.run(
        [str(CLI), *args], input=input, capture_output=True, text=True, env=cli_env(), timeout=120
    )
    if check and result.returncode != 0:
        pytest.fail(
            f"platform-cli {' '.join(args)} exited {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        )
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _FormFields(HTMLParser):
    """The hidden inputs of a page (name → value), e.g. the csrf field every form has."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("type") == "hidden" and a.get("name"):
            self.hidden.setdefault(a["name"], a.get("value") or "")


def hidden_fields(html: str) -> dict[str, str]:
    parser = _FormFields()
    parser.feed(html)
    return parser.hidden


def csrf_of(html: str) -> str:
    fields = hidden_fields(html)
    assert "csrf" in fields, "the page has no hidden csrf field"
    return fields["csrf"]


def parse_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


# --- the stores -------------------------------------------------------------------------------------------

def store_kinds(variable: str = "WEB_TESTS_STORE") -> list[str]:
    """The stores a suite runs on: $`variable` = `sqlite`, `postgres` or `both`; unset, SQLite, and PostgreSQL
    too when $PLATFORM_TEST_POSTGRES names a cluster (scripts/test.sh starts one)."""
    asked = os.environ.get(variable, "").strip().lower()
    if asked in ("sqlite", "postgres"):
        return [asked]
    if asked == "both":
        return ["sqlite", "postgres"]
    if asked:
        raise ValueError(f"{variable}={asked!r}: give sqlite, postgres or both")
    return ["sqlite", "postgres"] if os.environ.get("PLATFORM_TEST_POSTGRES") else ["sqlite"]


def psql_binary() -> str:
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"), key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    found = shutil.which("psql") or (debian[-1] if debian else None)
    if not found:
        pytest.fail("psql is missing: scripts/postgres.sh installs PostgreSQL (or apt-get install postgresql-client)")
    return str(found)


def psql(url: str, sql: str) -> list[list[str]]:
    """Runs `sql` with psql on the database of `url` (libpq keywords, so no password is ever on the command
    line: the throwaway cluster trusts its socket); its rows, each a list of fields as text (NULL as '')."""
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    keywords = {"user": unquote(parts.username or ""), "dbname": unquote(parts.path.lstrip("/")) or "postgres",
                "host": query.get("host") or parts.hostname, "port": str(parts.port) if parts.port else None}
    conninfo = " ".join(f"{k}={v}" for k, v in keywords.items() if v)
    env = dict(os.environ)
    if parts.password:
        env["PGPASSWORD"] = unquote(parts.password)
    result = subprocess.run([psql_binary(), conninfo, "-v", "ON_ERROR_STOP=1", "-qAt", "-F", "\x1f", "-c", sql],
                            capture_output=True, text=True, env=env, timeout=120)
    if result.returncode != 0:
        pytest.fail(f"psql {sql!r} exited {result.returncode}: {result.stderr.strip()}")
    return [line.split("\x1f") for line in result.stdout.splitlines()]


def database_url(url: str, name: str) -> str:
    """`url` with the database `name` in place of its own."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


@contextlib.contextmanager
def postgres_database(prefix: str):
    """A new database on the cluster of $PLATFORM_TEST_POSTGRES (whose role may CREATE DATABASE), as its
    postgres:// URL; dropped afterwards."""
    admin = os.environ.get("PLATFORM_TEST_POSTGRES")
    if not admin:
        pytest.fail("the tests on PostgreSQL need PLATFORM_TEST_POSTGRES (postgres://ROLE@/postgres?host=SOCKET_DIR): "
                    "run scripts/test.sh, which starts a throwaway cluster")
    name = f"{prefix}_{secrets.token_hex(6)}"
    psql(admin, f"CREATE DATABASE {name}")
    try:
        yield database_url(admin, name)
    finally:
        psql(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def sql_text(value: str) -> str:
    """`value` as an SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


@dataclass
class Web:
    """The running server and what the tests made for it."""

    url: str
    store: Path | str  # a SQLite file, or a store URL (postgres://…)
    work: Path
    log: Path
    process: subprocess.Popen
    tokens: dict[str, str] = field(default_factory=dict)
    tranemo_ref: str | None = None

    def login(self, who: str) -> requests.Session:
        """A requests session logged in through the login form, as a browser without JavaScript would."""
        account = ACCOUNTS[who]
        session = requests.Session()
        page = session.get(f"{self.url}/login", timeout=30)
        assert page.status_code == 200, f"GET /login answered {page.status_code}"
        answer = session.post(
            f"{self.url}/login",
            data={"login": account.login, "password": account.password, "csrf": csrf_of(page.text)},
            allow_redirects=False,
            timeout=30,
        )
        assert answer.status_code == 303, f"logging in as {account.login} answered {answer.status_code}:\n{answer.text[:2000]}"
        return session

    def api(self, token: str | None) -> requests.Session:
        session = requests.Session()
        if token is not None:
            session.headers["Authorization"] = f"Bearer {token}"
        return session

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def rows(self, sql: str) -> list[tuple[str, ...]]:
        """What `sql` reads from the store itself, beside the server: with sqlite3 from the SQLite file, or with
        psql from the PostgreSQL database (every kommun's rows: `app.kommun` '*'); each field as text."""
        if isinstance(self.store, str) and self.store.startswith("postgres"):
            return [tuple(row) for row in psql(self.store, f"SET app.kommun = '*'; {sql}")]
        with sqlite3.connect(f"file:{self.store}?mode=ro", uri=True) as db:
            return [tuple("" if v is None else str(v) for v in row) for row in db.execute(sql).fetchall()]

    def count(self, sql: str) -> int:
        """The one number `sql` (a `SELECT count(*) …`) reads from the store."""
        return int(self.rows(sql)[0][0])


def _seed(work: Path, store: Path) -> None:
    """Three weeks of simulated reports for both kommuner (up to 2026-11-22, so 2026-W48 holds only what the
    tests submit), the accounts and the tokens."""
    for kommun, seed in (("lysekil", 11), ("tranemo", 12)):
        simulated = work / f"{kommun}-simulated.csv"
        cli("simulate", kommun, "--from", "2026-11-02", "--to", "2026-11-22", "--seed", str(seed), "--out", str(simulated))
        cli("ingest", kommun, str(simulated), "--store", str(store))
    for account in ACCOUNTS.values():
        args = ["user", "add", account.login, "--name", account.login.replace(".", " ").title(),
                "--kommun", account.kommun, "--role", account.role]
        if account.reporter:
            args += ["--reporter", account.reporter]
        cli(*args, "--password-stdin", "--store", str(store), input=account.password + "\n")


def _token(kommun: str, store: Path, *extra: str) -> str:
    out = cli("token", "add", kommun, "--name", f"tests-{kommun}", *extra, "--store", str(store)).stdout
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    assert lines, "token add printed nothing"
    return lines[-1]


def start_server(store: Path | str, log: Path) -> tuple[subprocess.Popen, str]:
    """`platform-cli serve` on `store` (a SQLite file or a store URL) on a free loopback port, its stdout and
    stderr in `log`; returns the process and its URL once it answers /healthz (fails the test otherwise)."""
    port = free_port()
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            [str(CLI), "serve", "--store", str(store), "--municipalities", str(MUNICIPALITIES),
             "--host", "127.0.0.1", "--port", str(port)],
            stdout=log_file, stderr=subprocess.STDOUT, env=cli_env(),
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"platform-cli serve exited {process.returncode} before answering /healthz:\n{log.read_text()}")
        try:
            if requests.get(f"{url}/healthz", timeout=2).status_code == 200:
                return process, url
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"platform-cli serve did not answer /healthz within 60 s:\n{log.read_text()}")
        time.sleep(0.2)


def stop_server(process: subprocess.Popen) -> int:
    """Sends SIGTERM and returns the exit status (fails the test when the server has not stopped in 30 s)."""
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("platform-cli serve did not stop within 30 s of SIGTERM")


def secrets_in(text: str, tokens: dict[str, str]) -> list[str]:
    """What of the personnummer, the accounts' passwords and `tokens` (name → secret) `text` holds."""
    return [name for name, secret in
            [("personnummer", PERSONNUMMER), ("personnummer digits", PERSONNUMMER.replace("-", ""))]
            + [(f"password of {a.login}", a.password) for a in ACCOUNTS.values()]
            + [(f"token of {k}", t) for k, t in tokens.items()]
            if secret in text]


@pytest.fixture(scope="session", params=store_kinds())
def web(request):
    """The server on a store of the parametrised kind (every test using it runs on each kind)."""
    if not CLI.is_file():
        pytest.fail(f"{CLI} is missing: build it first (swift build) or set PLATFORM_CLI")
    work = Path(tempfile.mkdtemp(prefix="web-tests."))
    with contextlib.ExitStack() as stack:
        store = work / "platform.sqlite" if request.param == "sqlite" else stack.enter_context(postgres_database("t_web"))
        yield from _serve(work, store)


def _serve(work: Path, store: Path | str):
    """Seeds `store`, serves it for the session, then stops the server and checks its exit and its log."""
    _seed(work, store)
    tokens = {
        "lysekil": _token("lysekil", store),
        "tranemo": _token("tranemo", store),
    }
    log = work / "server.log"
    process, url = start_server(store, log)

    w = Web(url=url, store=store, work=work, log=log, process=process, tokens=tokens)
    yield w

    code = stop_server(process)
    text = w.log_text()
    assert code == 0, f"platform-cli serve exited {code} on SIGTERM; its log:\n{text[-4000:]}"
    leaked = secrets_in(text, tokens)
    assert not leaked, f"the server's log holds {', '.join(leaked)}"
    if os.environ.get("WEB_TESTS_KEEP") != "1":
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def tranemo_ref(web: Web) -> str:
    """The ref of a real Tranemo report: submitted through the form by Tranemo's reporter and read back
    from the reporter's own list, as a guesser who had once seen a Tranemo URL would have it."""
    if web.tranemo_ref:
        return web.tranemo_ref
    session = web.login("tranemo-reporter")
    form = session.get(f"{web.url}/k/tranemo/rapport", timeout=30)
    assert form.status_code == 200, f"Tranemo's reporter gets {form.status_code} for the form"
    answer = session.post(
        f"{web.url}/k/tranemo/rapport",
        data={"csrf": csrf_of(form.text), "date-1": TODAY, "time-1": "20:00", "area-1": "limmared",
              "indicator-1": "klotter", "value-1": "3", "place-1": "vid stationen",
              "note-1": "Tranemo-hemlig-notering", "submit": "report"},
        allow_redirects=False, timeout=30,
    )
    assert answer.status_code == 303, f"Tranemo's report answered {answer.status_code}:\n{answer.text[:2000]}"
    listing = session.get(f"{web.url}/k/tranemo/rapporter", timeout=30)
    refs = re.findall(r'data-ref="([^"]+)"', listing.text)
    assert refs, "Tranemo's reporter sees no report in /k/tranemo/rapporter"
    web.tranemo_ref = refs[0]
    return refs[0]


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium through chromedriver, as a phone: a 390 × 844 CSS-pixel viewport (mobile emulation;
    a headless window itself cannot be narrower than 500 px)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=390,844", "--lang=sv-SE"):
        options.add_argument(argument)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3}})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def click_and_wait(driver, element) -> None:
    """Clicks a button or link that loads a new page, and waits until the old page is gone (a click returns
    as soon as the event is dispatched, before the form's answer has arrived)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    def is_stale(error: WebDriverException) -> bool:
        # chromedriver words a node of a page that is gone either way.
        return isinstance(error, StaleElementReferenceException) or "does not belong to the document" in str(error)

    def gone(element) -> bool:
        try:
            element.is_enabled()
            return False
        except WebDriverException as error:
            if is_stale(error):
                return True
            raise

    old = driver.find_element(By.TAG_NAME, "html")
    try:
        element.click()
    except WebDriverException as error:
        if not is_stale(error):
            raise
        # The new page came before the click's answer: the click was done.
    WebDriverWait(driver, 30).until(lambda _: gone(old))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def browser_login(driver, web: Web, who: str, path: str = "/") -> None:
    """Logs in through the login page as a person does, then opens `path`."""
    from selenium.webdriver.common.by import By

    account = ACCOUNTS[who]
    driver.delete_all_cookies()
    driver.get(web.url + "/login")
    driver.find_element(By.NAME, "login").send_keys(account.login)
    password = driver.find_element(By.NAME, "password")
    password.send_keys(account.password)
    click_and_wait(driver, password.find_element(By.XPATH, "./ancestor::form//button"))
    assert "/login" not in driver.current_url.split("?")[0], f"logging in as {account.login} failed:\n{driver.page_source[:2000]}"
    if path != "/":
        driver.get(web.url + path)


def set_field(driver, name: str, value: str) -> None:
    """Sets a form field by name: a select by option value, date and time inputs through their value (typing
    into them depends on the browser's locale), other inputs and textareas by typing."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    element = driver.find_element(By.NAME, name)
    if element.tag_name == "select":
        select = Select(element)
        try:
            select.select_by_value(value)
        except Exception:
            select.select_by_visible_text(value)
    elif element.get_attribute("type") in ("date", "time"):
        driver.execute_script("arguments[0].value = arguments[1]", element, value)
    else:
        element.clear()
        element.send_keys(value)


def field_value(driver, name: str) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.NAME, name).get_attribute("value") or ""
