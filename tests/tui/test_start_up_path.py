"""The start-up path: the first frame imports no heavy library; the data and the daily backup
come after it; `afterword [--db FILE]` skips the subcommand machinery."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.clock import fixed_clock
from tests.tui.pilot_helpers import NOW, SIZE
from tui import launch
from tui.app import build_app
from tui.session import AppConfig

ROOT = Path(__file__).resolve().parents[2]
# Heavy or slow to import; none is needed to paint the first frame (issue #8).
OFF_THE_FIRST_FRAME = [
    "pydantic",
    "sqlite_utils",
    "arrow",
    "click",
    "dateparser",
    "holidays",
    "icalendar",
    "vobject",
    "rapidfuzz",
    "phonenumbers",
    "core.repository",
    "core.models",
]

_HEADLESS = """
import json, sys
import textual.app as tapp

run = tapp.App.run

def headless(self, *args, **kwargs):
    kwargs["headless"] = True
    return run(self, *args, **kwargs)

tapp.App.run = headless
"""
"""The start of every probe: the real entry point, run headless."""

_PROBE = (
    _HEADLESS
    + """
import tui.app
from tui.launch import main

seen = {}

def on_ready(self, event=None):
    seen["ready"] = sorted(name for name in NAMES if name in sys.modules)
    self.exit()

def no_load(self):  # the worker that opens the database: record, then stop here
    seen["load"] = sorted(name for name in NAMES if name in sys.modules)

tapp.App._on_ready = on_ready
tui.app.AfterwordApp._load = no_load
main(["--db", sys.argv[1]])
print(json.dumps(seen))
"""
)


def test_the_first_frame_imports_no_heavy_library(tmp_path: Path) -> None:
    """`afterword --db FILE` paints its first frame (Textual's Ready) with none of the heavy
    libraries loaded, and starts opening the database with none of them either: they are
    imported by that worker, after the frame (import hygiene, not timing)."""
    seen = _run_probe(_PROBE.replace("NAMES", repr(OFF_THE_FIRST_FRAME)), tmp_path)
    assert seen == {"ready": [], "load": []}


def _run_probe(probe: str, tmp_path: Path) -> dict[str, object]:
    """Run a probe of the real entry point on a new database, headless; what it saw."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "COLUMNS": "120", "LINES": "36"}
    out = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "a.db")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return seen


# Not needed to show the user's data either: the debrief reads plain records (core.records).
OFF_THE_DATA = [name for name in OFF_THE_FIRST_FRAME if name != "core.repository"]

_DATA_PROBE = (
    _HEADLESS
    + """
from tui.launch import main
from tui.screens.debrief import DebriefScreen

seen = {}

def drawn(self, widget):  # the first frame that holds the data has been drawn
    seen["shown"] = type(widget).__name__
    seen["loaded"] = sorted(name for name in NAMES if name in sys.modules)
    self.app.exit()

DebriefScreen.data_drawn = drawn
main(["--db", sys.argv[1]])
print(json.dumps(seen))
"""
)


@pytest.mark.parametrize("demo", [True, False], ids=["debrief", "welcome"])
def test_the_users_data_shows_before_any_heavy_library(tmp_path: Path, demo: bool) -> None:
    """The debrief of the latest interview (or the welcome panel of an empty file) is drawn
    before pydantic, the models, arrow or any other heavy library is imported (#8: pydantic
    alone held the data back ~85 ms); they load after, for what the user does next."""
    from core.demo import build_demo
    from core.repository import Repository

    repo = Repository.open(tmp_path / "a.db")  # a file made by an earlier start (a new one is
    if demo:  # made with sqlite-utils' migrations, once)
        build_demo(repo, NOW)
    repo.close()
    seen = _run_probe(_DATA_PROBE.replace("NAMES", repr(OFF_THE_DATA)), tmp_path)
    assert seen == {"shown": "DebriefBody" if demo else "Welcome", "loaded": []}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (True, None)),
        (["--db", "x.db"], (True, Path("x.db"))),
        (["--db=x.db"], (True, Path("x.db"))),
        (["--db"], (False, None)),
        (["--db", "--help"], (False, None)),
        (["--db="], (False, None)),
        (["--help"], (False, None)),
        (["--version"], (False, None)),
        (["due"], (False, None)),
        (["--db", "x.db", "due"], (False, None)),
    ],
)
def test_only_plain_opening_takes_the_fast_path(
    args: list[str], expected: tuple[bool, Path | None]
) -> None:
    """Anything but `afterword [--db FILE]` goes to the full command line (help, errors)."""
    assert launch.just_open(args) == expected


