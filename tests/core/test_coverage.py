"""Coverage: what each contact still lacks for the follow-ups (A1, A2, A5, C3, C8, C9)."""

from __future__ import annotations

from typing import Any

import pytest

from core.coverage import panel_flags, person_flags
from core.models import ContactMode, EmailSource, Person, RoleKind

COMPLETE: dict[str, Any] = {
    "id": 7,
    "application_id": 1,
    "name": "Jane Doe",
    "spelling_confirmed": True,
    "email": "jane@acme.com",
    "email_source": EmailSource.CARD,
    "best_time": "Tuesday mornings",
    "preferred_mode": ContactMode.EMAIL,
}


def person(**changes: Any) -> Person:
    """A complete contact record with some fields changed."""
    return Person(**{**COMPLETE, **changes})


def codes(p: Person, **kwargs: Any) -> list[str]:
    """The codes of a person's flags, in order."""
    return [f.code for f in person_flags(p, **kwargs)]


def test_a_complete_record_has_no_flags() -> None:
    """A1/A5: card, confirmed spelling, best time and mode: nothing to do."""
    assert person_flags(person()) == []


@pytest.mark.parametrize(
    ("changes", "code", "rule", "blocking"),
    [
        ({"email": ""}, "no_email", "A1", True),
        ({"email": "jane@@acme"}, "bad_email", "A1", True),
        ({"email_source": EmailSource.GUESSED}, "guessed_email", "A2", False),
        ({"spelling_confirmed": False}, "spelling", "A1", False),
        ({"best_time": ""}, "best_way", "A5", False),
        ({"preferred_mode": ContactMode.UNKNOWN}, "best_way", "A5", False),
        ({"role_kind": RoleKind.STAFF}, "thank_staff", "C8", False),
        ({"role_kind": RoleKind.OTHER}, "thank_staff", "C8", False),
    ],
)
def test_each_gap_is_one_flag(
    changes: dict[str, Any], code: str, rule: str, blocking: bool
) -> None:
    """A1/A2/A5/C8: each missing detail gives one flag naming its rule and reason."""
    flags = person_flags(person(**changes))
    assert [(f.code, f.rule, f.blocking) for f in flags] == [(code, rule, blocking)]
    assert flags[0].reason


def test_no_email_reason_names_the_thank_you_a1() -> None:
    """A1/C2: the reason says what the missing email stops."""
    (flag,) = person_flags(person(email=""))
    assert "thank-you email needs" in flag.reason


def test_bad_email_keeps_the_validation_reason_a1() -> None:
    """A1: an invalid address is flagged with why it is invalid."""
    (flag,) = person_flags(person(email="jane@acme"))
    assert "Not a valid email address" in flag.reason


def test_guessed_email_is_never_confirmed_a2() -> None:
    """A2: a guessed address is always flagged as a guess."""
    (flag,) = person_flags(person(email_source=EmailSource.GUESSED))
    assert "guess" in flag.reason


def test_mailing_address_only_where_a_mailed_note_is_wanted_c3() -> None:
    """C3: no address is a gap only when a mailed note is planned for that person."""
    assert codes(person()) == []
    assert codes(person(), wants_mailed_note=True) == ["no_address"]
    assert codes(person(mailing_address="1 Main St\nBoston"), wants_mailed_note=True) == []
    (flag,) = person_flags(person(), wants_mailed_note=True)
    assert (flag.rule, flag.blocking) == ("C3", True)
    assert "mailed note needs" in flag.reason


def test_staff_thanked_are_not_flagged_c8() -> None:
    """C8: staff met are flagged until they are in the set of people thanked."""
    staff = person(role_kind=RoleKind.STAFF)
    assert codes(staff, thanked=set()) == ["thank_staff"]
    assert codes(staff, thanked={7}) == []
    assert codes(staff, thanked={8}) == ["thank_staff"]
    assert codes(person(role_kind=RoleKind.INTERVIEWER), thanked=set()) == []


def test_blocking_flags_first() -> None:
    """A1/C3: what blocks a follow-up comes before advice."""
    gappy = person(email="", spelling_confirmed=False, best_time="", role_kind=RoleKind.STAFF)
    assert codes(gappy, wants_mailed_note=True) == [
        "no_email",
        "no_address",
        "spelling",
        "best_way",
        "thank_staff",
    ]


@pytest.mark.parametrize(
    ("kinds", "flagged"),
    [
        ([RoleKind.RECRUITER], True),
        ([RoleKind.RECRUITER, RoleKind.RECRUITER, RoleKind.STAFF], True),
        ([RoleKind.RECRUITER, RoleKind.INTERVIEWER], False),
        ([RoleKind.RECRUITER, RoleKind.FUTURE_MANAGER], False),
        ([RoleKind.INTERVIEWER], False),
        ([RoleKind.STAFF], False),
        ([], False),
    ],
)
def test_only_hr_on_record_c9(kinds: list[RoleKind], flagged: bool) -> None:
    """C9/E4: an application whose only contacts are HR/recruiters is flagged."""
    flags = panel_flags(person(id=i, role_kind=k) for i, k in enumerate(kinds))
    assert bool(flags) is flagged
    if flagged:
        assert (flags[0].rule, flags[0].code) == ("C9", "only_hr")
        assert "not only HR" in flags[0].reason
