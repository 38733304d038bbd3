"""`afterword export json`, `import json`: the user's data, theirs to keep and move."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tui.cli_export import export, fail, open_repository

DEFAULT_JSON = "afterword-export.json"
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


COMMANDS = (import_group,)