def test_anything_else_reaches_the_full_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`afterword --version` is answered by the full command line, as before."""
    with pytest.raises(SystemExit) as done:
        launch.main(["--version"])
    assert done.value.code == 0
    assert "afterword, version" in capsys.readouterr().out


def test_a_bad_database_is_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The fast path reports an unusable file the way the full command line does."""
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    with pytest.raises(SystemExit) as done:
        launch.main(["--db", str(folder)])
    assert done.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"afterword: {folder}: is a directory")
    assert err.count("\n") == 1


async def test_the_daily_backup_is_made_after_the_data_is_shown(tmp_path: Path) -> None:
    """The real start-up (the app opens the file itself) makes the day's rolling backup a
    moment after the first screen, not before it, and turns the garbage collector back on
    (tui.launch turns it off for the start-up)."""
    db = tmp_path / "a.db"
    gc.disable()
    app = build_app(AppConfig(db=db, clock=fixed_clock(NOW)))
    backups = tmp_path / "backups"
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.session is not None:
                break
        assert app.session is not None
        assert not backups.exists()  # not yet: the data came first
        for _ in range(100):
            await pilot.pause(0.05)
            if list(backups.glob("a-*.db")):
                break
        collecting = gc.isenabled()
    gc.enable()
    assert collecting
    assert [p.name for p in backups.glob("a-*.db")] == [f"a-{NOW:%Y-%m-%d}.db"]


async def test_a_pane_built_later_is_kept_out_of_full_collections(tmp_path: Path) -> None:
    """A debrief pane built when first shown is frozen out of the garbage collector: a full
    collection would otherwise walk its widgets while the user types (65-120 ms pauses)."""
    from core.repository import Repository
    from core.services import Capture, capture_interview
    from core.settings import Settings
    from tui.widgets.debrief_body import DebriefBody

    db = tmp_path / "a.db"
    repo = Repository.open(db)
    interview = capture_interview(repo, Capture(company="Acme"), NOW)
    repo.close()
    app = build_app(
        AppConfig(db=db, clock=fixed_clock(NOW), interview_id=interview.id),
        repository=Repository.open(db),
        settings=Settings(db=db),
    )
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            gc.unfreeze()
            body = app.screen.query_one(DebriefBody)
            await body.show_prompt("B7")  # not built yet
            await pilot.pause()
            assert app.screen.query("#pane-B7")
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


_STYLE_PROBE = (
    _HEADLESS
    + """
from textual.css.stylesheet import Stylesheet
import tui.app
from tui.launch import main
from tui.widgets.welcome import Welcome

seen = {"reparses": 0}
reparse = Stylesheet.reparse

def counted(self):
    seen["reparses"] += 1
    reparse(self)

def on_ready(self, event=None):
    seen["at_ready"] = seen["reparses"]

def welcome_shown(self, *args):
    seen["editors"] = sorted(m for m in sys.modules if m.startswith("tui.widgets.") and "pane" in m)
    self.app.exit()

tapp.App._on_ready = on_ready
Stylesheet.reparse = counted
Welcome.on_mount = welcome_shown  # Welcome defines none of its own
main(["--db", sys.argv[1]])
print(json.dumps(seen))
"""
)


def test_the_first_frame_parses_the_styles_once_and_the_welcome_needs_no_editor(
    tmp_path: Path,
) -> None:
    """Before the first frame no stylesheet is parsed again from scratch (Textual did it
    twice: for the debrief's own styles, now loaded with the app's, and to refresh a new mode's
    screen, now kept parsed while the theme is the same). An empty database's welcome panel
    shows without importing any debrief editor."""
    seen = _run_probe(_STYLE_PROBE, tmp_path)
    assert seen["at_ready"] == 0
    assert seen["editors"] == []
