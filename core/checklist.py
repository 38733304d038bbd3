"""The closing checklist A1..A6: what to gather as the interview ends, ticked in seconds."""

from __future__ import annotations

from typing import NamedTuple


class ChecklistItem(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """One thing to do as the interview closes, with its PLAYBOOK ID."""

    id: str
    label: str
    hint: str


CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        "A1",
        "Cards or full details of everyone met",
        "Exact spelling, title, email, phone, direct mailing address.",
    ),
    ChecklistItem(
        "A2",
        "Names of everyone met (no card)",
        "Enough to find them on the company site and work out their email.",
    ),
    ChecklistItem(
        "A3",
        "Asked what comes next",
        "Background checks, reference checks, other managers to meet.",
    ),
    ChecklistItem(
        "A4",
        "Asked for the time frame",
        "When they will decide; when they plan to fill the position.",
    ),
    ChecklistItem(
        "A5",
        "Best time and way to reach each person",
        "Time, day, and email or phone.",
    ),
    ChecklistItem(
        "A6",
        "Expressed sincere interest",
        "Asked for the job; mentioned other processes only if true.",
    ),
)

CHECKLIST_IDS: tuple[str, ...] = tuple(item.id for item in CHECKLIST)


def toggle(ticked: list[str], item_id: str) -> list[str]:
    """Return the ticked checklist IDs with `item_id` flipped, in checklist order (A1-A6)."""
    if item_id not in CHECKLIST_IDS:
        raise ValueError(f"unknown checklist item {item_id!r}")
    chosen = set(ticked) ^ {item_id}
    return [i for i in CHECKLIST_IDS if i in chosen]


def timeframe_label(decision_date: object, no_timeframe_given: bool) -> str:
    """A4: describe the time frame they gave: a date, 'none given', or not asked yet."""
    if decision_date is not None:
        return f"decision by {decision_date}"
    return "none given" if no_timeframe_given else "not recorded"
