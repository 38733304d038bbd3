"""Issue #7, bad input 13 through the CLI: random text in every argument of `afterword new`.

No crash: exit 0 with the new interview's id, or exit 1 with one line on stderr saying what to
fix (quoted, so no newline or escape sequence of the input reaches the terminal). What is
stored is the input cleaned, nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from core.repository import Repository
from core.text import clean_line
from tui.cli import main

NOW = "2026-11-24T15:00:00-05:00"
ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Any text a shell can pass (no NUL, no lone surrogate), biased towards the troublesome.
ARG = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "\n",
            "tomorrow",
            "30 min ago",
            "in 3 years",
            "Jane <jane@",
            "a, , b",
            "\x1b]0;pwned\x07",
            "[bold]x[/]",
            "2026-02-30",
        ]
    ),
)
WHEN = st.one_of(st.sampled_from(["now", "30 min ago", "yesterday 4pm", "", "none"]), ARG)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database for every example."""
    return tmp_path_factory.mktemp("cli-fuzz")


def _run(
    folder: Path, company: str, role: str, ended: str, people: str, decision: str
) -> tuple[int, str, str]:
    env = {
        "AFTERWORD_NOW": NOW,
        "AFTERWORD_TZ": "America/New_York",
        "AFTERWORD_CONFIG": str(folder / "no-config.toml"),
        "AFTERWORD_DB": None,
    }
    args = ["--db", str(folder / "afterword.db"), "new", "--no-open"]
    args += [f"--role={role}", f"--ended={ended}", f"--with={people}", f"--decision={decision}"]
    result = CliRunner().invoke(main, [*args, "--", company], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stdout, result.stderr


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(company=ARG, role=ARG, ended=WHEN, people=ARG, decision=WHEN)
@example(company="Acme", role="", ended="now", people="Jane\nDoe <jane@", decision="")
@example(company="\x1b[2J", role="", ended="now", people="", decision="")
@example(company="Acme", role="x" * 5000, ended="now", people="", decision="")
def test_random_arguments_exit_0_or_1_with_one_clean_line(
    folder: Path, company: str, role: str, ended: str, people: str, decision: str
) -> None:
    code, out, err = _run(folder, company, role, ended, people, decision)
    event(f"exit {code}")
    assert code in (0, 1), (code, out, err)
    if code == 1:
        assert out == ""
        assert err.endswith("\n") and err.count("\n") == 1, err
        assert err.startswith("afterword: ")
        assert not ESCAPE.search(err.rstrip("\n")), err
        return
    interview_id = int(out.strip())
    repo = Repository.open(folder / "afterword.db")
    try:
        summary = repo.summary(interview_id)
    finally:
        repo.close()
    assert summary.company == clean_line(company)
    assert not ESCAPE.search(summary.company + summary.role)
