"""Date phrases in the user's zone (America/New_York), business days, and read-back labels."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta

import pytest

from core.dates import (
    DatePhraseError,
    add_business_days,
    describe,
    elapsed_label,
    is_business_day,
    parse_when,
)
from tests.core.conftest import NOW, NY

EST = timedelta(hours=-5)
EDT = timedelta(hours=-4)


# phrase, prefer, expected local date, expected local time (None: not checked), date_only
PHRASES = [
    ("now", "past", date(2026, 11, 23), time(14, 30), False),
    ("30 min ago", "past", date(2026, 11, 23), time(14, 0), False),
    ("yesterday 4pm", "past", date(2026, 11, 22), time(16, 0), False),
    ("tomorrow", "future", date(2026, 11, 24), None, True),
    ("next friday", "future", date(2026, 11, 27), None, True),
    ("  Next   FRIDAY ", "future", date(2026, 11, 27), None, True),
    ("in 2 weeks", "future", date(2026, 12, 7), None, True),
    ("2026-12-04", "future", date(2026, 12, 4), None, True),
    ("tomorrow 9am", "future", date(2026, 11, 24), time(9, 0), False),
    ("in 2 hours", "future", date(2026, 11, 23), time(16, 30), False),
    ("3 business days", "future", date(2026, 11, 26), None, True),
]


@pytest.mark.parametrize(("phrase", "prefer", "day", "clock_time", "date_only"), PHRASES)
def test_phrase_reads_in_the_users_zone(
    phrase: str, prefer: str, day: date, clock_time: time | None, date_only: bool
) -> None:
    """Every phrase of the foundation issue, read relative to a fixed Monday afternoon."""
    when = parse_when(phrase, NOW, prefer=prefer)  # type: ignore[arg-type]
    assert when.moment.tzinfo is NY
    assert when.moment.date() == day
    if clock_time is not None:
        assert when.moment.time() == clock_time
    assert when.moment.utcoffset() == EST
    assert when.date_only is date_only


@pytest.mark.parametrize(
    ("start", "n", "country", "expected"),
    [
        # Mon 23 Nov + 3: Tue, Wed, (Thanksgiving Thu 26 skipped in the US), Fri 27.
        (date(2026, 11, 23), 3, "US", date(2026, 11, 27)),
        # No country set: weekends only, so Thursday counts.
        (date(2026, 11, 23), 3, None, date(2026, 11, 26)),
        # Across a weekend: Thu 19 Nov + 3 = Fri 20, Mon 23, Tue 24.
        (date(2026, 11, 19), 3, "US", date(2026, 11, 24)),
        (date(2026, 11, 19), 3, None, date(2026, 11, 24)),
        # Across the weekend and the holiday: Wed 25 + 2 = Fri 27, Mon 30.
        (date(2026, 11, 25), 2, "US", date(2026, 11, 30)),
        # Starting on a Saturday.
        (date(2026, 11, 21), 1, None, date(2026, 11, 23)),
    ],
)
def test_add_business_days_skips_weekends_and_holidays(
    start: date, n: int, country: str | None, expected: date
) -> None:
    """Business day = Monday to Friday minus the country's public holidays (PLAYBOOK intro)."""
    assert add_business_days(start, n, country) == expected


def test_business_days_phrase_across_thanksgiving() -> None:
    """'3 business days' with country=US skips Thanksgiving 2026-11-26."""
    when = parse_when("3 business days", NOW, country="US")
    assert when.moment.date() == date(2026, 11, 27)
    assert when.date_only


def test_business_days_phrase_across_weekend() -> None:
    """'in 3 business days' from a Thursday lands on the Tuesday after the weekend."""
    thursday = datetime(2026, 11, 19, 10, 0, tzinfo=NY)
    assert parse_when("in 3 business days", thursday).moment.date() == date(2026, 11, 24)


@pytest.mark.parametrize(
    ("day", "country", "expected"),
    [
        (date(2026, 11, 26), "US", False),  # Thanksgiving
        (date(2026, 11, 26), None, True),
        (date(2026, 11, 28), None, False),  # Saturday
        (date(2026, 11, 23), "US", True),
    ],
)
def test_is_business_day(day: date, country: str | None, expected: bool) -> None:
    """Holidays only count when a country is set."""
    assert is_business_day(day, country) is expected


@pytest.mark.parametrize("phrase", ["blorp", "next blursday", "the day after never"])
def test_unreadable_phrase_is_an_error_naming_it(phrase: str) -> None:
    """An unparseable phrase is a clear error that quotes what was typed."""
    with pytest.raises(DatePhraseError) as err:
        parse_when(phrase, NOW)
    assert repr(phrase) in str(err.value)


@pytest.mark.parametrize("phrase", ["", "   "])
def test_empty_phrase_asks_for_a_date(phrase: str) -> None:
    """A blank phrase says what to type."""
    with pytest.raises(DatePhraseError, match="Enter a date"):
        parse_when(phrase, NOW)


@pytest.mark.parametrize(
    "phrase", ["tomorrow", "next friday", "in 10 min", "2026-12-04", "3 business days"]
)
def test_future_is_rejected_when_a_past_moment_is_expected(phrase: str) -> None:
    """An interview cannot have ended in the future."""
    with pytest.raises(DatePhraseError, match="in the future") as err:
        parse_when(phrase, NOW, prefer="past")
    assert repr(phrase) in str(err.value)


