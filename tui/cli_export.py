"""`afterword export ...`: a click group each exporter adds its subcommand to (vcf here)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

DEFAULT_VCF = "afterword-contacts.vcf"


def fail(message: str) -> None:
    """Print `afterword: message` on stderr and exit 1 (a user error)."""
    click.echo(f"afterword: {message}", err=True)
    sys.exit(1)


def open_repository(ctx: click.Context) -> tuple[Any, Any]:
    """Open the settings and the database named by the group's --db (exit 1 with the reason
    if it cannot be used)."""
    from core.repository import DatabaseProblem, Repository
    from core.settings import SettingsError, load_settings

    db = (ctx.find_root().obj or {}).get("db")
    try:
        settings = load_settings(db)
        return settings, Repository.open(settings.db_path())
    except (DatabaseProblem, SettingsError) as exc:
        fail(str(exc))
        raise  # unreachable: fail exits


@click.group()
def export() -> None:
    """Export your data: vcf (contacts); other formats add themselves here."""


@export.command("vcf")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_VCF,
    show_default=True,
    help="File to write (mode 0600, replaced atomically); '-' for standard output.",
)
@click.option("--application", "application_id", type=int, help="Only this application's people.")
@click.pass_context
def export_vcf(ctx: click.Context, output: Path, application_id: int | None) -> None:
    """Export the people met as vCard 3.0 (re-importing updates, never duplicates)."""
    from core.export_vcard import export_vcards, vcards_text

    settings, repo = open_repository(ctx)
    try:
        if str(output) == "-":
            if application_id is not None:
                repo.get_application(application_id)
            people = repo.people_with_application(application_id)
            click.echo(vcards_text(people, repo.database_id(), settings.phone_region), nl=False)
            return
        count = export_vcards(repo, output, application_id, settings.phone_region)
    except KeyError:
        fail(f"no application {application_id} in this database.")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    finally:
        repo.close()
    click.echo(f"Wrote {count} contact{'s' if count != 1 else ''} to {output}", err=True)
