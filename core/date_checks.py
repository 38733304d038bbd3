"""Date phrases dateparser would read silently wrong: refused with a clear message, or read here.

dateparser reads '03/04/2027' month first without a word, '2026-13-01' as 13 January,
'tomorrow 25:00' as tomorrow at this hour, '12' as 1 December and 'the 12th' as 1 December.
Each of these is a wrong date the user would not notice; they are caught before dateparser.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Literal

_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?\.?(?=\s|$)")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?=\s|t|$)")
_CLOCK = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])")
_ORDINAL_DAY = re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)$")
_BARE_NUMBER = re.compile(r"^\d+$")
_LEAP_YEAR = 2000  # a day-month pair without a year is checked against a leap year


def check_numbers(text: str, phrase: str, error: type[ValueError]) -> None:
    """Raise `error` for an impossible date or time, a day and month that could be either
    way round, or a bare number; `text` is the phrase lowered and spaced once."""
    quoted = repr(phrase.strip())
    if _BARE_NUMBER.match(text):
        what = "could be a day, a month or an hour" if len(text) <= 2 else "is not a day"
        raise error(f"{quoted} alone {what}. Try 'the 12th', 'dec 12', '12pm' or 2026-12-04.")
    iso = _ISO_DATE.match(text)
    if iso and not _exists(int(iso[1]), int(iso[2]), int(iso[3])):
        raise error(f"{quoted} is not a real date (year-month-day). Try 2026-12-04.")
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        first, second = int(numeric[1]), int(numeric[2])
        year = _full_year(numeric[3])
        if first <= 12 and second <= 12 and first != second:
            month_first = f"{second} {calendar.month_abbr[first]}"
            day_first = f"{first} {calendar.month_abbr[second]}"
            raise error(
                f"{quoted} could be {month_first} or {day_first}. Write the month as a "
                f"word ('{month_first.lower()}') or the date as year-month-day."
            )
        day, month = (first, second) if first > 12 else (second, first)
        if not _exists(year, month, day):
            raise error(f"{quoted} is not a real date. Try 'dec 4' or 2026-12-04.")
    for hours, minutes in _CLOCK.findall(text):
        if int(hours) > 23 or int(minutes) > 59:
            raise error(f"{quoted}: {hours}:{minutes} is not a time of day.")


def ordinal_day(
    text: str, today: date, prefer: Literal["past", "future"], error: type[ValueError]
) -> date | None:
    """Read 'the 12th' as the next 12th of a month (the last one when the past is wanted);
    None when `text` is not such a phrase."""
    match = _ORDINAL_DAY.match(text)
    if not match:
        return None
    day = int(match[1])
    if not 1 <= day <= 31:
        raise error(f"There is no day {day} in a month. Try 'dec 12' or 2026-12-04.")
    step = 1 if prefer == "future" else -1
    year, month = today.year, today.month
    for _ in range(13):
        if _exists(year, month, day):
            found = date(year, month, day)
            if (found >= today) if step == 1 else (found <= today):
                return found
        month += step
        if month in (0, 13):
            year, month = year + step, 12 if month == 0 else 1
    return None  # unreachable: every day up to 31 comes round within a year


def _full_year(digits: str | None) -> int:
    if digits is None:
        return _LEAP_YEAR
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _exists(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|rs|sday|nesday|rsday|urday|\.)?(?![a-z])"
)
_DAY_NUMBER = re.compile(
    r"(?<![\d:.])(\d{1,2})(?:st|nd|rd|th)?(?![\d:.])"
    r"(?!\s*(?:am|pm|a\.m|p\.m|h\b|hrs?\b|hours?|m\b|mins?\b|minutes?|days?|weeks?|months?|years?))"
)


def check_weekday(
    text: str,
    phrase: str,
    day: date,
    today: date,
    prefer: Literal["past", "future"],
    error: type[ValueError],
) -> None:
    """Refuse a phrase naming both a weekday and a day of the month ('friday 13', 'fri 13 dec')
    that dateparser read as another weekday, or (when the future is wanted) as a day gone by:
    it drops whichever part does not fit, without a word."""
    named = _WEEKDAY.search(text)
    if not named or not _DAY_NUMBER.search(text):
        return
    weekday = _WEEKDAYS.index(named[1])
    quoted, shown = repr(phrase.strip()), day.strftime("%a %d %b %Y")
    if day.weekday() != weekday:
        raise error(
            f"{quoted} reads as {shown}, which is not a {calendar.day_name[weekday]}. "
            "Check the day or the date (for a time: 'friday 9am')."
        )
    if prefer == "future" and day < today:
        later = _next_same(day, today)
        raise error(
            f"{quoted} reads as {shown}, which has passed; the next one is "
            f"{later:%a %d %b %Y}: write it with its month and year."
        )


def _next_same(day: date, today: date) -> date:
    """The first date after `today` with the same day of the month and weekday as `day`."""
    year, month = today.year, today.month
    while True:
        if _exists(year, month, day.day):
            found = date(year, month, day.day)
            if found > today and found.weekday() == day.weekday():
                return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
