"""`afterword due`, `timeline`, `done` and `export ics`: the follow-up plan from the shell."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tui.cli_export import export, fail

if TYPE_CHECKING:
    from core.plan_view import DueLine, PlanItem
    from core.repository import Repository
    from core.schedule import PlanContext

DEFAULT_ICS = "afterword-plan.ics"


def _session(ctx: click.Context) -> tuple[Repository, datetime, PlanContext]:
    """Open the database named by --db, read the clock, and plan what has no plan yet."""
    from core.clock import system_zone_name
    from core.services_plan import ensure_plans, plan_context
    from tui.cli import _open, cli_now

    settings, repo = _open((ctx.find_root().obj or {}).get("db"))
    now = cli_now(settings)
    plan_ctx = plan_context(settings, system_zone_name())
    ensure_plans(repo, now, plan_ctx)
    return repo, now, plan_ctx


WHEN = "%a %d %b %H:%M"
"""How a line shows its due moment, in the user's zone."""


def _line(item: PlanItem, now: datetime, zone: Any) -> str:
    a = item.action
    late = a.is_open and a.due < now
    when = a.due.astimezone(zone).strftime(WHEN)
    return _text(a.id or 0, when, item.label, item.person, item.company, a.rule, late) + (
        "  !" if item.findings else ""
    )


class _When:
    """A due moment as strftime(WHEN) shows it in `zone`, quicker (#8: strftime was ~2.5 us a
    line, over half of printing `due`): the day's and month's names asked of strftime once
    each (in the locale in force), the numbers formatted here as %d, %H and %M pad them."""

    def __init__(self, zone: Any) -> None:
        self.zone = zone
        self.days = [date(2024, 1, day).strftime("%a") for day in range(1, 8)]  # from a Monday
        self.months = [date(2024, month, 1).strftime("%b") for month in range(1, 13)]

    def __call__(self, due: datetime) -> str:
        d = due.astimezone(self.zone)
        day, month = self.days[d.weekday()], self.months[d.month - 1]
        return f"{day} {d.day:02d} {month} {d.hour:02d}:{d.minute:02d}"


def _due_line(line: DueLine, zone: Any, when: _When | None = None) -> str:
    """One line of `afterword due`, as _line prints the same action."""
    shown = when(line.due) if when else line.due.astimezone(zone).strftime(WHEN)
    text = _text(line.id, shown, line.label, line.person, line.company, line.rule, line.overdue)
    return text + ("  !" if line.warned else "")


def _text(
    action_id: int, when: str, label: str, person: str, company: str, rule: str, late: bool
) -> str:
    who = f": {person}" if person else ""
    overdue = "overdue" if late else ""
    return f"#{action_id:<4} {overdue:<7} {when}  {label}{who} ({company}) [{rule}]"


def _echo_json(items: list[PlanItem]) -> None:
    payload: list[dict[str, Any]] = [i.to_json() for i in items]
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False))


EVERY_ACTION = 2**62  # a LIMIT no plan reaches


@click.command()
@click.option("--within", default="1d", show_default=True, help="Window ahead: 90m, 24h, 7d, 2w.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (an empty list if nothing).")
@click.pass_context
def due(ctx: click.Context, within: str, as_json: bool) -> None:
    """What is overdue or due within the window, across everything (silent when nothing is)."""
    from core.plan_view import due_items, due_lines, parse_within

    try:
        window = parse_within(within)
    except ValueError as exc:
        fail(str(exc))
        return
    repo, now, plan_ctx = _session(ctx)
    try:
        if as_json:
            items = due_items(repo, now, plan_ctx, window)
        else:
            lines = due_lines(repo, now, plan_ctx, window)
    finally:
        repo.close()
    if as_json:
        _echo_json(items)
        return
    if lines:
        click.echo(due_text(lines, plan_ctx.zone))


