"""Use cases of the follow-up plan: recompute it, mark done/skip/snooze/move, log touches.

The timeline screen and the CLI call these; listing and grouping are in core/plan_view.py,
outcomes (A7, D11-D14) in core/services_outcome.py.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from core.guard import Finding, check_action, check_touch
from core.models import (
    Action,
    ActionKind,
    ActionState,
    ApplicationStatus,
    Channel,
    Outcome,
    Touch,
    TouchKind,
)
from core.plan import Merge, build_plan, merge
from core.repository import Repository
from core.schedule import PlanContext, PlanInput
from core.settings import Settings

_TOUCH_FOR = {
    ActionKind.THANK_YOU: TouchKind.THANKS,
    ActionKind.STAFF_THANKS: TouchKind.THANKS,
    ActionKind.MAILED_NOTE: TouchKind.THANKS,
    ActionKind.VALUE_ADD: TouchKind.VALUE_ADD,
    ActionKind.STATUS_CHECK: TouchKind.STATUS,
}
_ACTIONS_FOR = {
    TouchKind.THANKS: (ActionKind.THANK_YOU, ActionKind.STAFF_THANKS),
    TouchKind.VALUE_ADD: (ActionKind.VALUE_ADD,),
    TouchKind.STATUS: (ActionKind.STATUS_CHECK,),
}


class GuardWarning(Exception):
    """The pestering guard (D7, E2) has findings; call again with override=True to go ahead."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("; ".join(f.text() for f in findings))
        self.findings = findings


def plan_context(settings: Settings, system_zone: str = "UTC") -> PlanContext:
    """Return the plan's context from the settings: their zone (else `system_zone`), holidays."""
    return PlanContext(
        zone=ZoneInfo(settings.tz or system_zone),
        country=settings.country or None,
        subdivision=settings.subdivision or None,
    )


def plan_input(repo: Repository, interview_id: int) -> PlanInput:
    """Gather everything one interview's plan depends on."""
    interview = repo.get_interview(interview_id)
    application = repo.get_application(interview.application_id)
    rounds = repo.interview_ids_of(application.id or 0)
    accepted = [
        a
        for a in repo.application_ids_with_status(ApplicationStatus.ACCEPTED)
        if a != application.id
    ]
    wished: str = ""
    stumpers: tuple[str, ...] = ()
    carried: int | None = None
    previous = [repo.get_interview(i) for i in rounds if i != interview_id]
    previous = [p for p in previous if p.round < interview.round]
    if previous and previous[-1].outcome is Outcome.INVITED_BACK and previous[-1].id:
        prev_id = previous[-1].id
        wished = repo.answers(prev_id).get("B9", "")
        stumpers = tuple(q.question for q in repo.qa_list(prev_id) if q.stumped and q.question)
        carried = previous[-1].round
    return PlanInput(
        interview=interview,
        people=tuple(person for person, _ in repo.participants(interview_id)),
        promises=tuple(repo.promises(interview_id)),
        touches=tuple(repo.touches(interview_id)),
        application_status=application.status,
        accepted_elsewhere=bool(accepted),
        latest_round=bool(rounds) and rounds[-1] == interview_id,
        wished_questions=wished,
        stumpers=stumpers,
        carried_from_round=carried,
    )


def replan(repo: Repository, interview_id: int, now: datetime, ctx: PlanContext) -> Merge:
    """Recompute one interview's plan and store it, keeping everything the user did."""
    drafts = build_plan(plan_input(repo, interview_id), ctx, now)
    with repo.write():
        changes = merge(repo.actions_of(interview_id), drafts)
        repo.delete_actions(changes.delete)
        for action in changes.update:
            repo.save_action(action)
        repo.add_actions(changes.insert)
    return changes


def ensure_plans(repo: Repository, now: datetime, ctx: PlanContext) -> int:
    """Plan every interview that has no plan yet (captured elsewhere); return how many."""
    missing = repo.interviews_without_plan()
    for interview_id in missing:
        replan(repo, interview_id, now, ctx)
    return len(missing)


def _user_change(repo: Repository, action_id: int, **fields: object) -> Action:
    return repo.update_action(action_id, user_changed=True, **fields)


