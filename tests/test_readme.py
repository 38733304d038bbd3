"""The README's two commands stay true: CI runs the test command exactly as the README gives it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ci_command() -> str:
    lines = (ROOT / ".ci" / "run").read_text().splitlines()
    return next(line for line in lines if line.startswith("python3 -m venv"))


def test_readme_gives_the_exact_test_command_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text()
    assert _ci_command() in readme


def test_readme_install_command_opens_afterword() -> None:
    readme = (ROOT / "README.md").read_text()
    assert (
        "python3 -m venv .venv && . .venv/bin/activate && pip install -q . && afterword" in readme
    )


def test_readme_shows_screenshots_that_exist() -> None:
    readme = (ROOT / "README.md").read_text()
    shots = [part.split(")")[0] for part in readme.split("](screenshots/")[1:]]
    assert shots, "the README shows no screenshot"
    for name in shots:
        assert (ROOT / "screenshots" / name).is_file(), name
