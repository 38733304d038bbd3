"""Date phrases in the user's time zone, business days, and how dates read back to the user."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from core.date_checks import check_numbers, check_weekday, ordinal_day

Prefer = Literal["past", "future"]

_BUSINESS_DAYS = re.compile(
    r"^(?:in\s+)?(\d{1,3})\s+(?:business|working|work)\s+days?(?:\s+from now)?$"
)
_HAS_TIME = re.compile(
    r"\d\s*(?:am|pm|a\.m\.|p\.m\.)\b|\d:\d\d|\bnoon\b|\bmidnight\b|\bago\b|\bnow\b"
)
# A duration in hours/minutes ('90 minutes ago', 'in 2 hours'): real elapsed time.
_CLOCK_DURATION = re.compile(
    r"^(?:in\s+)?(?:(?:\d+|an?|half an?)\s*"
    r"(?:h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b(?:\s+and)?\s*)+(?:ago)?$"
)
_MAX_PAST = timedelta(days=366)
_MAX_FUTURE = timedelta(days=2 * 366)
_FUTURE_SLACK = timedelta(minutes=5)


class DatePhraseError(ValueError):
    """A date phrase that could not be read, or read as a date that makes no sense here."""


class When(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """The reading of a date phrase: the moment, and whether the phrase named only a day."""

    moment: datetime
    date_only: bool


def parse_when(
    phrase: str,
    now: datetime,
    *,
    prefer: Prefer = "future",
    country: str | None = None,
    subdivision: str | None = None,
) -> When:
    """Read a phrase like '30 min ago', 'next friday', '3 business days' relative to `now`."""
    text = " ".join(phrase.strip().lower().split())
    if not text:
        raise DatePhraseError("Enter a date or time, e.g. 'tomorrow 9am' or '2026-12-04'.")
    if text == "now":
        return When(now, date_only=False)
    match = _BUSINESS_DAYS.match(text)
    if match:
        day = add_business_days(now.date(), int(match.group(1)), country, subdivision)
        moment = _at(day, now.time(), now)
        _check_range(phrase, moment, now, prefer)
        return When(moment, date_only=True)
    check_numbers(text, phrase, DatePhraseError)  # what dateparser would read silently wrong
    ordinal = ordinal_day(text, now.date(), prefer, DatePhraseError)
    if ordinal is not None:
        moment = _at(ordinal, time(0), now)
        _check_range(phrase, moment, now, prefer)
        return When(moment, date_only=True)
    parsed = _dateparser_parse(text, now, prefer)
    if parsed is None:
        raise DatePhraseError(
            f"Can't read {phrase.strip()!r} as a date. Try 'tomorrow 9am', "
            "'next friday', 'in 2 weeks' or 2026-12-04."
        )
    if _CLOCK_DURATION.match(text):
        # Count hours and minutes in real time, so the DST change does not add or lose one.
        elapsed = parsed - now.replace(tzinfo=None)
        moment = (now.astimezone(UTC) + elapsed).astimezone(now.tzinfo)
        date_only = False
    else:
        moment = _at(parsed.date(), parsed.time(), now)
        # A day named without a time ('tomorrow', 'next friday'): dateparser gives midnight
        # or the time of `now`.
        date_only = not _HAS_TIME.search(text) and parsed.time() in (time(0), now.time())
        check_weekday(text, phrase, moment.date(), now.date(), prefer, DatePhraseError)
    _check_range(phrase, moment, now, prefer)
    return When(moment, date_only)


def _dateparser_parse(text: str, now: datetime, prefer: Prefer) -> datetime | None:
    import dateparser  # heavy: imported only when a phrase is read

    settings: dict[str, Any] = {
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    result: datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
    return result


def _at(day: date, clock_time: time, now: datetime) -> datetime:
    return datetime.combine(day, clock_time.replace(tzinfo=None), tzinfo=now.tzinfo)


def _check_range(phrase: str, moment: datetime, now: datetime, prefer: Prefer) -> None:
    shown = moment.strftime("%a %d %b %Y")
    if prefer == "past" and moment > now + _FUTURE_SLACK:
        raise DatePhraseError(f"{phrase.strip()!r} reads as {shown}, which is in the future.")
    if moment < now - _MAX_PAST:
        raise DatePhraseError(f"{phrase.strip()!r} reads as {shown}, over a year ago.")
    if moment > now + _MAX_FUTURE:
        raise DatePhraseError(f"{phrase.strip()!r} reads as {shown}, over two years ahead.")


@lru_cache(maxsize=32)
def _calendar(country: str | None, subdivision: str | None) -> Any:
    import holidays  # heavy: imported only when business days are counted

    if not country:
        return holidays.HolidayBase()
    return holidays.country_holidays(country, subdiv=subdivision)


def add_business_days(
    start: date, n: int, country: str | None = None, subdivision: str | None = None
) -> date:
    """Return the n-th business day after `start` (weekends and the country's holidays skipped)."""
    result: date = _calendar(country, subdivision).get_nth_working_day(start, n)
    return result


def is_business_day(day: date, country: str | None = None, subdivision: str | None = None) -> bool:
    """Say whether `day` is a working day (not a weekend, not a public holiday)."""
    cal = _calendar(country, subdivision)
    return bool(cal.is_working_day(day))


def elapsed_label(since: datetime, now: datetime) -> str:
    """Say how long ago `since` was, compactly: '12 min', '3 h 05 min', '2 days'."""
    seconds = int((now.astimezone(UTC) - since.astimezone(UTC)).total_seconds())
    if seconds < 0:
        return "not yet"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d} min"
    return f"{hours // 24} days"


def describe(moment: datetime, now: datetime, *, date_only: bool = False) -> str:
    """Read a moment back to the user: 'Fri 27 Nov 2026, 09:00 (in 4 days)'."""
    import arrow

    shown = moment.strftime("%a %d %b %Y") if date_only else moment.strftime("%a %d %b %Y, %H:%M")
    relative = arrow.get(moment).humanize(arrow.get(now))
    return f"{shown} ({relative})"


def short_relative(moment: datetime, now: datetime) -> str:
    """Say compactly how far `moment` is from `now`: 'in 40 min', 'in 22 h', '3 d ago'."""
    seconds = (moment.astimezone(UTC) - now.astimezone(UTC)).total_seconds()
    ahead, span = seconds >= 0, abs(seconds)
    if span < 3600:
        text = f"{max(1, round(span / 60))} min"
    elif span < 48 * 3600:
        text = f"{round(span / 3600)} h"
    else:
        text = f"{round(span / 86400)} d"
    return f"in {text}" if ahead else f"{text} ago"
