"""Outcome rules (A7, D11-D14): what an interview's outcome, or an offer taken, adds to the plan.

Actions made in answer to an event (an outcome set, an offer accepted) are timed from `now`,
the moment the plan was computed; once stored they keep their timing (see keeps_timing).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from core.models import Action, ActionKind, ApplicationStatus, Outcome, Person, RoleKind
from core.schedule import (
    DAY_END,
    DAY_START,
    DUE_HOUR,
    IN_PROGRESS,
    PlanContext,
    PlanInput,
    main_contact,
)

KEEP_SEARCHING_BUSINESS_DAYS = 5  # D14: a week into the wait
OFFER_REPLY_BUSINESS_DAYS = 3  # A7: a reply to an offer within a few business days
NOW_ANCHORED_KEYS = frozenset(
    {"feedback_request", "keep_searching:after", "offer_review", "offer_reply", "withdraw"}
)


def keeps_timing(action: Action) -> bool:
    """Say whether a stored action keeps its dates on recompute (timed from an event, not rules)."""
    return action.key in NOW_ANCHORED_KEYS


def waiting(inp: PlanInput) -> bool:
    """A7: say whether the outcome is still awaited (pending, process open, no offer taken)."""
    return (
        inp.interview.outcome is Outcome.PENDING
        and inp.application_status in IN_PROGRESS
        and not inp.accepted_elsewhere
    )


def _feedback_person(people: tuple[Person, ...]) -> Person | None:
    for kind in (RoleKind.FUTURE_MANAGER, RoleKind.RECRUITER):
        for person in people:
            if person.role_kind is kind:
                return person
    return main_contact(people)


def _soon(ctx: PlanContext, now: datetime, days: int = 1) -> tuple[datetime, datetime]:
    day = ctx.bday(ctx.local(now).date(), days)
    return ctx.at(day, DUE_HOUR), ctx.at(ctx.bday(day, 4), DAY_END)


def _new(inp: PlanInput, kind: ActionKind, key: str, rule: str, **fields: object) -> Action:
    return Action.model_validate(
        {"interview_id": inp.interview_id, "kind": kind, "key": key, "rule": rule, **fields}
    )


def keep_searching_waiting(inp: PlanInput, ctx: PlanContext) -> Action:
    """D14: a week into the wait, a reminder not to pause the other applications."""
    ended = ctx.local(inp.interview.ended_at)
    day = ctx.bday(ended.date(), KEEP_SEARCHING_BUSINESS_DAYS)
    return _new(
        inp,
        ActionKind.KEEP_SEARCHING,
        "keep_searching",
        "D14",
        due=ctx.at(day, DUE_HOUR),
        window_start=ctx.at(ctx.bday(ended.date(), 1), DAY_START),
        window_end=ctx.at(ctx.bday(day, 5), DAY_END),
        reason="Keep searching: don't pause other applications while you wait",
        optional=True,
    )


def not_selected_actions(inp: PlanInput, ctx: PlanContext, now: datetime) -> list[Action]:
    """D11/D14: not selected: ask for feedback courteously (never burn a bridge); keep going."""
    person = _feedback_person(inp.people)
    due, end = _soon(ctx, now)
    return [
        _new(
            inp,
            ActionKind.FEEDBACK_REQUEST,
            "feedback_request",
            "D11",
            person_id=person.id if person else None,
            due=due,
            window_start=ctx.local(now),
            window_end=end,
            reason="Not selected: thank them and ask for feedback, courteously; "
            "you may be next on the list",
            optional=True,
        ),
        _new(
            inp,
            ActionKind.KEEP_SEARCHING,
            "keep_searching:after",
            "D14",
            due=due,
            window_start=ctx.local(now),
            window_end=end,
            reason="Keep searching: line up the next applications",
            optional=True,
        ),
    ]


def offer_actions(inp: PlanInput, ctx: PlanContext, now: datetime) -> list[Action]:
    """A7: an offer: get it in writing with its deadline, then decide and reply."""
    review, review_end = _soon(ctx, now)
    reply_day = ctx.bday(ctx.local(now).date(), OFFER_REPLY_BUSINESS_DAYS)
    contact = _feedback_person(inp.people)
    who = contact.id if contact else None
    return [
        _new(
            inp,
            ActionKind.OFFER_REVIEW,
            "offer_review",
            "A7",
            person_id=who,
            due=review,
            window_start=ctx.local(now),
            window_end=review_end,
            reason="Offer: thank them, get it in writing and ask when they need an answer",
        ),
        _new(
            inp,
            ActionKind.OFFER_REPLY,
            "offer_reply",
            "A7",
            person_id=who,
            due=ctx.at(reply_day, DAY_END),
            window_start=ctx.local(now),
            window_end=ctx.at(ctx.bday(reply_day, 2), DAY_END),
            reason="Offer: decide and reply (accept, negotiate or decline) by their deadline",
        ),
    ]


def withdraw_action(inp: PlanInput, ctx: PlanContext, now: datetime) -> Action:
    """D13: you accepted another offer: tell this process politely; don't ghost."""
    person = _feedback_person(inp.people)
    due, end = _soon(ctx, now)
    return _new(
        inp,
        ActionKind.WITHDRAW,
        "withdraw",
        "D13",
        person_id=person.id if person else None,
        due=due,
        window_start=ctx.local(now),
        window_end=end,
        reason="You accepted another offer: withdraw politely and thank them; don't ghost",
    )


def prep_note(wished_questions: str, stumpers: tuple[str, ...]) -> str:
    """D12: the new round's prep note: questions to ask (B9), stumpers to practise (B5)."""
    parts = []
    if wished_questions.strip():
        parts.append("Questions to ask (B9):\n" + wished_questions.strip())
    if stumpers:
        parts.append("Practise (B5):\n" + "\n".join(f"- {q}" for q in stumpers))
    return "\n\n".join(parts)


def prepare_round_action(inp: PlanInput, ctx: PlanContext) -> Action | None:
    """D12: invited back: prepare the new round with what the last one taught (B9, B5)."""
    if inp.carried_from_round is None:
        return None
    start = ctx.local(inp.interview.ended_at)
    return _new(
        inp,
        ActionKind.PREPARE_ROUND,
        "prepare_round",
        "D12",
        due=start - timedelta(days=1),
        window_start=start - timedelta(days=7),
        window_end=start,
        reason=f"Prepare round {inp.interview.round}: the questions you wished you had asked "
        f"and the ones that stumped you in round {inp.carried_from_round}",
        note=prep_note(inp.wished_questions, inp.stumpers),
    )


def outcome_actions(inp: PlanInput, ctx: PlanContext, now: datetime) -> list[Action]:
    """A7/D11-D14: the actions the outcome (or an offer taken elsewhere) adds to the plan."""
    actions: list[Action] = []
    prep = prepare_round_action(inp, ctx)
    if prep is not None:
        actions.append(prep)
    outcome = inp.interview.outcome
    if waiting(inp):
        actions.append(keep_searching_waiting(inp, ctx))
    elif outcome is Outcome.NOT_SELECTED:
        actions.extend(not_selected_actions(inp, ctx, now))
    elif outcome is Outcome.OFFER and inp.application_status is not ApplicationStatus.DECLINED:
        actions.extend(offer_actions(inp, ctx, now))
    if inp.accepted_elsewhere and inp.latest_round and inp.application_status in IN_PROGRESS:
        actions.append(withdraw_action(inp, ctx, now))
    return actions
