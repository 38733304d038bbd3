"""The follow-up rules (D1-D6, D9, D10, C2, C3, C8, A4): an interview's facts -> planned actions.

Every rule is a pure function of a PlanInput and a PlanContext (zone and holiday calendar);
none reads the clock. The outcome rules (A7, D11-D14) are in core/outcomes.py, the pestering
guard (D7, E2) in core/guard.py, and their combination with stored actions in core/plan.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from core.dates import add_business_days, is_business_day
from core.models import (
    Action,
    ActionKind,
    ApplicationStatus,
    Interview,
    Person,
    Promise,
    RoleKind,
    Touch,
)

THANK_YOU_DUE = timedelta(hours=24)  # C2/D2: the default deadline
THANK_YOU_LATE = timedelta(hours=48)  # C2: the hard limit, after which it shows as late
MAIL_ARRIVAL_BUSINESS_DAYS = (3, 5)  # C3/D3
VALUE_ADD_BUSINESS_DAYS = 2  # D4
STATUS_AFTER_DECISION_BUSINESS_DAYS = 3  # D5
NO_TIMEFRAME_DAYS = (14, 21)  # D6: default 2 weeks, window to 3
DAY_START, DUE_HOUR, DAY_END = time(9, 0), time(10, 0), time(17, 0)
END_OF_DAY = time(23, 59)
THANKED_KINDS = frozenset({RoleKind.INTERVIEWER, RoleKind.FUTURE_MANAGER, RoleKind.RECRUITER})
STAFF_KINDS = frozenset({RoleKind.STAFF, RoleKind.OTHER})
INTERVIEWER_KINDS = frozenset({RoleKind.INTERVIEWER, RoleKind.FUTURE_MANAGER})
IN_PROGRESS = frozenset({ApplicationStatus.OPEN, ApplicationStatus.OFFER})


@dataclass(frozen=True)
class PlanContext:
    """Where the user lives: the time zone, and the country whose holidays are not workdays."""

    zone: tzinfo
    country: str | None = None
    subdivision: str | None = None

    def local(self, moment: datetime) -> datetime:
        """Return `moment` in the user's zone."""
        return moment.astimezone(self.zone)

    def after(self, moment: datetime, elapsed: timedelta) -> datetime:
        """Return the moment `elapsed` real hours after `moment`, in the user's zone (DST-safe)."""
        return (moment.astimezone(UTC) + elapsed).astimezone(self.zone)

    def bday(self, day: date, n: int) -> date:
        """Return the n-th business day after `day` (weekends and holidays skipped)."""
        return add_business_days(day, n, self.country, self.subdivision)

    def roll(self, day: date) -> date:
        """Return `day` if it is a business day, else the next business day."""
        if is_business_day(day, self.country, self.subdivision):
            return day
        return self.bday(day, 1)

    def at(self, day: date, clock: time) -> datetime:
        """Return the wall-clock time `clock` on `day` in the user's zone (DST-correct)."""
        return datetime.combine(day, clock, tzinfo=self.zone)


@dataclass(frozen=True)
class PlanInput:
    """Everything the plan of one interview depends on."""

    interview: Interview
    people: tuple[Person, ...] = ()
    promises: tuple[Promise, ...] = ()
    touches: tuple[Touch, ...] = ()
    application_status: ApplicationStatus = ApplicationStatus.OPEN
    accepted_elsewhere: bool = False
    latest_round: bool = True
    wished_questions: str = ""
    stumpers: tuple[str, ...] = field(default_factory=tuple)
    carried_from_round: int | None = None

    @property
    def interview_id(self) -> int:
        """The interview's id (the plan is only made for stored interviews)."""
        if self.interview.id is None:
            raise ValueError("plan a stored interview")
        return self.interview.id


def short_day(day: date | datetime) -> str:
    """Return a day as the reasons show it: 'Tue 24 Nov'."""
    return day.strftime("%a %d %b")


def _action(inp: PlanInput, kind: ActionKind, key: str, rule: str, **fields: object) -> Action:
    return Action.model_validate(
        {"interview_id": inp.interview_id, "kind": kind, "key": key, "rule": rule, **fields}
    )


def debrief_action(inp: PlanInput, ctx: PlanContext) -> Action:
    """D1: the debrief starts right after the interview and is due by the end of that day."""
    ended = ctx.local(inp.interview.ended_at)
    due = ctx.at(ended.date(), END_OF_DAY)
    return _action(
        inp,
        ActionKind.DEBRIEF,
        "debrief",
        "D1",
        due=max(due, ended),
        window_start=ended,
        window_end=max(due, ended),
        reason="Debrief while it is fresh: today, right after the interview",
    )


def thank_you_due(interview: Interview, ctx: PlanContext) -> datetime:
    """C2/D2: the thank-you email is due 24 elapsed hours after the interview ended."""
    return ctx.after(interview.ended_at, THANK_YOU_DUE)


def thank_you_actions(inp: PlanInput, ctx: PlanContext) -> list[Action]:
    """D2/C2: one thank-you email per interviewer by end + 24 h; late after 48 h."""
    ended = ctx.local(inp.interview.ended_at)
    return [
        _action(
            inp,
            ActionKind.THANK_YOU,
            f"thank_you:{p.id}",
            "D2",
            person_id=p.id,
            due=thank_you_due(inp.interview, ctx),
            window_start=ended,
            window_end=ctx.after(inp.interview.ended_at, THANK_YOU_LATE),
            reason="Thank-you email within 24 h of the interview (late after 48 h)",
        )
        for p in inp.people
        if p.role_kind in THANKED_KINDS
    ]


