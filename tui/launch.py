"""The `afterword` entry point: opening the workbook skips the subcommand machinery.

Typing `afterword` (or `afterword --db FILE`) is what the user does in a hurry, seconds after an
interview: that path imports only Textual and the first screen. Anything else (a subcommand,
--help, --version, an unknown option) goes to the full command line in tui.cli, built on click.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path


def fail(message: str) -> None:
    """Print `afterword: message` on stderr and exit 1 (no traceback, ever)."""
    print(f"afterword: {message}", file=sys.stderr)
    sys.exit(1)


def run_tui(db: Path | None, interview_id: int | None = None) -> None:
    """Open the TUI; exit 1 with the app's message if the database cannot be used."""
    from tui.app import build_app
    from tui.css_cache import cache_file
    from tui.session import AppConfig

    app = build_app(AppConfig(db=db, interview_id=interview_id, styles_cache=cache_file()))
    app.run()
    if app.failure:
        fail(app.failure)
    if app.return_code:
        sys.exit(app.return_code)


def just_open(args: list[str]) -> tuple[bool, Path | None]:
    """Whether `args` only ask to open the workbook, and on which --db (None: the default)."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return True, Path(args[1])
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return True, Path(args[0].removeprefix("--db="))
    return False, None


def main(argv: list[str] | None = None) -> None:
    """Open the workbook at once, or hand the arguments to the full command line."""
    args = sys.argv[1:] if argv is None else argv
    # Afterword's models are its own: no third-party pydantic plugin is meant to hook them,
    # and looking for one reads the metadata of every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    fast, db = just_open(args)
    if fast:
        gc.disable()  # until the data is on screen (AfterwordApp turns it back on)
        run_tui(db)
        return
    from tui.cli import main as full_cli

    full_cli(args, prog_name="afterword")


if __name__ == "__main__":
    main()