def due_text(lines: list[DueLine], zone: Any) -> str:
    """What `afterword due` prints for these lines (the printing, timed apart from the read)."""
    when = _When(zone)
    return "\n".join(_due_line(line, zone, when) for line in lines)


@click.command()
@click.option("--interview", "interview_id", type=int, help="Only this interview's plan.")
@click.option("--all", "show_all", is_flag=True, help="Every action, not 500 a group.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (every action).")
@click.pass_context
def timeline(ctx: click.Context, interview_id: int | None, show_all: bool, as_json: bool) -> None:
    """The whole follow-up plan, grouped Overdue / Today / This week / Later / Done."""
    from core.plan_view import TIMELINE_PAGE, timeline_pages

    repo, now, plan_ctx = _session(ctx)
    limit = EVERY_ACTION if show_all or as_json else TIMELINE_PAGE
    try:
        if interview_id is not None:
            repo.get_interview(interview_id)
        pages = timeline_pages(repo, now, plan_ctx, interview_id, limit=limit)
    except KeyError:
        fail(f"--interview: no interview {interview_id} in this database.")
        return
    finally:
        repo.close()
    if as_json:
        _echo_json([item for page in pages for item in page.items])
        return
    shown = False
    for page in pages:
        if not page.total:
            continue
        click.echo(
            f"{page.group.value} ({page.total}):"
            if not shown
            else f"\n{page.group.value} ({page.total}):"
        )
        shown = True
        if page.offset:
            click.echo(f"  … {page.offset} earlier (--all prints every one)")
        for item in page.items:
            click.echo("  " + _line(item, now, plan_ctx.zone))
            for finding in item.findings:
                click.echo(f"         ! {finding}")
        rest = page.total - page.offset - len(page.items)
        if rest > 0:
            click.echo(f"  … {rest} more (--all prints every one)")
    if not shown:
        click.echo("No follow-ups planned yet. Capture an interview with: afterword new COMPANY")


@click.command()
@click.argument("action_id", type=int)
@click.option("--anyway", is_flag=True, help="Go ahead even if the pestering guard warns (D7).")
@click.pass_context
def done(ctx: click.Context, action_id: int, anyway: bool) -> None:
    """Mark a follow-up done (its id is the #number `due` and `timeline` show)."""
    from core.services_plan import GuardWarning, mark_done

    repo, now, plan_ctx = _session(ctx)
    try:
        action = mark_done(repo, action_id, now, plan_ctx, override=anyway)
    except KeyError:
        fail(f"no follow-up #{action_id} in this database.")
        return
    except GuardWarning as exc:
        fail(f"{exc} (add --anyway to go ahead)")
        return
    finally:
        repo.close()
    click.echo(f"Done: #{action.id}")


@export.command("ics")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_ICS,
    show_default=True,
    help="File to write (mode 0600, replaced atomically); '-' for standard output.",
)
@click.pass_context
def export_ics_command(ctx: click.Context, output: Path) -> None:
    """Export every open follow-up as a calendar to-do (VTODO) with a reminder."""
    from core.export_ics import export_ics

    repo, now, plan_ctx = _session(ctx)
    to_stdout = str(output) == "-"
    try:
        data = export_ics(repo, None if to_stdout else output, now, plan_ctx)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
        return
    finally:
        repo.close()
    if to_stdout:
        click.echo(data.decode("utf-8"), nl=False)
        return
    count = data.count(b"BEGIN:VTODO")
    click.echo(f"Wrote {count} to-do{'s' if count != 1 else ''} to {output}", err=True)


COMMANDS = (due, timeline, done)


def plan_new_interview(repo: Repository, interview_id: int, now: datetime, settings: Any) -> None:
    """Plan the follow-ups of an interview just captured (D1, D2 ... from its end)."""
    from core.clock import system_zone_name
    from core.services_plan import plan_context, replan

    replan(repo, interview_id, now, plan_context(settings, system_zone_name()))