def mail_arrival(mail_by: date, ctx: PlanContext) -> tuple[date, date]:
    """C3/D3: a note mailed on `mail_by` arrives 3 to 5 business days later."""
    first, last = MAIL_ARRIVAL_BUSINESS_DAYS
    return ctx.bday(mail_by, first), ctx.bday(mail_by, last)


def mailed_note_actions(inp: PlanInput, ctx: PlanContext) -> list[Action]:
    """D3/C3: a mailed note to each interviewer with a mailing address, mailed by end of next day.

    Its arrival (3-5 business days later) is in the reason, and flagged when it would arrive
    after the decision date they gave (A4).
    """
    ended = ctx.local(inp.interview.ended_at)
    mail_by = ended.date() + timedelta(days=1)
    first, last = mail_arrival(mail_by, ctx)
    decision = inp.interview.decision_date
    flag = ""
    if decision is not None and first > decision:
        flag = f"Arrives after the decision date ({short_day(decision)}): email first"
    elif decision is not None and last > decision:
        flag = f"May arrive after the decision date ({short_day(decision)})"
    return [
        _action(
            inp,
            ActionKind.MAILED_NOTE,
            f"mailed_note:{p.id}",
            "D3",
            person_id=p.id,
            due=ctx.at(mail_by, END_OF_DAY),
            window_start=ended,
            window_end=ctx.at(mail_by, END_OF_DAY),
            reason=f"Mail the note by end of {short_day(mail_by)}; arrives "
            f"{short_day(first)}-{short_day(last)} (3-5 business days). Enclose your card",
            flag=flag,
            optional=True,
        )
        for p in inp.people
        if p.role_kind in INTERVIEWER_KINDS and p.mailing_address.strip()
    ]


def staff_thanks_actions(inp: PlanInput, ctx: PlanContext) -> list[Action]:
    """C8: also thank the staff who helped (receptionist, others met): a note, email or call."""
    ended = ctx.local(inp.interview.ended_at)
    return [
        _action(
            inp,
            ActionKind.STAFF_THANKS,
            f"staff_thanks:{p.id}",
            "C8",
            person_id=p.id,
            due=thank_you_due(inp.interview, ctx),
            window_start=ended,
            window_end=ctx.at(ctx.bday(ended.date(), 2), DAY_END),
            reason="Thank the staff who helped: a short note, email or call",
        )
        for p in inp.people
        if p.role_kind in STAFF_KINDS
    ]


def main_contact(people: tuple[Person, ...]) -> Person | None:
    """Return whom a single follow-up goes to: the future manager, else the first interviewer."""
    for kinds in ({RoleKind.FUTURE_MANAGER}, {RoleKind.INTERVIEWER}, {RoleKind.RECRUITER}):
        for person in people:
            if person.role_kind in kinds:
                return person
    return None


def value_add_action(inp: PlanInput, ctx: PlanContext) -> Action:
    """D4: an optional value-adding follow-up a couple of (business) days after the thank-you."""
    after = thank_you_due(inp.interview, ctx)
    day = ctx.bday(after.date(), VALUE_ADD_BUSINESS_DAYS)
    contact = main_contact(inp.people)
    return _action(
        inp,
        ActionKind.VALUE_ADD,
        "value_add",
        "D4",
        person_id=contact.id if contact else None,
        due=ctx.at(day, DUE_HOUR),
        window_start=after,
        window_end=ctx.at(ctx.bday(day, 2), DAY_END),
        reason="Optional: send something useful (an article, a work sample, a question) "
        "a couple of days after the thank-you",
        optional=True,
    )


def linkedin_actions(inp: PlanInput, ctx: PlanContext) -> list[Action]:
    """D10: optionally connect on LinkedIn with each interviewer, any time after the thank-you."""
    after = thank_you_due(inp.interview, ctx)
    day = ctx.bday(after.date(), 1)
    return [
        _action(
            inp,
            ActionKind.LINKEDIN,
            f"linkedin:{p.id}",
            "D10",
            person_id=p.id,
            due=ctx.at(day, DUE_HOUR),
            window_start=after,
            window_end=ctx.at(day + timedelta(days=14), DAY_END),
            reason="Optional: connect on LinkedIn, after the thank-you",
            optional=True,
        )
        for p in inp.people
        if p.role_kind in INTERVIEWER_KINDS
    ]


def promise_actions(inp: PlanInput, ctx: PlanContext) -> list[Action]:
    """D9: follow through on every promise made (B10), by the date promised."""
    ended = ctx.local(inp.interview.ended_at)
    actions = []
    for promise in inp.promises:
        if not promise.text.strip() or promise.id is None:
            continue
        if promise.due_at is not None:
            due, flag = ctx.local(promise.due_at), ""
        else:
            due = ctx.at(ctx.bday(ended.date(), 2), DAY_END)
            flag = "No date was set for this promise: set one"
        actions.append(
            _action(
                inp,
                ActionKind.PROMISE,
                f"promise:{promise.id}",
                "D9",
                due=due,
                window_start=min(ended, due),
                window_end=due,
                reason=f"You promised: {promise.text}"[:300],
                flag=flag,
                state="done" if promise.done else "planned",
            )
        )
    return actions
