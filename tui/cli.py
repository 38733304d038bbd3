"""The `afterword` command: opens the TUI; subcommands capture, seed a demo, and more."""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli_data import COMMANDS as DATA_COMMANDS
from tui.cli_export import export
from tui.cli_note import COMMANDS as NOTE_COMMANDS
from tui.cli_plan import COMMANDS as PLAN_COMMANDS
from tui.cli_plan import plan_new_interview
from tui.launch import fail, run_tui

DB_OPTION_HELP = "Database file (default: AFTERWORD_DB, the config file, or the data directory)."


def _open(db: Path | None):  # type: ignore[no-untyped-def]
    from core.repository import DatabaseProblem, Repository
    from core.settings import SettingsError, load_settings

    try:
        settings = load_settings(db)
        return settings, Repository.open(settings.db_path())
    except (DatabaseProblem, SettingsError) as exc:
        fail(str(exc))
        raise  # unreachable: _fail exits


def cli_now(settings):  # type: ignore[no-untyped-def]
    """Return now in the user's zone; AFTERWORD_NOW (ISO 8601 with offset) fixes it for tests."""
    import os
    from datetime import datetime

    from core.clock import system_clock

    fixed = os.environ.get("AFTERWORD_NOW", "").strip()
    if not fixed:
        return system_clock(settings.tz or None)()
    try:
        moment = datetime.fromisoformat(fixed)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        fail(f"AFTERWORD_NOW={fixed!r}: use ISO 8601 with an offset, e.g. 2026-11-24T15:00-05:00")
    return moment


@click.group(invoke_without_command=True)
@click.option("--db", type=click.Path(path_type=Path), help=DB_OPTION_HELP)
@click.version_option(package_name="afterword")
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    """Afterword: a workbook for the hours and weeks after a job interview."""
    ctx.obj = {"db": db}
    if ctx.invoked_subcommand is None:
        run_tui(db)


@main.command()
@click.argument("company")
@click.option("--role", default="", help="The role you interviewed for.")
@click.option("--ended", default="now", help="When it ended: now, '30 min ago', 'yesterday 4pm'.")
@click.option("--with", "people", default="", help='People met: "Jane Doe <jane@acme.com>, Bob".')
@click.option("--decision", default="", help="When they will decide: 'in 2 weeks', a date, none.")
@click.option(
    "--format",
    "fmt",
    default="in_person",
    type=click.Choice(["in_person", "video", "phone", "other"]),
)
@click.option("--large", is_flag=True, help="A large, busy employer.")
@click.option("--no-open", is_flag=True, help="Do not open the debrief afterwards.")
@click.pass_context
def new(
    ctx: click.Context,
    company: str,
    role: str,
    ended: str,
    people: str,
    decision: str,
    fmt: str,
    large: bool,
    no_open: bool,
) -> None:
    """Capture an interview, print its id, then open its debrief."""
    from core.services import Capture, FieldErrors, capture_interview

    settings, repo = _open(ctx.obj["db"])
    now = cli_now(settings)
    capture = Capture(
        company=company,
        role=role,
        ended=ended,
        people=people,
        decision=decision,
        format=fmt,
        large_employer=large,
    )
    try:
        interview = capture_interview(repo, capture, now, settings.country or None)
        plan_new_interview(repo, interview.id or 0, now, settings)
    except FieldErrors as exc:
        repo.close()
        fail("; ".join(f"--{'with' if k == 'people' else k}: {v}" for k, v in exc.errors.items()))
        return
    repo.close()
    click.echo(interview.id)
    if not no_open:
        run_tui(ctx.obj["db"], interview.id)


@main.command()
@click.option("--db", "demo_db", type=click.Path(path_type=Path), help=DB_OPTION_HELP)
@click.pass_context
def demo(ctx: click.Context, demo_db: Path | None) -> None:
    """Fill an empty database with a realistic demo to try Afterword on."""
    from core.clock import system_clock
    from core.demo import build_demo

    settings, repo = _open(demo_db or ctx.obj["db"])
    if repo.count_interviews():
        repo.close()
        fail(
            f"{settings.db_path()} already holds interviews; the demo needs an empty "
            "database (try --db /tmp/afterword-demo.db)."
        )
    build_demo(repo, system_clock(settings.tz or None)())
    repo.close()
    click.echo(
        f"Demo written to {settings.db_path()}. Open it with: afterword --db {settings.db_path()}"
    )


main.add_command(export)
for _command in (*PLAN_COMMANDS, *DATA_COMMANDS, *NOTE_COMMANDS):
    main.add_command(_command)

if __name__ == "__main__":
    main()
