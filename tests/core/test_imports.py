"""Import hygiene: core never loads textual, and heavy libraries wait until they are used."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ["dateparser", "holidays", "icalendar", "vobject", "rapidfuzz", "phonenumbers"]


def _modules_after(code: str, env_home: Path) -> dict[str, bool]:
    probe = f"""
import json, sys
{code}
print(json.dumps({{name: name in sys.modules for name in {["textual", *HEAVY]!r}}}))
"""
    env = {
        "HOME": str(env_home),
        "XDG_CONFIG_HOME": str(env_home / "config"),
        "XDG_DATA_HOME": str(env_home / "data"),
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.returncode == 0, out.stderr
    loaded: dict[str, bool] = json.loads(out.stdout.strip().splitlines()[-1])
    return loaded


def test_core_does_not_import_textual(tmp_path: Path) -> None:
    """core/ knows nothing of the UI: importing it leaves textual out of sys.modules."""
    loaded = _modules_after(
        "import core, core.services, core.repository, core.models, core.settings, core.dates",
        tmp_path,
    )
    assert loaded["textual"] is False


def test_core_start_up_path_loads_no_heavy_library(tmp_path: Path) -> None:
    """Heavy libraries are imported inside the functions that use them, never at import."""
    loaded = _modules_after(
        "import core.services, core.repository, core.models, core.settings, core.dates, "
        "core.debrief, core.prompts, core.checklist, core.people",
        tmp_path,
    )
    assert [name for name in HEAVY if loaded[name]] == []


def test_core_import_creates_no_files(tmp_path: Path) -> None:
    """Nothing is created or read at import: the home, config and data folders stay empty."""
    _modules_after(
        "import core.settings, core.services\n"
        "s = core.settings.load_settings()\n"
        "assert str(s.db_path()).endswith('afterword.db')",
        tmp_path,
    )
    assert list(tmp_path.iterdir()) == []


def test_opening_an_up_to_date_database_needs_no_sqlite_utils(tmp_path: Path) -> None:
    """Schema upgrades use sqlite-utils (and, through it, click); opening and reading a file that
    is up to date does not, so neither is imported on the app's way to the user's data."""
    from core.repository import Repository

    Repository.open(tmp_path / "a.db").close()  # created and migrated here, in this process
    loaded = _modules_after(
        "from core.repository import Repository\n"
        f"repo = Repository.open({str(tmp_path / 'a.db')!r})\n"
        "repo.latest_interview()\n"
        "import sys\n"
        "print(json.dumps({n: n in sys.modules for n in ['sqlite_utils', 'click']}))\n"
        "raise SystemExit(0)",
        tmp_path,
    )
    assert loaded == {"sqlite_utils": False, "click": False}
