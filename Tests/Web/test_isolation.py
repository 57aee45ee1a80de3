"""Tenant isolation over every route of the contract: Lysekil's people and Lysekil's API token get 404 for
everything of Tranemo's (the same page as a kommun that does not exist), see none of Tranemo's data, and
change nothing of it. Tranemo's own people get the same routes (the positive control: a 404 here means
isolation, not a missing route)."""

from __future__ import annotations

import hashlib
import html
import re
import urllib.parse

import pytest
import requests

from conftest import THIS_WEEK, TODAY, Web, cli, csrf_of, sql_text

# Words only Tranemo's data holds: its name, its areas' names, the note of the report its reporter made.
TRANEMO_MARKERS = ["Tranemo", "Limmared", "Länghem", "Dalstorp", "Grimsås", "Ambjörnarp", "Ljungsarp", "Uddebo",
                   "Tranemo-hemlig-notering"]

TRANEMO_CSV = "date,reporter,area,indicator,value,id\n2026-11-24,polisen,limmared,klotter,2,intrang-1\n"
TRANEMO_FORM = {"date-1": TODAY, "time-1": "21:00", "area-1": "limmared", "indicator-1": "klotter", "value-1": "7",
                "place-1": "vid torget", "note-1": "intrång", "submit": "report"}

# (method, path, what is sent); {k} is the kommun, {ref} the ref of a real Tranemo report.
PAGES = [
    ("GET", "/k/{k}/", None),
    ("GET", "/k/{k}/rapport", None),
    ("GET", "/k/{k}/rapport?events=2", None),
    ("POST", "/k/{k}/rapport", "form"),
    ("GET", "/k/{k}/rapporter", None),
    ("GET", f"/k/{{k}}/rapporter?period={THIS_WEEK}", None),
    ("GET", "/k/{k}/rapporter/{ref}/rätta", None),
    ("POST", "/k/{k}/rapporter/{ref}/rätta", "form"),
    ("POST", "/k/{k}/rapporter/{ref}/withdraw", "csrf"),
    ("GET", "/k/{k}/lagesbild", None),
    ("GET", "/k/{k}/lagesbild?period=2026-W47&area=limmared", None),
    ("GET", "/k/{k}/lagesbild/download?period=2026-W47&format=csv", None),
    ("GET", "/k/{k}/lagesbild/download?period=2026-W47&format=json", None),
    ("GET", "/k/{k}/lagesbild/download?period=2026-W47&format=html", None),
    ("GET", "/k/{k}/insatser", None),
    ("GET", "/k/{k}/rapportering", None),
    ("GET", "/k/{k}/kalender", None),
    ("POST", "/k/{k}/kalender/revoke", "csrf"),
    ("GET", "/k/{k}/ingest", None),
    ("POST", "/k/{k}/ingest", "ingest"),
    ("GET", "/k/{k}/logg", None),
    ("GET", "/k/{k}/anvandare", None),
    ("POST", "/k/{k}/anvandare/1/disable", "csrf"),
    ("GET", "/k/{k}/tokens", None),
    ("POST", "/k/{k}/tokens/1/revoke", "csrf"),
    ("GET", "/k/{k}/status", None),
]
API = [
    ("POST", "/api/v1/kommuner/{k}/reports", "csv"),
    ("POST", "/api/v1/kommuner/{k}/reports", "json"),
    ("GET", "/api/v1/kommuner/{k}/lagesbild?period=2026-W47", None),
    ("GET", "/api/v1/kommuner/{k}/lagesbild?period=2026-W47&format=csv", None),
]
LYSEKIL_PEOPLE = ["lysekil-reporter", "lysekil-reader", "lysekil-coordinator"]


def kommun_state(web: Web, kommun: str) -> tuple[str, str]:
    """What is stored for a kommun, twice over: a digest of every report row and every replaced revision, read
    from the store beside the server (sqlite3 or psql), and what `platform-cli reports KOMMUN` shows for the year."""
    rows = sorted(web.rows(f"SELECT * FROM reports WHERE kommun = {sql_text(kommun)}"))
    rows += sorted(web.rows(f"SELECT * FROM report_revisions WHERE kommun = {sql_text(kommun)}"))
    digest = hashlib.sha256(repr(rows).encode()).hexdigest() + f" ({len(rows)} rows)"
    shown = cli("reports", kommun, "--period", "2026", "--store", str(web.store)).stdout
    return digest, shown


def tranemo_state(web: Web) -> tuple[str, str]:
    return kommun_state(web, "tranemo")


