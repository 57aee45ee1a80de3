#!/usr/bin/env python3
"""Check iCalendar files the platform writes, with an independent parser (PyPI icalendar).

Usage:
    python3 scripts/check-ics.py FILE... [--expect-events N]
                                 [--expect-summary-count TEXT=N ...]
                                 [--expect-start-utc UID=YYYY-MM-DDTHH:MMZ ...]

For every FILE it checks:
  - the bytes: CRLF line endings only, no physical line over 75 octets, UTF-8;
  - the parse: icalendar reads it as one VCALENDAR;
  - time zones: a VTIMEZONE for every TZID a property uses, whose own rules (read
    without looking the TZID up) give the same UTC offsets as zoneinfo at every
    event's start and end;
  - events: every VEVENT has UID, DTSTAMP, DTSTART and SUMMARY; UIDs are unique;
    DTEND is after DTSTART;
  - round trip: Calendar.from_ical(text).to_ical(), parsed again, gives the same
    events (UID, DTSTART, DTEND, SUMMARY, LOCATION, DESCRIPTION);
  - the expectations given, each per file: --expect-events N events;
    --expect-summary-count TEXT=N events whose SUMMARY contains TEXT;
    --expect-start-utc UID=TIME the event UID starts at TIME in UTC.
It prints a few events per file with their start in local time and in UTC, so
the offsets (and a change to or from summer time) are visible, and ends with
the line `N passed, M failed`.

Exit status: 0 every check passed, 1 a check failed, 2 usage error or missing
tools.
"""

import argparse
import datetime
import sys
import zoneinfo

try:
    import icalendar
except ImportError as error:  # pragma: no cover - depends on the machine
    sys.stderr.write(f"check-ics: {error}\n  install it with: python3 -m pip install icalendar\n")
    sys.exit(2)

