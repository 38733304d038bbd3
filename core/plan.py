"""The whole plan of an interview (all the rules together) and the merge that keeps what the
user did: done, skipped, snoozed or moved actions, and any action with a note, stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from core.models import Action, ActionState
from core.outcomes import keeps_timing, outcome_actions, waiting
from core.schedule import (
    PlanContext,
    PlanInput,
    debrief_action,
    linkedin_actions,
    mailed_note_actions,
    promise_actions,
    staff_thanks_actions,
    thank_you_actions,
    value_add_action,
)
from core.schedule_status import status_check_actions

_RULE_FIELDS = ("person_id", "kind", "rule", "reason", "flag", "optional")
_TIMING_FIELDS = ("due", "window_start", "window_end")


def build_plan(inp: PlanInput, ctx: PlanContext, now: datetime) -> list[Action]:
    """D1-D14, C2, C3, C8: every action the rules give for one interview, by due date."""
    actions = [debrief_action(inp, ctx)]
    actions += thank_you_actions(inp, ctx)
    actions += mailed_note_actions(inp, ctx)
    actions += staff_thanks_actions(inp, ctx)
    actions += linkedin_actions(inp, ctx)
    actions += promise_actions(inp, ctx)
    if waiting(inp):
        actions.append(value_add_action(inp, ctx))
        actions += status_check_actions(inp, ctx)
    actions += outcome_actions(inp, ctx, now)
    return sorted(actions, key=lambda a: (a.due, a.key))


@dataclass
class Merge:
    """What a recompute changes in the stored plan."""

    insert: list[Action] = field(default_factory=list)
    update: list[Action] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Say whether the recompute changes anything."""
        return bool(self.insert or self.update or self.delete)


def user_owned(action: Action) -> bool:
    """Say whether the user has made this action theirs (the plan then leaves it alone)."""
    return action.state is not ActionState.PLANNED or action.user_changed


def merge(stored: list[Action], drafts: list[Action]) -> Merge:
    """Fold freshly computed drafts into the stored plan without undoing what the user did.

    Untouched planned actions follow the rules (new dates, person, reason); new rule actions
    are added; untouched planned actions no rule gives any more are removed. Actions the user
    made theirs (user_owned) and their notes are never changed, and one with a note is kept.
    """
    result = Merge()
    by_key = {a.key: a for a in stored}
    wanted = {d.key for d in drafts}
    for draft in drafts:
        current = by_key.get(draft.key)
        if current is None:
            result.insert.append(draft)
            continue
        if user_owned(current):
            continue
        fields = _RULE_FIELDS if keeps_timing(current) else _RULE_FIELDS + _TIMING_FIELDS
        changes = {f: getattr(draft, f) for f in fields if getattr(draft, f) != getattr(current, f)}
        if draft.state is ActionState.DONE:
            changes["state"] = ActionState.DONE
        if changes:
            result.update.append(current.model_copy(update=changes))
    for action in stored:
        if action.key in wanted or user_owned(action) or action.note.strip():
            continue
        if action.id is not None:
            result.delete.append(action.id)
    return result