def own_csrf(web: Web, session: requests.Session) -> str:
    """A valid csrf token of the session, from a page of its own kommun."""
    for path in ("/k/lysekil/", "/", "/k/lysekil/rapport"):
        page = session.get(web.url + path, timeout=30)
        if page.status_code == 200 and 'name="csrf"' in page.text:
            return csrf_of(page.text)
    pytest.fail("no page of the session's own kommun has a csrf field")


def send(web: Web, session: requests.Session, method: str, path: str, body: str | None, csrf: str | None):
    url = web.url + path
    if method == "GET":
        return session.get(url, allow_redirects=False, timeout=30)
    if body == "form":
        return session.post(url, data={**TRANEMO_FORM, "csrf": csrf}, allow_redirects=False, timeout=30)
    if body == "csrf":
        return session.post(url, data={"csrf": csrf}, allow_redirects=False, timeout=30)
    if body == "ingest":   # the coordinator's form: a report file pasted, with its format
        return session.post(url, data={"csrf": csrf, "format": "csv", "content": TRANEMO_CSV}, allow_redirects=False, timeout=30)
    if body == "csv":
        return session.post(url, data=TRANEMO_CSV, headers={"Content-Type": "text/csv"}, allow_redirects=False, timeout=30)
    if body == "json":
        rows = '[{"date":"2026-11-24","reporter":"polisen","area":"limmared","indicator":"klotter","value":2,"id":"intrang-2"}]'
        return session.post(url, data=rows, headers={"Content-Type": "application/json"}, allow_redirects=False, timeout=30)
    raise AssertionError(body)


def normalised(text: str, kommun: str) -> str:
    """A page with the kommun id in it replaced and csrf values blanked (they may change per request)."""
    text = re.sub(r'<input[^>]*name="csrf"[^>]*>', '<input name="csrf">', text)
    return text.replace(kommun, "KOMMUN")


def assert_isolated(web: Web, session, method, template, body, csrf, ref, allowed=(404,)):
    path = template.format(k="tranemo", ref=ref)
    answer = send(web, session, method, path, body, csrf)
    problems = []
    if answer.status_code not in allowed:
        problems.append(f"status {answer.status_code}, not {' or '.join(map(str, allowed))}")
    leaked = [m for m in TRANEMO_MARKERS if m in answer.text]
    if leaked:
        problems.append(f"the answer shows Tranemo's {leaked}")
    unknown = send(web, session, method, template.format(k="atlantis", ref=ref), body, csrf)
    if (unknown.status_code, normalised(unknown.text, "atlantis")) != (answer.status_code, normalised(answer.text, "tranemo")):
        problems.append(f"the answer differs from that for a kommun that does not exist (status {unknown.status_code})")
    assert not problems, f"{method} {path}: " + "; ".join(problems) + f"\n{answer.text[:1500]}"


@pytest.mark.parametrize("who", LYSEKIL_PEOPLE)
def test_lysekil_person_gets_404_same_as_unknown_kommun_and_no_tranemo_data_on_every_tranemo_route_and_changes_nothing(
        web: Web, tranemo_ref: str, who: str):
    before = tranemo_state(web)
    session = web.login(who)
    csrf = own_csrf(web, session)
    failures = []
    # The API takes tokens, not sessions: a person's session gets there what it gets for any kommun (401),
    # never Tranemo's data.
    routes = [(route, (404,)) for route in PAGES] + [(route, (401, 404)) for route in API]
    for (method, template, body), allowed in routes:
        try:
            assert_isolated(web, session, method, template, body, csrf, tranemo_ref, allowed)
        except AssertionError as error:
            failures.append(str(error))
    assert tranemo_state(web) == before, "Tranemo's reports changed"
    assert not failures, f"{len(failures)} of {len(PAGES + API)} Tranemo routes are not isolated for {who}:\n\n" + "\n\n".join(failures)


