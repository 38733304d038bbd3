"""`afterword export json|md`, `import json` and `backup`: the user's data, theirs to keep."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tui.cli_export import export, fail, open_repository

DEFAULT_JSON = "afterword-export.json"
DEFAULT_MD = "afterword-debriefs.md"
_OUTPUT_HELP = "File to write (mode 0600, replaced atomically); '-' for standard output."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@export.command("json")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_JSON,
    show_default=True,
    help=_OUTPUT_HELP,
)
@click.pass_context
def export_json_command(ctx: click.Context, output: Path) -> None:
    """Export everything (interviews, people, debriefs, plans, notes) as JSON to keep or move;
    `afterword import json` reads it back."""
    from core.export_json import export_json, export_text

    _settings, repo = open_repository(ctx)
    try:
        if str(output) == "-":
            click.echo(export_text(repo), nl=False)
            return
        count = export_json(repo, output)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
        return
    finally:
        repo.close()
    click.echo(f"Wrote {_plural(count, 'row')} to {output}", err=True)


@export.command("md")
@click.option("--interview", "interview_id", type=int, help="Only this interview (default: all).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (mode 0600, replaced atomically; default afterword-interview-ID.md, or "
    "afterword-debriefs.md for all); '-' for standard output.",
)
@click.pass_context
def export_md_command(ctx: click.Context, interview_id: int | None, output: Path | None) -> None:
    """Export a readable Markdown document of a debrief and its follow-up plan (or of all)."""
    from zoneinfo import ZoneInfo

    from core.clock import system_zone_name
    from core.export_md import export_markdown
    from core.private_file import write_private

    settings, repo = open_repository(ctx)
    if output is None:
        output = Path(f"afterword-interview-{interview_id}.md" if interview_id else DEFAULT_MD)
    try:
        text = export_markdown(repo, ZoneInfo(settings.tz or system_zone_name()), interview_id)
        if str(output) == "-":
            click.echo(text, nl=False)
            return
        write_private(output, text)
    except KeyError:
        fail(f"--interview: no interview {interview_id} in this database.")
        return
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
        return
    finally:
        repo.close()
    count = text.count("\n# ") + text.startswith("# ")
    click.echo(f"Wrote {_plural(count, 'interview')} to {output}", err=True)


@click.group("import")
def import_group() -> None:
    """Import your data: json (a file written by `afterword export json`)."""


@import_group.command("json")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def import_json_command(ctx: click.Context, file: Path) -> None:
    """Import an export: rows are matched by id, so importing a file twice changes nothing;
    a file with any problem is refused whole. '-' reads standard input."""
    from core.export_json import ImportProblem, import_text

    try:
        if str(file) == "-":
            text = sys.stdin.read()
        else:
            text = file.expanduser().read_text(encoding="utf-8")
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
        return
    except UnicodeDecodeError as exc:
        fail(f"{file}: byte {exc.start}: not UTF-8 text; nothing was imported.")
        return
    _settings, repo = open_repository(ctx)
    try:
        result = import_text(repo, text)
    except ImportProblem as exc:
        fail(f"{file}: {exc}; nothing was imported.")
        return
    finally:
        repo.close()
    click.echo(
        f"Imported {file}: {_plural(result.rows, 'row')}, {result.written} new or changed, "
        f"{result.unchanged} unchanged.",
        err=True,
    )


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.pass_context
def backup(ctx: click.Context, file: Path | None) -> None:
    """Write a consistent copy of the database (safe while Afterword is open), mode 0600.
    FILE defaults to afterword-backup-YYYYMMDD-HHMMSS.db beside the database; a folder
    gets that name inside it."""
    from core.backup import BackupProblem, backup_database, backup_name
    from core.settings import SettingsError, load_settings
    from tui.cli import cli_now

    try:
        settings = load_settings((ctx.find_root().obj or {}).get("db"))
    except SettingsError as exc:
        fail(str(exc))
        return
    db_path = settings.db_path()
    default = backup_name(db_path, cli_now(settings))
    target = file.expanduser() if file is not None else db_path.parent / default
    if target.is_dir():
        target = target / default
    try:
        written = backup_database(db_path, target)
    except BackupProblem as exc:
        fail(str(exc))
        return
    click.echo(f"Backed up {db_path} to {written}", err=True)


COMMANDS = (import_group, backup)
