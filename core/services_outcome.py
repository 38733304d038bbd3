"""Use cases of outcomes (A7, D11-D14): set an interview's outcome, take an offer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.models import ApplicationStatus, Interview, Outcome
from core.repository import Repository
from core.schedule import DUE_HOUR, PlanContext
from core.services_plan import replan

NEXT_ROUND_DEFAULT = timedelta(days=7)
_STATUS_FOR = {
    Outcome.PENDING: ApplicationStatus.OPEN,
    Outcome.INVITED_BACK: ApplicationStatus.OPEN,
    Outcome.NOT_SELECTED: ApplicationStatus.REJECTED,
    Outcome.OFFER: ApplicationStatus.OFFER,
}


@dataclass(frozen=True)
class OutcomeResult:
    """The interview with its outcome, and the new round if one was started (D12)."""

    interview: Interview
    new_round: Interview | None = None


def default_next_round(now: datetime, ctx: PlanContext) -> datetime:
    """D12: when the next round is not known yet: a week from now, 10:00, on a business day."""
    day = ctx.roll(ctx.local(now).date() + NEXT_ROUND_DEFAULT)
    return ctx.at(day, DUE_HOUR)


def set_outcome(
    repo: Repository,
    interview_id: int,
    outcome: Outcome,
    now: datetime,
    ctx: PlanContext,
    next_round_at: datetime | None = None,
) -> OutcomeResult:
    """A7: record the outcome and replan (D11 feedback, offer decisions, D12 new round).

    Invited back (D12) starts the next round on the same application with the same people
    (unless a later round exists already); its plan carries B9 and B5 into a prep action.
    """
    with repo.write():
        interview = repo.update_interview(interview_id, outcome=outcome)
        application = repo.get_application(interview.application_id)
        if application.status in {ApplicationStatus.OPEN, ApplicationStatus.OFFER}:
            repo.update_application(application.id or 0, status=_STATUS_FOR[outcome])
        new_round = None
        if outcome is Outcome.INVITED_BACK:
            new_round = _start_next_round(
                repo, interview, next_round_at or default_next_round(now, ctx)
            )
    replan(repo, interview_id, now, ctx)
    if new_round is not None and new_round.id is not None:
        replan(repo, new_round.id, now, ctx)
    return OutcomeResult(interview=interview, new_round=new_round)


def _start_next_round(repo: Repository, interview: Interview, when: datetime) -> Interview | None:
    later = [
        i
        for i in repo.interview_ids_of(interview.application_id)
        if repo.get_interview(i).round > interview.round
    ]
    if later:
        return None
    new_round = repo.add_interview(
        Interview(
            application_id=interview.application_id,
            round=repo.next_round(interview.application_id),
            ended_at=when,
            format=interview.format,
            large_employer=interview.large_employer,
        )
    )
    assert new_round.id is not None and interview.id is not None
    for person, _link in repo.participants(interview.id):
        repo.link_participant(new_round.id, person.id or 0)
    return new_round


def accept_offer(repo: Repository, interview_id: int, now: datetime, ctx: PlanContext) -> list[int]:
    """D13: accept this interview's offer; every other open process gets a withdraw action.

    The withdraw goes on each process's latest round; returns the interviews replanned.
    """
    interview = repo.get_interview(interview_id)
    with repo.write():
        if interview.outcome is not Outcome.OFFER:
            interview = repo.update_interview(interview_id, outcome=Outcome.OFFER)
        repo.update_application(interview.application_id, status=ApplicationStatus.ACCEPTED)
    replanned = [interview_id]
    replan(repo, interview_id, now, ctx)
    others = repo.application_ids_with_status(ApplicationStatus.OPEN, ApplicationStatus.OFFER)
    for application_id in others:
        for other in repo.interview_ids_of(application_id):
            replan(repo, other, now, ctx)
            replanned.append(other)
    return replanned
