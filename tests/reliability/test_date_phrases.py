"""Issue #7, bad input 14: ambiguous, impossible and far-future date phrases get a clear message
quoting what was typed, never a silent wrong date (cases tests/core/test_dates.py lacks).

Each of these was read silently wrong before core/date_checks.py: '03/04/2027' as 4 March,
'2026-13-01' as 13 January, 'tomorrow 25:00' as tomorrow at this hour, '12' and 'the 12th' as
1 December.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.dates import DatePhraseError, parse_when
from core.repository import Repository
from core.services import Capture, FieldErrors, capture_interview
from tests.core.conftest import NOW  # Monday 2026-11-23 14:30 in New York


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("03/04/2027", "could be 4 Mar or 3 Apr"),
        ("3/4", "could be 4 Mar or 3 Apr"),
        ("12/11", "could be 11 Dec or 12 Nov"),
        ("3-4-2027", "could be 4 Mar or 3 Apr"),
        ("04/05 3pm", "could be 5 Apr or 4 May"),
        ("12", "could be a day, a month or an hour"),
        ("7", "could be a day, a month or an hour"),
        ("2027", "alone is not a day"),
    ],
)
@pytest.mark.parametrize("prefer", ["past", "future"])
def test_ambiguous_phrases_are_refused_with_both_readings(
    phrase: str, words: str, prefer: str
) -> None:
    with pytest.raises(DatePhraseError) as err:
        parse_when(phrase, NOW, prefer=prefer)  # type: ignore[arg-type]
    assert str(err.value).startswith(repr(phrase))
    assert words in str(err.value)


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("2026-13-01", "not a real date"),
        ("2026-02-30", "not a real date"),
        ("31/02/2027", "not a real date"),
        ("02/31", "not a real date"),
        ("tomorrow 25:00", "25:00 is not a time of day"),
        ("friday 9:75", "9:75 is not a time of day"),
        ("the 32nd", "no day 32"),
        ("feb 29 2027", "Can't read"),
        ("31 april 2027", "Can't read"),
    ],
)
def test_impossible_dates_and_times_are_refused(phrase: str, words: str) -> None:
    with pytest.raises(DatePhraseError) as err:
        parse_when(phrase, NOW)
    assert words in str(err.value)


@pytest.mark.parametrize(
    ("phrase", "prefer", "message"),
    [
        ("in 10 years", "future", "over two years ahead"),
        ("2099-01-01", "future", "over two years ahead"),
        ("9999-12-31", "future", "over two years ahead"),
        ("in 1000 days", "future", "over two years ahead"),
        ("in 999999999999 years", "future", "Can't read"),
        ("2027-06-01", "past", "in the future"),
        ("1999-01-01", "past", "over a year ago"),
    ],
)
def test_far_dates_are_refused(phrase: str, prefer: str, message: str) -> None:
    with pytest.raises(DatePhraseError) as err:
        parse_when(phrase, NOW, prefer=prefer)  # type: ignore[arg-type]
    assert repr(phrase) in str(err.value)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("phrase", "prefer", "day"),
    [
        ("13/04/2027", "future", date(2027, 4, 13)),  # only one reading: day first
        ("04/13/2027", "future", date(2027, 4, 13)),  # only one reading: month first
        ("12/12", "future", date(2026, 12, 12)),  # both readings agree
        ("2027/03/04", "future", date(2027, 3, 4)),  # year first: ISO order
        ("4 mar", "future", date(2027, 3, 4)),
        ("the 12th", "future", date(2026, 12, 12)),
        ("12th", "past", date(2026, 11, 12)),
        ("the 23rd", "future", date(2026, 11, 23)),  # today
        ("the 31st", "future", date(2026, 12, 31)),  # November has no 31st
        ("the 31st", "past", date(2026, 10, 31)),
    ],
)
def test_unambiguous_phrases_read_right(phrase: str, prefer: str, day: date) -> None:
    when = parse_when(phrase, NOW, prefer=prefer)  # type: ignore[arg-type]
    assert when.moment.date() == day
    assert when.date_only


def test_the_capture_form_says_which_field(db_path: Path) -> None:
    """The message reaches the user next to the field, and nothing is stored."""
    repo = Repository.open(db_path)
    try:
        with pytest.raises(FieldErrors) as err:
            capture_interview(repo, Capture(company="Acme", decision="03/04"), NOW)
        assert "could be 4 Mar or 3 Apr" in err.value.errors["decision"]
        assert repo.count_interviews() == 0
    finally:
        repo.close()


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        # dateparser kept the day of the month and dropped the weekday (13 Dec 2026 is a Sunday)
        ("fri 13 dec", "reads as Sun 13 Dec 2026, which is not a Friday"),
        # ... or read '9' as some day of some month
        ("friday at 9", "which is not a Friday"),
        # ... or gave the 13th that has passed, though a date to come was asked for
        ("friday 13", "which has passed; the next one is Fri 13 Aug 2027"),
        ("friday the 13th", "which has passed; the next one is Fri 13 Aug 2027"),
    ],
)
def test_a_weekday_and_a_date_that_disagree_are_refused(phrase: str, words: str) -> None:
    """A weekday and a day of the month that do not fit together are refused, with the reading
    and the date the user may have meant, never one of the two dropped without a word."""
    with pytest.raises(DatePhraseError) as err:
        parse_when(phrase, NOW, prefer="future")
    message = str(err.value)
    assert message.startswith(repr(phrase)) and words in message


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("friday 4th dec", date(2026, 12, 4)),
        ("monday 7 dec", date(2026, 12, 7)),
        ("fri 13 aug 2027", date(2027, 8, 13)),
        ("friday 4 dec 10am", date(2026, 12, 4)),
        ("friday 3pm", date(2026, 11, 27)),
    ],
)
def test_a_weekday_and_a_date_that_agree_are_read(phrase: str, expected: date) -> None:
    """The check refuses nothing that fits: the weekday matches the day of the month."""
    assert parse_when(phrase, NOW, prefer="future").moment.date() == expected