def mark_done(
    repo: Repository,
    action_id: int,
    now: datetime,
    ctx: PlanContext,
    *,
    override: bool = False,
) -> Action:
    """Mark an action done; a thank-you, value-add or status check also logs its touch (D7)."""
    action = repo.get_action(action_id)
    kind = _TOUCH_FOR.get(action.kind)
    with repo.write():
        if kind is not None:
            channel = Channel.MAIL if action.kind is ActionKind.MAILED_NOTE else Channel.EMAIL
            touch = Touch(
                interview_id=action.interview_id,
                person_id=action.person_id,
                at=now,
                kind=kind,
                channel=channel,
            )
            log_touch(repo, touch, now, ctx, override=override, link=False, replan_after=False)
        if action.kind is ActionKind.PROMISE and action.key.startswith("promise:"):
            repo.update_promise(int(action.key.split(":", 1)[1]), done=True)
        done = _user_change(repo, action_id, state=ActionState.DONE, done_at=now)
    replan(repo, action.interview_id, now, ctx)
    return done


def skip(repo: Repository, action_id: int) -> Action:
    """Skip an action (it stays skipped whatever the plan recomputes)."""
    return _user_change(repo, action_id, state=ActionState.SKIPPED)


def reopen(repo: Repository, action_id: int) -> Action:
    """Undo done/skip: the action is planned again (and stays the user's)."""
    return _user_change(repo, action_id, state=ActionState.PLANNED, done_at=None)


def _reschedule(
    repo: Repository,
    action_id: int,
    when: datetime,
    ctx: PlanContext,
    state: ActionState,
    override: bool,
) -> Action:
    action = repo.get_action(action_id)
    moved = action.model_copy(update={"due": ctx.local(when)})
    interview = repo.get_interview(action.interview_id)
    findings = check_action(moved, interview, repo.touches(action.interview_id), ctx)
    if findings and not override:
        raise GuardWarning(findings)
    flag = ("Guard overridden: " + "; ".join(f.text() for f in findings)) if findings else None
    return _user_change(
        repo,
        action_id,
        state=state,
        due=ctx.local(when),
        window_end=max(action.window_end, ctx.local(when)),
        flag=flag if flag is not None else action.flag,
    )


def snooze(
    repo: Repository, action_id: int, until: datetime, ctx: PlanContext, *, override: bool = False
) -> Action:
    """Snooze an action until a moment; a status check there is checked by the guard (D7)."""
    return _reschedule(repo, action_id, until, ctx, ActionState.SNOOZED, override)


def move(
    repo: Repository, action_id: int, due: datetime, ctx: PlanContext, *, override: bool = False
) -> Action:
    """Move an action to a new due moment (it stays planned, and the user's); D7 guard applies."""
    return _reschedule(repo, action_id, due, ctx, ActionState.PLANNED, override)


def set_note(repo: Repository, action_id: int, text: str) -> Action:
    """Attach a note to an action; an action with a note is never removed by a recompute."""
    return repo.update_action(action_id, note=text)


def preview_touch(repo: Repository, touch: Touch, ctx: PlanContext) -> list[Finding]:
    """D7/E2: what the guard would say about logging this touch (nothing is stored)."""
    interview = repo.get_interview(touch.interview_id)
    return check_touch(interview, repo.touches(touch.interview_id), touch, ctx)


def log_touch(
    repo: Repository,
    touch: Touch,
    now: datetime,
    ctx: PlanContext,
    *,
    override: bool = False,
    override_reason: str = "",
    link: bool = True,
    replan_after: bool = True,
) -> Touch:
    """D7/E2: log a message sent or a call made, unless the guard warns and it is not overridden.

    Findings raise GuardWarning; with override=True the touch is stored with the reason.
    The matching open action (a thank-you, a status check ...) is marked done.
    """
    findings = preview_touch(repo, touch, ctx)
    if findings and not override:
        raise GuardWarning(findings)
    if findings:
        reason = override_reason.strip() or "; ".join(f.text() for f in findings)
        touch = touch.model_copy(update={"guard_overridden": True, "guard_reason": reason[:300]})
    with repo.write():
        stored = repo.add_touch(touch)
        match = _matching_action(repo, touch) if link else None
        if match is not None and match.id is not None:
            _user_change(repo, match.id, state=ActionState.DONE, done_at=touch.at)
    if replan_after:
        replan(repo, touch.interview_id, now, ctx)
    return stored


def _matching_action(repo: Repository, touch: Touch) -> Action | None:
    kinds = _ACTIONS_FOR.get(touch.kind, ())
    candidates = [a for a in repo.actions_of(touch.interview_id) if a.is_open and a.kind in kinds]
    for action in candidates:
        if action.person_id == touch.person_id or touch.kind is TouchKind.STATUS:
            return action
    return None


def set_touch_answered(
    repo: Repository, touch_id: int, answered: bool, now: datetime, ctx: PlanContext
) -> Touch:
    """Record that they answered (or not); D7's follow-up check is planned or dropped."""
    touch = repo.set_touch_answered(touch_id, answered)
    replan(repo, touch.interview_id, now, ctx)
    return touch