def test_a_few_minutes_ahead_is_tolerated_for_the_past() -> None:
    """Clock slack: 'in 3 min' still reads as a past-ish moment (within 5 minutes)."""
    assert parse_when("in 3 min", NOW, prefer="past").moment == NOW + timedelta(minutes=3)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("in 3 years", "over two years ahead"),
        ("999 business days", "over two years ahead"),
        ("2024-01-01", "over a year ago"),
        ("2025-11-01", "over a year ago"),
    ],
)
@pytest.mark.parametrize("prefer", ["past", "future"])
def test_far_dates_are_rejected(phrase: str, message: str, prefer: str) -> None:
    """A date over a year ago or over two years ahead is surely a typo."""
    with pytest.raises(DatePhraseError) as err:
        parse_when(phrase, NOW, prefer=prefer)  # type: ignore[arg-type]
    assert repr(phrase) in str(err.value)
    if prefer == "future":
        assert message in str(err.value)


def test_within_a_year_ago_is_accepted() -> None:
    """357 days ago is still a plausible date."""
    assert parse_when("2025-12-01", NOW, prefer="past").moment.date() == date(2025, 12, 1)


# DST ends in New York on 2026-11-01 at 02:00 EDT (clocks go back to 01:00 EST).
DST_NOW = datetime(2026, 11, 1, 3, 0, tzinfo=NY)  # 08:00 UTC


@pytest.mark.parametrize(
    ("phrase", "prefer", "base", "utc_moment", "offset"),
    [
        # Durations are real elapsed time, across the repeated hour.
        ("3 hours ago", "past", DST_NOW, datetime(2026, 11, 1, 5, 0, tzinfo=UTC), EDT),
        ("90 minutes ago", "past", DST_NOW, datetime(2026, 11, 1, 6, 30, tzinfo=UTC), EST),
        ("30 min ago", "past", DST_NOW, datetime(2026, 11, 1, 7, 30, tzinfo=UTC), EST),
        (
            "in 2 hours",
            "future",
            datetime(2026, 11, 1, 0, 30, tzinfo=NY),
            datetime(2026, 11, 1, 6, 30, tzinfo=UTC),
            EST,
        ),
        # Calendar phrases are wall-clock times, each with the offset of its own date.
        ("yesterday 4pm", "past", DST_NOW, datetime(2026, 10, 31, 20, 0, tzinfo=UTC), EDT),
        ("tomorrow 9am", "future", DST_NOW, datetime(2026, 11, 2, 14, 0, tzinfo=UTC), EST),
        (
            "next friday",
            "future",
            datetime(2026, 10, 30, 9, 0, tzinfo=NY),
            datetime(2026, 11, 6, 5, 0, tzinfo=UTC),
            EST,
        ),
        ("now", "past", DST_NOW, datetime(2026, 11, 1, 8, 0, tzinfo=UTC), EST),
    ],
)
def test_dst_offsets_are_right(
    phrase: str, prefer: str, base: datetime, utc_moment: datetime, offset: timedelta
) -> None:
    """Around the end of DST (America/New_York, 2026-11-01) each reading has the right offset."""
    moment = parse_when(phrase, base, prefer=prefer).moment  # type: ignore[arg-type]
    assert moment.astimezone(UTC) == utc_moment
    assert moment.utcoffset() == offset


@pytest.mark.parametrize(
    ("since", "now", "label"),
    [
        (NOW, NOW, "0 min"),
        (NOW - timedelta(minutes=12, seconds=59), NOW, "12 min"),
        (NOW - timedelta(hours=3, minutes=5), NOW, "3 h 05 min"),
        (NOW - timedelta(hours=47, minutes=59), NOW, "47 h 59 min"),
        (NOW - timedelta(hours=48), NOW, "2 days"),
        (NOW - timedelta(days=9, hours=5), NOW, "9 days"),
        (NOW + timedelta(minutes=1), NOW, "not yet"),
        # Across the end of DST: 00:30 EDT to 03:00 EST is 3 h 30 of real time.
        (datetime(2026, 11, 1, 0, 30, tzinfo=NY), DST_NOW, "3 h 30 min"),
    ],
)
def test_elapsed_label(since: datetime, now: datetime, label: str) -> None:
    """D1: the 'fresh' timer reads how long ago the interview ended."""
    assert elapsed_label(since, now) == label


@pytest.mark.parametrize(
    ("moment", "date_only", "text"),
    [
        (datetime(2026, 11, 27, 9, 0, tzinfo=NY), False, "Fri 27 Nov 2026, 09:00 (in 3 days)"),
        (datetime(2026, 11, 27, 9, 0, tzinfo=NY), True, "Fri 27 Nov 2026 (in 3 days)"),
        (NOW - timedelta(minutes=30), False, "Mon 23 Nov 2026, 14:00 (30 minutes ago)"),
        (NOW, False, "Mon 23 Nov 2026, 14:30 (just now)"),
    ],
)
def test_describe_reads_the_date_back(moment: datetime, date_only: bool, text: str) -> None:
    """The interpreted date is always shown back to the user, absolute and relative."""
    assert describe(moment, NOW, date_only=date_only) == text


def test_dates_imports_heavy_libraries_only_when_used() -> None:
    """Importing core.dates loads neither dateparser nor holidays until a phrase is read."""
    code = """
import sys
from datetime import datetime
from zoneinfo import ZoneInfo
import core.dates as d
assert "dateparser" not in sys.modules, "dateparser at import"
assert "holidays" not in sys.modules, "holidays at import"
now = datetime(2026, 11, 23, 14, 30, tzinfo=ZoneInfo("America/New_York"))
d.parse_when("next friday", now)
assert "dateparser" in sys.modules
d.parse_when("3 business days", now, country="US")
assert "holidays" in sys.modules
print("ok")
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
