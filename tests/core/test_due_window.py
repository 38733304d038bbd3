"""#8, C2: `due` tells whether a thank-you's window is over by its end's date where that decides
it (two or more days from now's UTC day) and by comparing the moments otherwise; the answer is
always `now > datetime.fromisoformat(end)`'s, at any offset, raising alike for what that
comparison or parse refuses."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.repository.due_sql import window_over

OFFSETS = [timedelta(hours=h, minutes=m) for h, m in ((-23, -59), (-12, 0), (-5, 0), (0, 0))]
OFFSETS += [timedelta(hours=5, minutes=30), timedelta(hours=14), timedelta(hours=23, minutes=59)]
NOWS = [
    datetime(2026, 11, 23, 0, 0, tzinfo=UTC),
    datetime(2026, 11, 23, 23, 59, 59, 999_999, tzinfo=UTC),
    datetime(2026, 11, 23, 14, 30, 0, 123_456, tzinfo=timezone(timedelta(hours=-5))),
    datetime(2026, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=13))),
]
STEPS = [timedelta(hours=h) for h in range(-80, 81, 7)] + [
    timedelta(days=d, microseconds=u) for d in (-2, -1, 0, 1, 2) for u in (-1, 0, 1)
]


@pytest.mark.parametrize("now", NOWS, ids=[n.isoformat() for n in NOWS])
def test_c2_window_over_answers_as_the_comparison(now: datetime) -> None:
    """Ends all around now (to the microsecond, near each day's edge), stored at any offset."""
    over = window_over(now)
    answers = set()
    for step, offset in itertools.product(STEPS, OFFSETS):
        end = (now + step).astimezone(timezone(offset)).isoformat()
        expected = now > datetime.fromisoformat(end)
        assert over(end) is expected, end
        answers.add(expected)
    assert answers == {True, False}


def test_c2_window_over_decides_far_ends_by_date_and_near_ones_exactly() -> None:
    """A day two days off is decided either way; the same day, a microsecond decides."""
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    over = window_over(now)
    assert over("2026-11-21T23:59:59-23:59") is True  # 2026-11-22T23:58:59Z
    assert over("2026-11-25T00:00:00+23:59") is False  # 2026-11-24T00:01:00Z
    assert over("2026-11-23T11:59:59.999999+00:00") is True
    assert over("2026-11-23T12:00:00+00:00") is False
    assert over("2026-11-23T07:00:00.000001-05:00") is False


def test_c2_window_over_raises_as_the_comparison_did() -> None:
    """A naive end cannot be compared with an aware now; text that is no date is refused."""
    over = window_over(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    for end in ("2020-01-01T00:00:00", "2030-01-01T00:00:00"):
        with pytest.raises(TypeError):
            over(end)
    with pytest.raises(ValueError):
        over("soon")
