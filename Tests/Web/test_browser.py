"""A reporter and a reader in a real browser (headless Chromium on a phone-sized screen), against
`platform-cli` on the same store."""

from __future__ import annotations

import re

import requests
from selenium.webdriver.common.by import By

from conftest import (PERSONNUMMER, THIS_WEEK, TODAY, Web, browser_login, cli, click_and_wait, field_value,
                      parse_csv, set_field)

EVENT_1 = {"area": "kronberget", "indicator": "nedskrapning", "value": "3", "time": "21:30",
           "place": "vid trappan", "note": "Sopor utspridda efter helgen"}
EVENT_2 = {"area": "stadsparken", "indicator": "ungdomssamlingar", "value": "4", "time": "22:10",
           "place": "vid scenen", "note": "Högljudd grupp sent på kvällen"}
CORRECTED_VALUE = "5"


def lysekil_week_rows(web: Web) -> int:
    return web.count("SELECT count(*) FROM reports WHERE kommun = 'lysekil' AND date >= '2026-11-23'")


def fill_event(driver, i: int, event: dict[str, str]) -> None:
    for key in ("area", "indicator", "value", "time", "place", "note"):
        set_field(driver, f"{key}-{i}", event[key])


def cells_of(row) -> list[str]:
    return [cell.text.strip() for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]


