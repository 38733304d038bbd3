"""`afterword note PERSON_OR_ACTION`: the same draft the note editor shows, from the shell:
printed with its findings, written as an .eml draft, or as a mailto: link."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tui.cli_export import fail

if TYPE_CHECKING:
    from core.repository import Repository
    from core.services_notes import NoteView

KINDS = (
    "thank_you",
    "mailed_note",
    "staff_thanks",
    "value_add",
    "status_check",
    "feedback_request",
    "withdraw",
    "linkedin",
)
"""The note kinds (core.models.NoteKind's values; spelled out to keep pydantic off start-up)."""
_PERSON = re.compile(r"^p(\d+)$", re.IGNORECASE)
_ACTION = re.compile(r"^(?:a|#)(\d+)$", re.IGNORECASE)


def _person_by_name(repo: Repository, name: str) -> int:
    """The id of the one person whose name is (or, failing that, contains) `name`."""
    people = [p for p, _app in repo.people_with_application()]
    wanted = name.casefold().strip()
    found = [p for p in people if p.name.casefold() == wanted]
    found = found or [p for p in people if wanted in p.name.casefold()]
    if not found:
        fail(f"nobody called {name!r} in this database (try a person id like p12).")
    if len(found) > 1:
        listed = ", ".join(f"p{p.id} {p.name}" for p in found[:8])
        fail(f"{name!r} matches several people: {listed}. Use the id.")
    return found[0].id or 0


def _open(
    repo: Repository, who: str, kind: str | None, interview: int | None, now: object
) -> NoteView:
    from core.models import NoteKind
    from core.services_notes import NoteProblem, open_for_action, open_note

    action = _ACTION.match(who.strip())
    person = _PERSON.match(who.strip())
    try:
        if action:
            if kind is not None:
                fail("--kind: an action already says which note it is; leave --kind out.")
            return open_for_action(repo, int(action.group(1)), now)  # type: ignore[arg-type]
        person_id = int(person.group(1)) if person else _person_by_name(repo, who)
        return open_note(
            repo,
            person_id,
            NoteKind(kind or "thank_you"),
            now,  # type: ignore[arg-type]
            interview_id=interview,
        )
    except KeyError:
        fail(f"no {'follow-up' if action else 'person'} {who!r} in this database.")
    except NoteProblem as exc:
        fail(str(exc))
    raise AssertionError("unreachable: fail exits")


def _echo_findings(view: NoteView) -> None:
    note = view.note
    for finding in view.findings(note.subject, note.body):
        click.echo(f"! {finding.code} {finding.message}", err=True)


@click.command("note")
@click.argument("who", metavar="PERSON_OR_ACTION")
@click.option("--kind", type=click.Choice(KINDS), help="Which note (default: thank_you).")
@click.option("--interview", type=int, help="The interview, when the person was met at several.")
@click.option(
    "--eml",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the draft as an .eml file (0600; opens as a draft in mail clients); '-' prints it.",
)
@click.option("--mailto", is_flag=True, help="Print a mailto: link instead.")
@click.pass_context
def note(
    ctx: click.Context,
    who: str,
    kind: str | None,
    interview: int | None,
    eml: Path | None,
    mailto: bool,
) -> None:
    """The note to a person (p12 or a name) or for a follow-up (a34, the # of `due`).

    Drafted from their highlights the first time, then as you left it in the editor.
    Findings (C1, C5, C6 ...) are printed on standard error.
    """
    from core.export_eml import eml_bytes, mailto_link
    from core.private_file import write_private
    from tui.cli_plan import _session

    repo, now, _ctx = _session(ctx)
    try:
        view = _open(repo, who, kind, interview, now)
        person, text = view.person, view.note
        _echo_findings(view)
        if mailto:
            click.echo(mailto_link(person.email, text.subject, text.body))
        elif eml is not None:
            data = eml_bytes(person.name, person.email, text.subject, text.body, now)
            if str(eml) == "-":
                click.echo(data.decode("ascii"), nl=False)
            else:
                write_private(eml, data)
                click.echo(f"Wrote {eml} ({text.kind.value} to {person.name})", err=True)
        else:
            click.echo(f"To: {person.name} <{person.email}>" if person.email else person.name)
            if text.subject:
                click.echo(f"Subject: {text.subject}")
            click.echo("")
            click.echo(text.body, nl=not text.body.endswith("\n"))
    except OSError as exc:
        fail(f"cannot write {eml}: {exc.strerror or exc}")
    finally:
        repo.close()


COMMANDS = (note,)
