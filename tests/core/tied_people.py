"""People whose names tie under NOCASE, for the contacts paging tests: every page edge cuts
through a name."""

from __future__ import annotations

from core.models import Application, EmailSource, Person
from core.repository import Repository
from tests.core.conftest import NOW


def add_tied_people(
    repo: Repository, names: list[str], count: int, *, some_confirmed: bool = False
) -> None:
    """`count` people named from `names` in turn, at three companies (one spelt two ways),
    every other one with an address the guesses of the others follow; with `some_confirmed`
    every fourth has the spelling of their name confirmed."""
    apps = [
        repo.add_application(Application(company=company, created_at=NOW)).id or 0
        for company in ("Acme", "ACME", "Globex")
    ]
    for n in range(count):
        name = names[n % len(names)]
        email = f"{name.replace(' ', '.')}@acme.com".lower() if n % 2 else ""
        repo.add_person(
            Person(
                application_id=apps[n % 3],
                name=name,
                email=email,
                email_source=EmailSource.CARD if email else EmailSource.UNKNOWN,
                spelling_confirmed=some_confirmed and n % 4 == 0,
            )
        )