MAX_OCTETS = 75
SHOWN_EVENTS = 10
COMPARED = ("UID", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION")


class Report:
    """Counts and prints the outcome of each check."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what, problems=()):
        if ok:
            self.passed += 1
            print(f"  ok    {what}")
        else:
            self.failed += 1
            print(f"  FAIL  {what}")
            for problem in list(problems)[:10]:
                print(f"          {problem}")


def parse_count(text, option):
    """`TEXT=N` as (TEXT, N), split at the last `=`."""
    name, sep, number = text.rpartition("=")
    if not sep or not name or not number.isdigit():
        raise argparse.ArgumentTypeError(f"{option} wants TEXT=N, not {text!r}")
    return name, int(number)


def parse_start(text):
    """`UID=2027-03-23T08:00Z` as (UID, aware datetime in UTC)."""
    uid, sep, when = text.rpartition("=")
    try:
        instant = datetime.datetime.strptime(when, "%Y-%m-%dT%H:%MZ").replace(tzinfo=datetime.timezone.utc)
    except ValueError:
        instant = None
    if not sep or not uid or instant is None:
        raise argparse.ArgumentTypeError(f"--expect-start-utc wants UID=YYYY-MM-DDTHH:MMZ, not {text!r}")
    return uid, instant


def line_problems(data):
    """What is wrong with the physical lines of `data`."""
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if b"\r" in line or b"\n" in line:
            problems.append(f"line {number}: a bare CR or LF")
        if len(line) > MAX_OCTETS:
            problems.append(f"line {number}: {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not whole UTF-8 (a character split by folding?)")
    return problems


def value(component, name):
    """A property's value, comparable across parses: datetimes and dates as such, text as str."""
    prop = component.get(name)
    if prop is None:
        return None
    if hasattr(prop, "dt"):
        return prop.dt
    return str(prop)


def events_of(calendar):
    """Each VEVENT's compared properties, by UID."""
    return {str(event.get("UID")): tuple(value(event, name) for name in COMPARED)
            for event in calendar.walk("VEVENT")}


def as_utc(when):
    """A DTSTART/DTEND value in UTC; an all-day date stays a date."""
    if isinstance(when, datetime.datetime):
        return when.astimezone(datetime.timezone.utc)
    return when


def tzids_used(calendar):
    """Every TZID parameter of a property outside the VTIMEZONEs."""
    used = set()
    for component in calendar.walk():
        if component.name in ("VTIMEZONE", "STANDARD", "DAYLIGHT"):
            continue
        for prop in component.values():
            for item in prop if isinstance(prop, list) else [prop]:
                params = getattr(item, "params", None)
                if params and "TZID" in params:
                    used.add(str(params["TZID"]))
    return used


def check_file(path, args, report):
    print(f"== {path}")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        report.check(False, "readable", [str(error)])
        return
    report.check(not (problems := line_problems(data)), "CRLF line endings, lines of at most 75 octets", problems)

    try:
        calendar = icalendar.Calendar.from_ical(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        report.check(False, "parses as iCalendar", [str(error)])
        return
    report.check(calendar.name == "VCALENDAR", "parses as one VCALENDAR", [f"found {calendar.name}"])
    events = calendar.walk("VEVENT")

    # Time zones: one VTIMEZONE per TZID used, agreeing with zoneinfo.
    zones = {str(zone.get("TZID")): zone for zone in calendar.walk("VTIMEZONE")}
    missing = sorted(tzids_used(calendar) - set(zones))
    report.check(not missing, f"a VTIMEZONE for every TZID used ({', '.join(sorted(zones)) or 'none'})",
                 [f"no VTIMEZONE for {tzid}" for tzid in missing])
    problems = []
    for tzid, zone in zones.items():
        own = zone.to_tz(lookup_tzid=False)
        try:
            reference = zoneinfo.ZoneInfo(tzid)
        except zoneinfo.ZoneInfoNotFoundError:
            problems.append(f"{tzid}: unknown to zoneinfo")
            continue
        for event in events:
            for name in ("DTSTART", "DTEND"):
                when = value(event, name)
                if not isinstance(when, datetime.datetime) or when.tzinfo is None:
                    continue
                if str(event[name].params.get("TZID")) != tzid:
                    continue
                local = when.replace(tzinfo=None)
                ours, theirs = local.replace(tzinfo=own).utcoffset(), local.replace(tzinfo=reference).utcoffset()
                if ours != theirs:
                    problems.append(f"{event.get('UID')} {name} {local}: VTIMEZONE says {ours}, zoneinfo {theirs}")
    report.check(not problems, "each VTIMEZONE gives zoneinfo's offsets at every start and end", problems)

    # Events.
    problems = []
    for index, event in enumerate(events, 1):
        absent = [name for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY") if name not in event]
        if absent:
            problems.append(f"VEVENT {index} ({event.get('UID', 'no UID')}): no {', '.join(absent)}")
    report.check(not problems, f"every VEVENT has UID, DTSTAMP, DTSTART, SUMMARY ({len(events)} events)", problems)

    uids = [str(event.get("UID")) for event in events]
    duplicates = sorted({uid for uid in uids if uids.count(uid) > 1})
    report.check(not duplicates, "UIDs are unique", [f"{uid} occurs {uids.count(uid)} times" for uid in duplicates])

    problems = []
    for event in events:
        start, end = value(event, "DTSTART"), value(event, "DTEND")
        if end is None:
            continue
        if type(start) is not type(end):
            problems.append(f"{event.get('UID')}: DTSTART {start!r} and DTEND {end!r} differ in kind")
        elif not end > start:
            problems.append(f"{event.get('UID')}: DTEND {end} is not after DTSTART {start}")
    report.check(not problems, "DTEND after DTSTART", problems)

    # Round trip through icalendar's own writer.
    try:
        again = icalendar.Calendar.from_ical(calendar.to_ical())
        before, after = events_of(calendar), events_of(again)
        problems = [f"{uid}: {dict(zip(COMPARED, before.get(uid, ())))} became {dict(zip(COMPARED, after.get(uid, ())))}"
                    for uid in sorted(set(before) | set(after)) if before.get(uid) != after.get(uid)]
    except ValueError as error:
        problems = [f"the rewritten calendar does not parse: {error}"]
    report.check(not problems, "round trip (from_ical, to_ical, from_ical) keeps every event", problems)

    # Expectations.
    if args.expect_events is not None:
        report.check(len(events) == args.expect_events, f"{args.expect_events} events",
                     [f"found {len(events)}"])
    for text, count in args.expect_summary_count:
        found = sum(1 for event in events if text in str(event.get("SUMMARY", "")))
        report.check(found == count, f"{count} events whose SUMMARY contains {text!r}", [f"found {found}"])
    starts = {str(event.get("UID")): as_utc(value(event, "DTSTART")) for event in events}
    for uid, instant in args.expect_start_utc:
        found = starts.get(uid)
        report.check(found == instant, f"{uid} starts {instant:%Y-%m-%d %H:%M}Z",
                     ["no such event" if uid not in starts else f"starts {found}"])

    # A few events, local and UTC.
    shown = sorted(events, key=lambda event: str(as_utc(value(event, "DTSTART"))))
    print(f"  events ({min(len(shown), SHOWN_EVENTS)} of {len(shown)}):")
    for event in shown[:SHOWN_EVENTS]:
        start = value(event, "DTSTART")
        if isinstance(start, datetime.datetime):
            offset = start.strftime("%z")
            when = f"{start:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]} = {as_utc(start):%Y-%m-%d %H:%M}Z"
        else:
            when = f"{start:%Y-%m-%d} (all day)       "
        print(f"    {when}  {event.get('SUMMARY')}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", metavar="FILE", nargs="+")
    parser.add_argument("--expect-events", type=int, metavar="N")
    parser.add_argument("--expect-summary-count", action="append", default=[], metavar="TEXT=N",
                        type=lambda text: parse_count(text, "--expect-summary-count"))
    parser.add_argument("--expect-start-utc", action="append", default=[], metavar="UID=TIME", type=parse_start)
    args = parser.parse_args()

    report = Report()
    for path in args.files:
        check_file(path, args, report)
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
