"""The plan as lists show it: grouped Overdue/Today/This week/Later/Done, with findings.

Findings are what a row should warn about: the pestering guard on status checks (D7, E2),
a late thank-you (C2), a missing or guessed email (A1, A2), the rules' own flags (C3, D9).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from core.guard import check_action
from core.models import Action, ActionKind, EmailSource, Interview, Touch
from core.repository import Repository
from core.repository.due_sql import WARN_IF_GUARD, WARN_IF_LATE, WARN_NONE, WARN_YES, window_over
from core.repository.plan import PlanRow, PlanSpan
from core.schedule import PlanContext


class Group(StrEnum):
    """Where an action sits on the timeline."""

    OVERDUE = "Overdue"
    TODAY = "Today"
    THIS_WEEK = "This week"
    LATER = "Later"
    DONE = "Done"


GROUP_ORDER = (Group.OVERDUE, Group.TODAY, Group.THIS_WEEK, Group.LATER, Group.DONE)
KIND_LABELS = {
    ActionKind.DEBRIEF: "Debrief",
    ActionKind.THANK_YOU: "Thank-you email",
    ActionKind.MAILED_NOTE: "Mailed note",
    ActionKind.STAFF_THANKS: "Thank the staff",
    ActionKind.VALUE_ADD: "Value-add follow-up",
    ActionKind.STATUS_CHECK: "Status check",
    ActionKind.LINKEDIN: "Connect on LinkedIn",
    ActionKind.PROMISE: "Keep a promise",
    ActionKind.FEEDBACK_REQUEST: "Ask for feedback",
    ActionKind.PREPARE_ROUND: "Prepare the next round",
    ActionKind.OFFER_REVIEW: "Review the offer",
    ActionKind.OFFER_REPLY: "Reply to the offer",
    ActionKind.WITHDRAW: "Withdraw politely",
    ActionKind.KEEP_SEARCHING: "Keep searching",
}
TIMELINE_PAGE = 500
"""Actions of one group a timeline shows at most at once (#8: no list renders more than ~500)."""
_WITHIN = re.compile(r"^\s*(\d{1,4})\s*([mhdw])\s*$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


@dataclass(frozen=True)
class PlanItem:
    """One row of the timeline: the action, whose and where, its group and its warnings."""

    action: Action
    company: str
    role: str
    person: str
    group: Group
    findings: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """What to do, in words: 'Thank-you email'."""
        return KIND_LABELS[self.action.kind]

    def to_json(self) -> dict[str, Any]:
        """Return the item as the CLI's JSON prints it (times ISO 8601 with offset)."""
        a = self.action
        return {
            "id": a.id,
            "interview_id": a.interview_id,
            "company": self.company,
            "kind": a.kind.value,
            "person": self.person or None,
            "due": a.due.isoformat(),
            "window_start": a.window_start.isoformat(),
            "window_end": a.window_end.isoformat(),
            "rule": a.rule,
            "state": a.state.value,
            "reason": a.reason,
            "optional": a.optional,
            "group": self.group.value,
            "findings": list(self.findings),
        }


def parse_within(text: str) -> timedelta:
    """Read a window like '7d', '24h', '2w' or '90m'; ValueError says what is expected."""
    match = _WITHIN.match(text.lower())
    if not match:
        raise ValueError(f"--within {text!r}: use a number and a unit, e.g. 7d, 24h, 2w or 90m.")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def group_of(action: Action, now: datetime, ctx: PlanContext) -> Group:
    """Place an action: done or skipped, overdue, today, within 7 days, or later."""
    if not action.is_open:
        return Group.DONE
    if action.due < now:
        return Group.OVERDUE
    today = ctx.local(now).date()
    day = ctx.local(action.due).date()
    if day == today:
        return Group.TODAY
    return Group.THIS_WEEK if day <= today + timedelta(days=7) else Group.LATER


def detail_findings(row: PlanRow, now: datetime) -> list[str]:
    """A1/A2/C2 and the rules' flags: what is missing or late for this open action."""
    action = row.action
    found = [action.flag] if action.flag else []
    if not action.is_open:
        return found
    if action.kind is ActionKind.THANK_YOU:
        if not row.email:
            found.append(f"No email address for {row.person} (A1)")
        elif row.email_source == EmailSource.GUESSED.value:
            found.append("The email address is a guess: confirm it (A2)")
        if now > action.window_end:
            found.append("Late: over 48 h since the interview; still worth sending (C2)")
    return found


class _Guard:
    """Guard findings for status checks, reading each interview's touches once."""

    def __init__(self, repo: Repository, ctx: PlanContext) -> None:
        self.repo, self.ctx = repo, ctx
        self.cache: dict[int, tuple[Interview, list[Touch]]] = {}

    def findings(self, action: Action) -> list[str]:
        """D7: the guard's findings for an open status check the user moved, as lines.

        Checks the rules planned never trip the guard (a recompute follows every touch and
        decision date), so only the user's own dates are read against the touches.
        """
        if action.kind is not ActionKind.STATUS_CHECK or not action.is_open:
            return []
        if not action.user_changed:
            return []
        if action.interview_id not in self.cache:
            self.cache[action.interview_id] = (
                self.repo.get_interview(action.interview_id),
                self.repo.touches(action.interview_id),
            )
        interview, touches = self.cache[action.interview_id]
        return [f.text() for f in check_action(action, interview, touches, self.ctx)]


def _items(rows: list[PlanRow], now: datetime, ctx: PlanContext, guard: _Guard) -> list[PlanItem]:
    return [
        PlanItem(
            action=row.action,
            company=row.company,
            role=row.role,
            person=row.person,
            group=group_of(row.action, now, ctx),
            findings=tuple(detail_findings(row, now) + guard.findings(row.action)),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class GroupPage:
    """One group of the timeline as a list shows it: `total` actions, of which `items` are
    those from position `offset` on (by due date), at most a page of them."""

    group: Group
    total: int
    offset: int
    items: list[PlanItem]


def _midnight(day: date, ctx: PlanContext) -> datetime:
    """The first moment of a day in the user's zone."""
    return datetime.combine(day, time(0), tzinfo=ctx.zone)


def group_spans(
    now: datetime, ctx: PlanContext, interview_id: int | None = None
) -> dict[Group, PlanSpan]:
    """Each group as a span of the plan (group_of's rules as due-date bounds), without totals."""
    today = ctx.local(now).date()
    tomorrow = _midnight(today + timedelta(days=1), ctx)
    week_end = _midnight(today + timedelta(days=8), ctx)  # group_of: day <= today + 7
    bounds = {
        Group.OVERDUE: (None, now),
        Group.TODAY: (now, tomorrow),
        Group.THIS_WEEK: (tomorrow, week_end),
        Group.LATER: (week_end, None),
    }
    spans = {g: PlanSpan(True, start, end, interview_id) for g, (start, end) in bounds.items()}
    spans[Group.DONE] = PlanSpan(False, interview_id=interview_id)
    return spans


def timeline_pages(
    repo: Repository,
    now: datetime,
    ctx: PlanContext,
    interview_id: int | None = None,
    *,
    limit: int = TIMELINE_PAGE,
    offsets: Mapping[Group, int] | None = None,
) -> list[GroupPage]:
    """The five groups with their totals and one page of each: from `offsets[group]` (by due
    date), by default the first page, and for Done the last (the most recent)."""
    spans = group_spans(now, ctx, interview_id)
    bounds = [spans[g].end for g in (Group.OVERDUE, Group.TODAY, Group.THIS_WEEK)]
    open_totals = repo.open_counts([b for b in bounds if b is not None], interview_id)
    totals = dict(zip(GROUP_ORDER[:4], open_totals, strict=True))
    totals[Group.DONE] = repo.count_actions_of(interview_id) - sum(open_totals)
    guard = _Guard(repo, ctx)
    pages = []
    for group in GROUP_ORDER:
        total = totals[group]
        default = max(0, total - limit) if group is Group.DONE else 0
        wanted = (offsets or {}).get(group, default)
        offset = max(0, min(wanted, max(0, total - 1)))
        span = spans[group]._replace(total=total)
        rows = repo.plan_slice(span, offset, limit)
        pages.append(GroupPage(group, total, offset, _items(rows, now, ctx, guard)))
    return pages


def timeline(
    repo: Repository,
    now: datetime,
    ctx: PlanContext,
    interview_id: int | None = None,
    per_group: int = TIMELINE_PAGE,
) -> list[tuple[Group, list[PlanItem]]]:
    """The whole plan (or one interview's) in the five groups, each by due date: at most
    `per_group` actions in each (Done: the most recent); timeline_pages says how many more."""
    pages = timeline_pages(repo, now, ctx, interview_id, limit=per_group)
    return [(page.group, page.items) for page in pages]


def due_items(
    repo: Repository, now: datetime, ctx: PlanContext, within: timedelta
) -> list[PlanItem]:
    """What is overdue or due within `within` from now, across everything, by due date."""
    return _items(repo.open_rows_due_by(now + within), now, ctx, _Guard(repo, ctx))


class DueLine(NamedTuple):
    """One line of `afterword due`: the action's id, due moment, label, person, company and
    rule, whether it is overdue, and whether it has findings (PlanItem.findings not empty)."""

    id: int
    due: datetime
    label: str
    person: str
    company: str
    rule: str
    overdue: bool
    warned: bool


_LABELS = {kind.value: label for kind, label in KIND_LABELS.items()}


def due_lines(
    repo: Repository, now: datetime, ctx: PlanContext, within: timedelta
) -> list[DueLine]:
    """due_items as `afterword due` prints them (#8): the same actions in the same order, read
    as the columns the lines show; findings (A1, A2, C2, the rules' flags, D7's guard) only
    as whether there are any, judged in SQL but C2's window and the guard's, read for a status
    check the user moved alone."""
    guard, over = _Guard(repo, ctx), window_over(now)

    def warned(action_id: int, warning: int, end: str) -> bool:
        """Warned, or C2's window over (its end as stored), or D7's guard (a check moved)."""
        if warning == WARN_YES:
            return True
        if warning == WARN_IF_LATE:
            return over(end)
        return warning == WARN_IF_GUARD and bool(guard.findings(repo.get_action(action_id)))

    parse, new, no = datetime.fromisoformat, tuple.__new__, WARN_NONE
    rows = repo.due_lines(now, now + within)
    return [
        new(
            DueLine,
            (i, parse(due), _LABELS[k], who, firm, rule, late == 1, w != no and warned(i, w, end)),
        )
        for i, k, rule, due, late, firm, who, w, end in rows
    ]
