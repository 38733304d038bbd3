"""The parsed styles kept between runs (tui.css_cache, #8): read back, they are the rules a
fresh parse gives, the app draws the same screen from them, and a file that cannot be trusted
(damaged, stale, writable by others, a link) is never read."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from textual.css import stylesheet as textual_stylesheet
from textual.css.model import RuleSet
from textual.widgets import Input, OptionList, TextArea

import tui.app
from core.clock import fixed_clock
from core.repository import Repository
from core.services import Capture, capture_interview
from core.settings import Settings
from tests.tui.pilot_helpers import NOW, SIZE, TZ, screen_text
from tests.tui.terminal_harness import PtyApp
from tui import css_cache
from tui.app import AfterwordApp, build_app
from tui.launch import run_tui
from tui.session import AppConfig
from tui.stylesheet import ReusingStylesheet

VARIABLES = build_app(AppConfig()).get_css_variables()  # the theme's, as the app starts
ROOT_CSS = Path(tui.app.__file__).parent


def _sources(sheet: ReusingStylesheet) -> None:
    """The app's own styles and three widgets' defaults, as Textual adds them."""
    sheet.read_all([ROOT_CSS / name for name in AfterwordApp.CSS_PATH])
    for widget in (Input(), OptionList(), TextArea()):
        for read_from, css, tie_breaker, scope in widget._get_default_css():
            sheet.add_source(
                css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope
            )


def _described(rules: list[RuleSet]) -> list[tuple[object, ...]]:
    return [
        (
            rule.selectors,
            sorted(rule.selector_names),
            sorted(rule.pseudo_classes),
            rule.is_default_rules,
            rule.tie_breaker,
            [s.specificity for s in rule.selector_set],
            # by repr: a layout is an object without equality, a new one at each parse
            repr(sorted(rule.styles.get_rules().items(), key=lambda item: item[0])),
        )
        for rule in rules
    ]


def _parsed(variables: dict[str, str] = VARIABLES) -> ReusingStylesheet:
    sheet = ReusingStylesheet(variables=variables)
    _sources(sheet)
    sheet.parse()
    return sheet


def test_rules_read_back_are_the_rules_a_fresh_parse_gives(tmp_path: Path) -> None:
    sheet = _parsed()
    parsed = sheet.parsed_since()
    assert parsed is not None and len(parsed) >= 5
    path = tmp_path / "cache" / css_cache.FILE_NAME
    css_cache.write_parsed(path, VARIABLES, parsed)
    kept = css_cache.read_parsed(path, VARIABLES)
    assert kept.keys() == parsed.keys()
    for key, rules in parsed.items():
        assert _described(kept[key]) == _described(rules)
        assert kept[key] is not rules  # read from the file, not this run's objects


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, each source Textual parses is named in the list returned."""
    parses: list[str] = []
    real_parse = textual_stylesheet.parse

    def counted(*args: object, **kwargs: object) -> object:
        parses.append(str(args[2]))
        return real_parse(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(textual_stylesheet, "parse", counted)
    return parses


def test_kept_rules_are_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / css_cache.FILE_NAME
    parsed = _parsed().parsed_since()
    assert parsed is not None
    css_cache.write_parsed(path, VARIABLES, parsed)
    parses = _count_parses(monkeypatch)
    sheet = ReusingStylesheet(variables=VARIABLES)
    sheet.keep(css_cache.read_parsed(path, VARIABLES))
    _sources(sheet)
    sheet.parse()
    assert parses == []
    assert sheet.parsed_since() is None  # nothing new: nothing to write at exit
    sheet.add_source("Foo { color: red; }", read_from=("extra", ""))
    sheet.parse()
    assert parses == ["('extra', '')"]
    assert sheet.parsed_since() is not None


def test_other_variables_or_a_damaged_file_read_as_nothing(tmp_path: Path) -> None:
    path = tmp_path / css_cache.FILE_NAME
    parsed = _parsed().parsed_since()
    assert parsed is not None
    css_cache.write_parsed(path, VARIABLES, parsed)
    assert css_cache.read_parsed(path, {**VARIABLES, "accent": "#ff0000"}) == {}
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert css_cache.read_parsed(path, VARIABLES) == {}
    path.write_bytes(b"not a pickle at all")
    assert css_cache.read_parsed(path, VARIABLES) == {}
    path.write_bytes(pickle.dumps({"fingerprint": "from an older Afterword", "rules": {}}))
    assert css_cache.read_parsed(path, VARIABLES) == {}
    assert css_cache.read_parsed(tmp_path / "missing" / css_cache.FILE_NAME, VARIABLES) == {}


class Tripwire:
    """Unpickling this runs code: what a planted file would do."""

    ran = False

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (_trip, ())


def _trip() -> dict[str, object]:
    Tripwire.ran = True
    return {}


def test_a_file_others_could_write_or_a_link_is_never_unpickled(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    path = folder / css_cache.FILE_NAME
    path.write_bytes(pickle.dumps(Tripwire()))
    for mode in (0o620, 0o602):  # group- or world-writable file
        path.chmod(mode)
        assert css_cache.read_parsed(path, VARIABLES) == {}
    path.chmod(0o600)
    folder.chmod(0o770)  # a folder others can write: they could swap the file
    assert css_cache.read_parsed(path, VARIABLES) == {}
    folder.chmod(0o700)
    link_target = tmp_path / "elsewhere.pickle"
    path.rename(link_target)
    path.symlink_to(link_target)
    assert css_cache.read_parsed(path, VARIABLES) == {}
    assert not Tripwire.ran
    path.unlink()
    link_target.rename(path)
    css_cache.read_parsed(path, VARIABLES)  # a private file of this user's is read: the tripwire
    assert Tripwire.ran  # proves the checks above, not the file, kept it from running


def test_the_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / css_cache.FILE_NAME
    parsed = _parsed().parsed_since()
    assert parsed is not None
    css_cache.write_parsed(path, VARIABLES, parsed)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in path.parent.iterdir()] == [css_cache.FILE_NAME]  # no temp left


def _app(db: Path, cache: Path) -> AfterwordApp:
    return build_app(
        AppConfig(db=db, clock=fixed_clock(NOW), styles_cache=cache),
        repository=Repository.open(db),
        settings=Settings(db=db, tz=TZ),
    )


async def test_the_app_keeps_its_styles_and_draws_the_same_screen_from_them(
    db_path: Path, demo: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache" / css_cache.FILE_NAME
    first = _app(db_path, cache)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        drawn = first.export_screenshot()
        text = screen_text(first)
    assert cache.exists()  # written at exit
    written = cache.stat().st_mtime_ns
    parses = _count_parses(monkeypatch)
    again = _app(db_path, cache)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert parses == []
        assert screen_text(again) == text
        assert again.export_screenshot() == drawn
    assert cache.stat().st_mtime_ns == written  # nothing new: not written again


async def test_a_theme_changed_during_the_run_is_not_kept(
    db_path: Path, demo: int, tmp_path: Path
) -> None:
    cache = tmp_path / css_cache.FILE_NAME
    app = _app(db_path, cache)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
    assert not cache.exists()


class _Opened:
    failure = None
    return_code = 0

    def run(self) -> None:
        pass


def test_the_real_start_up_keeps_styles_in_the_users_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    configs: list[AppConfig] = []

    def build(config: AppConfig) -> _Opened:
        configs.append(config)
        return _Opened()

    monkeypatch.setattr(tui.app, "build_app", build)
    run_tui(tmp_path / "a.db")
    assert [c.styles_cache for c in configs] == [
        tmp_path / "xdg" / "afterword" / css_cache.FILE_NAME
    ]
    assert build_app(AppConfig()).config.styles_cache is None  # tests and scripts: no cache


async def test_the_debriefs_styles_are_kept_soon_after_the_data_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept by the housekeeping, not only at exit: a terminal closed under the app (which then
    leaves at once) still leaves them for the next start."""
    monkeypatch.setattr(tui.app, "HOUSEKEEPING_DELAY", 0.1)
    cache = tmp_path / "cache" / css_cache.FILE_NAME
    app = build_app(AppConfig(db=tmp_path / "a.db", clock=fixed_clock(NOW), styles_cache=cache))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if cache.exists():
                break
        kept_while_running = css_cache.read_parsed(cache, VARIABLES)
    names = {str(key[1]) for key in kept_while_running}
    assert any(name.endswith("debrief.tcss', '')") for name in names)
    assert any("'Center.DEFAULT_CSS'" in name for name in names)  # the welcome panel's


def test_a_terminal_closed_as_the_data_shows_still_keeps_the_styles(tmp_path: Path) -> None:
    """The window closed right after the debrief appeared (before the housekeeping): the app
    leaves at once, and keeps the styles on the way out."""
    db = tmp_path / "a.db"
    repo = Repository.open(db)
    capture_interview(repo, Capture(company="Acme", role="Engineer", people="Jane Doe"), NOW)
    repo.close()
    app = PtyApp(db, tmp_path)
    try:
        app.wait_for_text("Questions asked")
        app.hang_up()
        assert app.wait_exit(10.0) == 0
    finally:
        app.close()
    kept = css_cache.read_parsed(tmp_path / "cache" / "afterword" / css_cache.FILE_NAME, VARIABLES)
    assert any(str(key[1]).endswith("debrief.tcss', '')") for key in kept)
