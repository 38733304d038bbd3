"""The list and `due` cases bench_data.py times (#8): what the contacts screen, the interview
switcher and `afterword due` read, each as the screen or command asks for it, the read apart
from the drawing or printing (the budget, lists and due <= 2 ms, is the read's)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from core.repository import Repository
from tests.bench.large_db import NOW

if TYPE_CHECKING:
    from tests.bench.bench_data_cases import Case

DEMO = "floor of lists: the same call on the demo db"


def _latest(repo: Repository) -> int:
    summary = repo.latest_interview()
    assert summary is not None and summary.interview.id is not None
    return summary.interview.id


def forget_checks(*repos: Repository) -> None:
    """Empty every per-value cache a page of contacts fills (email checks, A2's patterns) and
    what the repositories kept while their file is unchanged (page starts): the next read sees
    its people for the first time."""
    from core import coverage
    from core.contact_fields import check_email_value
    from core.email_guess import _pattern_of

    for repo in repos:
        repo._kept = None
    for cached in (check_email_value, _pattern_of, coverage._domain_valid):
        cached.cache_clear()
    coverage.email_valid.cache_clear()


def contact_cases(large: Repository, demo: Repository) -> list[Case]:
    """The contacts screen: the page it shows (its lines), the person shown beside it. A page of
    everyone read again is sought by the key it was found by (Kept); the same page after a
    change to who is listed is found by skipping to its offset; the next page, paged down to,
    is sought by the key the page above it left. Each reads its companies' A2 patterns as
    their votes elected them (core.repository.votes)."""
    from core.contacts_list import contact_lines, contact_row
    from core.services_people import Scope
    from tests.bench.bench_data_cases import Case
    from tui.widgets.paged_table import PAGE

    def page(repo: Repository, scope: Scope, offset: int = 0) -> Callable[[], object]:
        iid = _latest(repo)
        return lambda: contact_lines(repo, scope, iid, offset=offset, limit=PAGE).lines

    def again(*reads: Callable[[], object]) -> Callable[[], object]:
        """Read once untimed (the caches of a page shown before, as after an edit or a
        scope switched back; the first sight case empties them)."""
        return lambda: [read() for read in reads]

    def keyless() -> None:
        """Forget what was kept, as a change by another program, or to who is listed, does
        (Kept): the page is found by skipping to its offset."""
        large._kept = None

    edits = {"n": 0}

    def edited() -> None:
        """A best time edited in the app (a write that leaves Kept as it was)."""
        edits["n"] += 1
        person = contact_lines(large, Scope.EVERYONE, offset=25_000, limit=PAGE).lines[0]
        large.update_person(person.id, best_time=f"mornings {edits['n'] % 2}")

    out = []
    for scope, label in ((Scope.INTERVIEW, "this interview"), (Scope.APPLICATION, "this process")):
        here, there = page(large, scope), page(demo, scope)
        name = f"contacts, {label} (read again)"
        out.append(Case(name, here, 2, there, DEMO, setup=again(here, there)))
    for offset in (0, 25_000):
        name = f"contacts, everyone ({PAGE} shown from {offset:,}, read again)"
        here, there = page(large, Scope.EVERYONE, offset), page(demo, Scope.EVERYONE)
        out.append(Case(name, here, 2, there, DEMO, setup=again(here, there)))
    deep = page(large, Scope.EVERYONE, 25_000)
    name = f"contacts, everyone ({PAGE} from 25,000, read again after a best time edited on it)"
    out.append(Case(name, deep, 2, page(demo, Scope.EVERYONE), DEMO, setup=again(deep, edited)))
    name = f"contacts, everyone ({PAGE} from 25,000, read again, who is listed changed since)"
    out.append(Case(name, deep, 2, page(demo, Scope.EVERYONE), DEMO, setup=again(deep, keyless)))
    name = f"contacts, everyone, the next page (from {25_000 + PAGE:,}, paged down to)"
    here = page(large, Scope.EVERYONE, 25_000 + PAGE)
    setup = again(keyless, here, keyless, deep)  # the key it is sought by: the page above's
    out.append(Case(name, here, 2, page(demo, Scope.EVERYONE), DEMO, setup=setup))
    name = f"contacts, everyone, first sight ({PAGE} from 30,000, caches emptied)"
    here, there = page(large, Scope.EVERYONE, 30_000), page(demo, Scope.EVERYONE)
    out.append(Case(name, here, 2, there, DEMO, setup=lambda: forget_checks(large, demo)))
    shown = [line.id for line in contact_lines(large, Scope.EVERYONE, limit=PAGE).lines]
    demo_shown = [line.id for line in contact_lines(demo, Scope.EVERYONE).lines]
    turn = {"large": 0, "demo": 0}

    def detail(repo: Repository, ids: list[int], key: str) -> Callable[[], object]:
        def go() -> object:
            turn[key] += 1
            return [contact_row(repo, ids[turn[key] % len(ids)])]

        return go

    name = "contacts, the person shown beside (each cursor move)"
    here, there = detail(large, shown, "large"), detail(demo, demo_shown, "demo")
    pages = again(page(large, Scope.EVERYONE), page(demo, Scope.EVERYONE))  # the page shown
    out.append(Case(name, here, 2, there, DEMO, repeat=5, setup=pages))
    return out


def switcher_cases(large: Repository, demo: Repository) -> list[Case]:
    """The interview switcher: the newest it shows at once, then every label it reads after
    its first frame (no budget: a background read, not a list drawn)."""
    from tests.bench.bench_data_cases import Case
    from tui.screens.picker import SHOWN, _label

    def labels(repo: Repository, limit: int) -> Callable[[], object]:
        return lambda: [_label(*row[1:]) for row in repo.interview_labels(limit)]

    shown = f"interview switcher (the {SHOWN} newest it shows)"
    every = "interview switcher, every label (after its frame)"
    return [
        Case(
            shown,
            lambda: large.interview_labels(SHOWN),
            2,
            lambda: demo.interview_labels(SHOWN),
            DEMO,
            repeat=5,
        ),
        Case(every, labels(large, 1_000_000), None, labels(demo, 1_000_000), DEMO),
    ]


def due_cases(large: Repository, demo: Repository) -> list[Case]:
    """`afterword due --within 1d`: the read (the budget's), the lines printed, the whole."""
    from core.plan_view import due_lines
    from tests.bench.bench_data_cases import CTX, Case
    from tui.cli_plan import due_text

    day = timedelta(days=1)
    printed = {"large": due_lines(large, NOW, CTX, day), "demo": due_lines(demo, NOW, CTX, day)}

    def read(repo: Repository) -> Callable[[], object]:
        return lambda: due_lines(repo, NOW, CTX, day)

    def text(key: str) -> Callable[[], object]:
        return lambda: due_text(printed[key], CTX.zone).splitlines()

    def whole(repo: Repository) -> Callable[[], object]:
        return lambda: due_text(due_lines(repo, NOW, CTX, day), CTX.zone).splitlines()

    return [
        Case("due, the read (due_lines, --within 1d)", read(large), 2, read(demo), DEMO, repeat=5),
        Case("due, the lines printed (due_text)", text("large"), None, text("demo"), DEMO),
        Case("due, read and printed (the command's work)", whole(large), None, whole(demo), DEMO),
    ]
