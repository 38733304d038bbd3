"""The `due` lines' SQL (#8): what a line is read from, its warning worked out in SQL from the
values as stored, and the same warning worked out in Python once a file's values are cleaned."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from core.kinds import ActionKind, EmailSource
from core.repository.plan import _OPEN

WARN_NONE, WARN_YES, WARN_IF_LATE, WARN_IF_GUARD, WARN_LOOK = range(5)
"""What a due line's warning column says: nothing to warn of; warned (a rule's flag, A1 no
address, A2 a guessed one); warned if the thank-you's window has ended (C2); warned if D7's
guard finds something (a status check the user moved); a stored value SQL cannot judge (a
control character where cleaning could change the answer): read with DUE_DETAIL_COLUMNS."""

_THANK_YOU, _STATUS_CHECK = ActionKind.THANK_YOU.value, ActionKind.STATUS_CHECK.value
_PLAIN_SOURCES = ", ".join(f"'{s.value}'" for s in EmailSource if s is not EmailSource.GUESSED)


def _kept(column: str) -> str:
    """SQL: whether the first character of `column` survives cleaning (core.text.clean_text),
    so the cleaned value is not empty: not a C0 control, DEL or C1 control (every escape
    sequence begins with one of those)."""
    first = f"unicode({column})"
    return f"({first} >= 32 AND {first} NOT BETWEEN 127 AND 159)"


_DUE_WARNING = (
    f"CASE WHEN x.flag != '' THEN CASE WHEN {_kept('x.flag')} THEN {WARN_YES} ELSE {WARN_LOOK} "
    f"END WHEN x.kind = '{_THANK_YOU}' THEN CASE "
    f"WHEN COALESCE(p.email, '') = '' OR p.email_source = '{EmailSource.GUESSED.value}' "
    f"THEN {WARN_YES} WHEN p.email_source IN ({_PLAIN_SOURCES}) AND {_kept('p.email')} "
    f"THEN {WARN_IF_LATE} ELSE {WARN_LOOK} END "
    f"WHEN x.kind = '{_STATUS_CHECK}' AND x.user_changed THEN {WARN_IF_GUARD} ELSE {WARN_NONE} END"
)
DUE_COLUMNS = (
    "x.id, x.kind, x.rule, x.due, x.due_utc < :now, a.company, COALESCE(p.name, ''), "
    f"{_DUE_WARNING}, CASE WHEN x.kind = '{_THANK_YOU}' THEN x.window_end END"
)
"""What a due line is read from: id, kind, rule, due, overdue (before :now, both UTC text,
which sorts as time does), company, person, the warning (WARN_*: worked out in SQL, from the
flag, the thank-you's address and its source, whether the user moved a status check) and a
thank-you's window end (C2). Every column is in the index actions_due_lines (0008)."""

DUE_TEXT = (9, (1, 2, 3, 5, 6), (8,))
"""Where DUE_COLUMNS hold text (list_reads.text_unsafe's width, text, text or NULL): kind,
rule, due, company, person, a thank-you's window end; the others are numbers."""

DUE_DETAIL_COLUMNS = (
    "x.id, x.kind, x.rule, x.due, x.due_utc < :now, x.flag, x.user_changed, a.company, "
    "COALESCE(p.name, ''), COALESCE(p.email, ''), COALESCE(p.email_source, ''), x.window_end"
)
"""DUE_COLUMNS before SQL judges them: the flag, user changed, the person's email and its
source and the window's end as stored, for the warning to be worked out once they are cleaned."""

DUE_FROM = (
    "FROM actions x JOIN interviews i ON i.id = x.interview_id "
    "JOIN applications a ON a.id = i.application_id LEFT JOIN people p ON p.id = x.person_id "
    f"WHERE x.{_OPEN} AND x.due_utc <= :moment ORDER BY x.due_utc, x.id LIMIT :limit"
)


def judged_line(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A DUE_DETAIL_COLUMNS row (cleaned) as a DUE_COLUMNS row, its warning worked out as
    detail_findings and the guard's reading would: the rule's flag; a thank-you email without
    an address or with a guessed one (A1, A2), or maybe late (C2); a status check the user
    moved (D7)."""
    action_id, kind, rule, due, overdue, flag, changed, company, person, email, src, end = row
    thank_you = kind == _THANK_YOU
    if flag or (thank_you and (not email or src == EmailSource.GUESSED.value)):
        warning = WARN_YES
    elif thank_you:
        warning = WARN_IF_LATE
    elif changed and kind == _STATUS_CHECK:
        warning = WARN_IF_GUARD
    else:
        warning = WARN_NONE
    return (
        action_id,
        kind,
        rule,
        due,
        overdue,
        company,
        person,
        warning,
        end if thank_you else None,
    )


def window_over(now: datetime) -> Callable[[str], bool]:
    """C2: whether a window ending at `end` (ISO text as stored) is over at `now`, as
    `now > datetime.fromisoformat(end)` answers, raising alike, but quicker (#8): an end two
    or more days from now's UTC day is on that side of now whatever its offset (under 24 h),
    told by its date; only ends nearer are compared with now (a comparison across offsets
    costs ~1 us, as much as the rest of a line)."""
    moment = now.astimezone(UTC)
    before, after = moment.date() - timedelta(days=2), moment.date() + timedelta(days=2)
    parse = datetime.fromisoformat

    def over(end: str) -> bool:
        ended = parse(end)
        if ended.tzinfo is not None:  # naive: the comparison below raises, as it did
            day = ended.date()
            if day <= before:
                return True
            if day >= after:
                return False
        return moment > ended

    return over
