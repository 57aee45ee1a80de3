"""Every page of the application through axe-core 4.x (WCAG 2.0/2.1 A and AA rules, what the DOS-lagen
asks of Swedish public-sector services) in headless Chromium on a phone-sized screen: no serious or
critical violation. Also the page frame every page has: lang, one <h1>, <main id="main">, a skip link."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from conftest import AXE, PERSONNUMMER, Web, browser_login, click_and_wait, set_field

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
REPORTER = "lysekil-reporter-2"   # lysekilsbostader; leaves the browser test's organisation alone


def run_axe(driver) -> list[dict]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run scripts/setup-web.sh")
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: arguments[0]})"
        ".then(r => done({violations: r.violations, passes: r.passes.length}))"
        ".catch(e => done({error: String(e)}));",
        {"type": "tag", "values": AXE_TAGS},
    )
    assert "error" not in result, f"axe.run failed: {result['error']}"
    assert result["passes"] > 0, "axe found nothing to check: is the page empty?"
    return result["violations"]


def readable(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:10]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:200]}")
            for line in (node.get("failureSummary") or "").splitlines():
                lines.append(f"        {line}")
        if len(v["nodes"]) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more elements")
    return "\n".join(lines)


class Pages:
    """Reaches each page as a person would, logging in only when the person changes."""

    def __init__(self, web: Web, driver):
        self.web, self.driver, self.who = web, driver, None

    def as_(self, who: str | None, path: str) -> None:
        if who is None:
            self.driver.delete_all_cookies()
            self.who = None
            self.driver.get(self.web.url + path)
        elif who != self.who:
            browser_login(self.driver, self.web, who, path)
            self.who = who
        else:
            self.driver.get(self.web.url + path)

    def submit_one(self, note: str) -> None:
        self.as_(REPORTER, "/k/lysekil/rapport")
        for name, value in (("area-1", "sodra-hamnen"), ("indicator-1", "klotter"), ("value-1", "1"),
                            ("place-1", "vid kajen"), ("note-1", note)):
            set_field(self.driver, name, value)
        click_and_wait(self.driver, self.driver.find_element(By.ID, "submit-report"))


def reach(pages: Pages, page: str) -> None:
    d = pages.driver
    if page == "login":
        pages.as_(None, "/login")
    elif page == "kommun start":
        pages.as_("lysekil-coordinator", "/k/lysekil/")
    elif page == "report form":
        pages.as_(REPORTER, "/k/lysekil/rapport?events=2")
    elif page == "report form with errors":
        pages.submit_one(f"Ring {PERSONNUMMER}")
        assert d.find_elements(By.ID, "error-summary"), "the form shows no errors"
    elif page == "own reports":
        pages.submit_one("Klotter på kajen")
        assert d.find_elements(By.CSS_SELECTOR, "#own-reports tr[data-ref]"), "no own reports listed"
    elif page == "correction":
        pages.as_(REPORTER, "/k/lysekil/rapporter")
        links = d.find_elements(By.CSS_SELECTOR, "#own-reports a.correct")
        if not links:
            pages.submit_one("Klotter på kajen")
            links = d.find_elements(By.CSS_SELECTOR, "#own-reports a.correct")
        click_and_wait(d, links[0])
        assert d.find_elements(By.ID, "submit-report"), "no correction form"
    elif page == "lägesbild":
        pages.as_("lysekil-reader", "/k/lysekil/lagesbild?period=2026-W47")
    elif page == "lägesbild (English)":
        pages.as_("lysekil-reader", "/k/lysekil/lagesbild?period=2026-W47&lang=en")
    elif page in ("insatser", "rapportering", "kalender"):
        pages.as_("lysekil-reader", f"/k/lysekil/{page}")
    elif page == "ingest":
        pages.as_("lysekil-coordinator", "/k/lysekil/ingest")
    elif page in ("logg", "anvandare", "tokens", "status"):
        pages.as_("lysekil-coordinator", f"/k/lysekil/{page}")
    elif page == "insatser (coordinator)":
        pages.as_("lysekil-coordinator", "/k/lysekil/insatser")
    elif page == "two-step set-up":
        pages.as_("lysekil-reader", "/konto/totp")
    elif page == "not found (another kommun's page)":
        pages.as_("lysekil-reader", "/k/tranemo/lagesbild")
    else:
        raise AssertionError(page)


PAGES = ["login", "kommun start", "report form", "report form with errors", "own reports", "correction",
         "lägesbild", "lägesbild (English)", "insatser", "rapportering", "kalender", "ingest", "logg",
         "anvandare", "tokens", "status", "insatser (coordinator)", "two-step set-up",
         "not found (another kommun's page)"]


@pytest.fixture(scope="module")
def pages(web: Web, browser) -> Pages:
    return Pages(web, browser)


@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_serious_or_critical_wcag21aa_violation_and_has_lang_one_h1_main_and_skip_link(pages: Pages, page: str):
    reach(pages, page)
    d = pages.driver
    frame = []
    lang = d.find_element(By.TAG_NAME, "html").get_attribute("lang")
    if lang != ("en" if "English" in page else "sv"):
        frame.append(f"<html lang={lang!r}>")
    if len(d.find_elements(By.TAG_NAME, "h1")) != 1:
        frame.append(f"{len(d.find_elements(By.TAG_NAME, 'h1'))} <h1> elements")
    if not d.find_elements(By.CSS_SELECTOR, "main#main"):
        frame.append("no <main id=\"main\">")
    if not d.find_elements(By.CSS_SELECTOR, "a[href='#main']"):
        frame.append("no skip link to #main")
    violations = run_axe(d)
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    minor = [v for v in violations if v not in bad]
    if minor:
        print(f"{page}: minor or moderate axe findings (allowed):\n{readable(minor)}")
    assert not bad and not frame, (
        f"{page} ({d.current_url}):\n" + "\n".join(frame) + ("\n" if frame else "") + readable(bad))