def heat_cell(driver, area: str, indicator: str) -> str:
    """The number in the lägesbild's heat map for an area (row) and indicator (column), by their names."""
    table = driver.find_element(By.CSS_SELECTOR, "table.heat")
    names = [th.get_attribute("textContent").strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th.ind:not(.total)")]
    assert indicator in names, f"no column {indicator!r} in the heat map: {names}"
    for row in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
        if row.find_element(By.CSS_SELECTOR, "th").get_attribute("textContent").strip() == area:
            cell = row.find_elements(By.CSS_SELECTOR, "td")[names.index(indicator)]
            return re.match(r"\d*", cell.get_attribute("textContent").strip())[0]
    raise AssertionError(f"no row {area!r} in the heat map")


def test_reporter_on_phone_submits_two_events_personnummer_refused_at_note_and_not_echoed_corrects_one_then_reader_finds_values_in_lagesbild_and_its_csv_equals_the_clis(
        web: Web, browser):
    driver = browser

    # --- The reporter: a page behind the login sends there, then back.
    driver.delete_all_cookies()
    driver.get(web.url + "/k/lysekil/rapport")
    assert "/login" in driver.current_url, f"not sent to the login page: {driver.current_url}"
    browser_login(driver, web, "lysekil-reporter", "/k/lysekil/rapport")
    assert driver.execute_script("return window.innerWidth") == 390, "the page is not laid out for a 390 px phone (viewport meta?)"
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the form is {overflow} px wider than the phone's screen"
    assert field_value(driver, "date-1") == TODAY, "the date does not default to today"

    # --- Two events in one submission ("Lägg till händelse" re-shows the form with one more block).
    fill_event(driver, 1, EVENT_1)
    # The contract names the button `add`; the server sends it as submit=add (id add-event): either will do.
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[name='add'], button[name='submit'][value='add']"))
    assert driver.find_elements(By.NAME, "area-2"), "no second event block after 'Lägg till händelse'"
    assert field_value(driver, "area-1") == EVENT_1["area"] and field_value(driver, "note-1") == EVENT_1["note"], \
        "the first event's values were not kept when a block was added"
    fill_event(driver, 2, {**EVENT_2, "note": f"Ring {PERSONNUMMER} om gruppen"})
    before = lysekil_week_rows(web)
    click_and_wait(driver, driver.find_element(By.ID, "submit-report"))

    # --- The personnummer is refused next to the note, and is nowhere in the page; nothing is stored.
    errors = driver.find_elements(By.ID, "note-2-error")
    assert errors, f"no #note-2-error after a note with a personnummer:\n{driver.page_source[:3000]}"
    assert "field-error" in errors[0].get_attribute("class")
    assert "personnummer" in errors[0].text.lower(), errors[0].text
    note = driver.find_element(By.NAME, "note-2")
    assert note.get_attribute("aria-invalid") == "true"
    assert "note-2-error" in (note.get_attribute("aria-describedby") or "").split()
    follows = driver.execute_script("return arguments[0].nextElementSibling && arguments[0].nextElementSibling.id", note)
    assert follows == "note-2-error", f"the message is not right after the note field (next: {follows!r})"
    assert driver.find_elements(By.ID, "error-summary"), "no #error-summary"
    source = driver.page_source
    for shape in (PERSONNUMMER, PERSONNUMMER.replace("-", "")):
        assert shape not in source, f"the refused personnummer {shape} is echoed in the page"
    assert PERSONNUMMER not in (note.get_attribute("value") or "")
    assert lysekil_week_rows(web) == before, "a submission with a refused event stored something"
    assert field_value(driver, "area-1") == EVENT_1["area"], "the valid event's values were lost"

    set_field(driver, "note-2", EVENT_2["note"])
    click_and_wait(driver, driver.find_element(By.ID, "submit-report"))
    assert "/k/lysekil/rapporter" in driver.current_url and "sent=2" in driver.current_url, driver.current_url
    assert driver.find_element(By.ID, "flash").get_attribute("role") == "status"
    assert lysekil_week_rows(web) == before + 2

    # --- The organisation's reports this period, and a correction of one.
    rows = driver.find_elements(By.CSS_SELECTOR, "#own-reports tr[data-ref]")
    assert len(rows) == 2, f"{len(rows)} rows in #own-reports, not 2"
    first = next(r for r in rows if "Kronberget" in r.text)
    assert EVENT_1["note"] in first.text and EVENT_1["value"] in cells_of(first), first.text
    click_and_wait(driver, first.find_element(By.CSS_SELECTOR, "a.correct"))
    assert field_value(driver, "area-1") == EVENT_1["area"] and field_value(driver, "value-1") == EVENT_1["value"], \
        "the correction form is not prefilled"
    assert field_value(driver, "note-1") == EVENT_1["note"]
    set_field(driver, "value-1", CORRECTED_VALUE)
    click_and_wait(driver, driver.find_element(By.ID, "submit-report"))
    assert not driver.find_elements(By.ID, "error-summary"), f"the correction was refused:\n{driver.page_source[:3000]}"
    driver.get(web.url + "/k/lysekil/rapporter")
    rows = driver.find_elements(By.CSS_SELECTOR, "#own-reports tr[data-ref]")
    assert len(rows) == 2, f"{len(rows)} rows after the correction, not 2 (a correction replaces, never adds)"
    corrected = next(r for r in rows if "Kronberget" in r.text)
    assert CORRECTED_VALUE in cells_of(corrected) and EVENT_1["value"] not in cells_of(corrected), corrected.text
    shown = cli("reports", "lysekil", "--period", THIS_WEEK, "--store", str(web.store)).stdout
    assert re.search(rf"Nedskräpning\s+1\s+{CORRECTED_VALUE}\b", shown), f"the CLI does not see the correction:\n{shown}"

    # --- Log out: the form is behind the login again.
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    driver.get(web.url + "/k/lysekil/rapport")
    assert "/login" in driver.current_url, "still logged in after logging out"

    # --- The reader: the week's lägesbild holds both events.
    browser_login(driver, web, "lysekil-reader", f"/k/lysekil/lagesbild?period={THIS_WEEK}")
    assert driver.find_elements(By.CSS_SELECTOR, "main#main table.heat"), "no heat map in the lägesbild page's <main>"
    assert heat_cell(driver, "Kronberget", "Nedskräpning") == CORRECTED_VALUE
    assert heat_cell(driver, "Stadsparken", "Ungdomssamlingar som stör") == EVENT_2["value"]
    text = driver.find_element(By.TAG_NAME, "main").text
    assert EVENT_1["note"] in text and EVENT_2["note"] in text, "the events' notes are not in the lägesbild"
    assert driver.find_element(By.ID, "prev-period").get_attribute("href")

    # --- Its CSV, downloaded through the link with the reader's session, equals the CLI's for the same store.
    link = driver.find_element(By.CSS_SELECTOR, "a.download[data-format='csv']")
    session = requests.Session()
    for cookie in driver.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"])
    download = session.get(link.get_attribute("href"), timeout=60)
    assert download.status_code == 200, download.status_code
    assert "attachment" in download.headers.get("Content-Disposition", "")
    assert f"lysekil-{THIS_WEEK}.csv" in download.headers["Content-Disposition"]
    out = web.work / "cli-browser-lagesbild"
    cli("lagesbild", "lysekil", "--period", THIS_WEEK, "--format", "csv", "--store", str(web.store), "--out", str(out))
    served = parse_csv(download.content.decode("utf-8"))
    written = parse_csv((out / f"lysekil-{THIS_WEEK}.csv").read_text(encoding="utf-8"))
    assert served == written, "the downloaded CSV differs from `platform-cli lagesbild --format csv`"
    header = served[0]
    cells = {(r[header.index("area_id")], r[header.index("indicator_id")]): r[header.index("value")] for r in served[1:]}
    assert cells[("kronberget", "nedskrapning")] == CORRECTED_VALUE
    assert cells[("stadsparken", "ungdomssamlingar")] == EVENT_2["value"]