def test_lysekil_reporter_gets_404_for_a_tranemo_ref_under_lysekils_own_path_and_changes_nothing(web: Web, tranemo_ref: str):
    """The ref of a Tranemo report under Lysekil's own path, with a correction that would be valid for Lysekil:
    404, and neither kommun's reports change (no correction of Tranemo's, no new Lysekil row under that ref)."""
    before = tranemo_state(web), kommun_state(web, "lysekil")
    session = web.login("lysekil-reporter")
    csrf = own_csrf(web, session)
    valid_for_lysekil = {**TRANEMO_FORM, "area-1": "kronberget", "note-1": "gissad referens"}
    guessed = [
        ("GET", f"/k/lysekil/rapporter/{tranemo_ref}/rätta", None),
        ("POST", f"/k/lysekil/rapporter/{tranemo_ref}/withdraw", {}),
        ("POST", f"/k/lysekil/rapporter/{tranemo_ref}/rätta", valid_for_lysekil),
    ]
    failures = []
    for method, path, data in guessed:
        if method == "GET":
            answer = session.get(web.url + path, allow_redirects=False, timeout=30)
        else:
            answer = session.post(web.url + path, data={**data, "csrf": csrf}, allow_redirects=False, timeout=30)
        if answer.status_code != 404:
            failures.append(f"{method} {path}: {answer.status_code}, not 404")
        if [m for m in TRANEMO_MARKERS if m in answer.text]:
            failures.append(f"{method} {path} shows Tranemo's data")
    after = tranemo_state(web), kommun_state(web, "lysekil")
    if after[0] != before[0]:
        failures.append("Tranemo's reports changed")
    if after[1] != before[1]:
        failures.append("a Lysekil report was stored or changed under the guessed Tranemo ref")
    assert not failures, "\n".join(failures)


def test_lysekil_token_gets_404_on_tranemos_api_and_stores_nothing(web: Web):
    before = tranemo_state(web)
    session = web.api(web.tokens["lysekil"])
    for method, template, body in API:
        path = template.format(k="tranemo")
        answer = send(web, session, method, path, body, None)
        assert answer.status_code == 404, f"{method} {path}: {answer.status_code}\n{answer.text[:1500]}"
        assert not [m for m in TRANEMO_MARKERS if m in answer.text], f"{method} {path} shows Tranemo's data"
        unknown = send(web, session, method, template.format(k="atlantis"), body, None)
        assert (unknown.status_code, normalised(unknown.text, "atlantis")) == (404, normalised(answer.text, "tranemo")), \
            f"{method} {path}: differs from the answer for a kommun that does not exist"
    assert tranemo_state(web) == before, "Tranemo's reports changed"


def test_tranemo_people_and_token_get_200_on_the_same_routes(web: Web, tranemo_ref: str):
    """The positive control: the routes exist and answer Tranemo's own people."""
    coordinator = web.login("tranemo-coordinator")
    for path in ["/k/tranemo/", "/k/tranemo/lagesbild", "/k/tranemo/lagesbild?period=2026-W47&area=limmared",
                 "/k/tranemo/lagesbild/download?period=2026-W47&format=csv", "/k/tranemo/insatser",
                 "/k/tranemo/rapportering", "/k/tranemo/kalender", "/k/tranemo/ingest", "/k/tranemo/logg"]:
        answer = coordinator.get(web.url + path, allow_redirects=False, timeout=30)
        assert answer.status_code == 200, f"Tranemo's coordinator: GET {path} answered {answer.status_code}"
    reporter = web.login("tranemo-reporter")
    for path in ["/k/tranemo/rapport", "/k/tranemo/rapporter", f"/k/tranemo/rapporter/{tranemo_ref}/rätta"]:
        answer = reporter.get(web.url + path, allow_redirects=False, timeout=30)
        assert answer.status_code == 200, f"Tranemo's reporter: GET {path} answered {answer.status_code}"
    api = web.api(web.tokens["tranemo"])
    answer = api.get(web.url + "/api/v1/kommuner/tranemo/lagesbild?period=2026-W47", timeout=30)
    assert answer.status_code == 200 and "Limmared" in answer.text


def test_calendar_url_works_only_with_its_exact_secret(web: Web):
    """A calendar subscription is reached by its secret alone: Tranemo's coordinator's URL gives the
    calendar, the same URL with one character of the secret changed gives 404."""
    page = web.login("tranemo-coordinator").get(web.url + "/k/tranemo/kalender", timeout=30)
    match = re.search(r'<code id="calendar-url">([^<]+)</code>', page.text)
    assert match, "no #calendar-url on the kalender page"
    path = urllib.parse.urlsplit(html.unescape(match[1])).path
    assert re.fullmatch(r"/calendar/[^/]+\.ics", path), path
    anyone = requests.Session()
    answer = anyone.get(web.url + path, timeout=30)
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/calendar"), answer.status_code
    assert "BEGIN:VCALENDAR" in answer.text
    secret = path[len("/calendar/"):-len(".ics")]
    changed = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    guessed = anyone.get(f"{web.url}/calendar/{changed}.ics", timeout=30)
    assert guessed.status_code == 404, guessed.status_code
    assert "VCALENDAR" not in guessed.text and not [m for m in TRANEMO_MARKERS if m in guessed.text]
