"""Settings: --db over AFTERWORD_DB over the TOML config over the default path."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import SettingsError, default_db_path, load_settings


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config file path in AFTERWORD_CONFIG; no AFTERWORD_* variable set otherwise."""
    for var in ("AFTERWORD_DB", "AFTERWORD_TZ", "AFTERWORD_COUNTRY", "AFTERWORD_SUBDIVISION"):
        monkeypatch.delenv(var, raising=False)
    path = tmp_path / "config.toml"
    monkeypatch.setenv("AFTERWORD_CONFIG", str(path))
    return path


@pytest.mark.parametrize(
    ("cli", "env", "toml", "expected"),
    [
        ("/cli.db", "/env.db", "/toml.db", "/cli.db"),
        (None, "/env.db", "/toml.db", "/env.db"),
        (None, None, "/toml.db", "/toml.db"),
        (None, None, None, None),
        ("/cli.db", None, None, "/cli.db"),
    ],
)
def test_db_path_precedence(
    config: Path,
    monkeypatch: pytest.MonkeyPatch,
    cli: str | None,
    env: str | None,
    toml: str | None,
    expected: str | None,
) -> None:
    """--db > AFTERWORD_DB > config file > platformdirs default."""
    if env:
        monkeypatch.setenv("AFTERWORD_DB", env)
    if toml:
        config.write_text(f'db = "{toml}"\ncountry = "US"\n')
    settings = load_settings(cli)
    assert settings.db_path() == (Path(expected) if expected else default_db_path())
    if toml:
        assert settings.country == "US"


def test_default_path_is_in_the_user_data_folder(config: Path) -> None:
    """The default database lives in platformdirs' user data folder, named afterword.db."""
    path = load_settings().db_path()
    assert path.name == "afterword.db"
    assert path.parent.name == "afterword"
    assert not path.parent.exists() or path.parent.is_dir()


def test_env_overrides_time_zone_and_country(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """AFTERWORD_TZ and AFTERWORD_COUNTRY override the config file."""
    config.write_text('tz = "Europe/Paris"\ncountry = "FR"\n')
    monkeypatch.setenv("AFTERWORD_TZ", "America/New_York")
    settings = load_settings()
    assert (settings.tz, settings.country) == ("America/New_York", "FR")


@pytest.mark.parametrize(
    "content",
    ["db = \n[[[", 'country = "US"\ncountry = "FR"\n', "db = [1, 2]\n"],
    ids=["syntax", "duplicate-key", "bad-value"],
)
def test_bad_config_is_a_settings_error_naming_the_file(config: Path, content: str) -> None:
    """A broken config file gives one line naming it, not a traceback."""
    config.write_text(content)
    with pytest.raises(SettingsError) as err:
        load_settings()
    message = str(err.value)
    assert str(config) in message
    assert "\n" not in message


def test_missing_config_file_is_fine_and_not_created(config: Path) -> None:
    """No config file: defaults; reading settings creates nothing."""
    load_settings()
    assert not config.exists()


@pytest.mark.parametrize("cli", [None, "/cli.db", "~/notes/a.db"])
def test_nothing_written_by_the_user_gives_the_validated_defaults(
    config: Path, cli: str | None
) -> None:
    """With no config file and no variable the settings are built without validating (the
    fast start); they equal what validating the same values gives, field for field."""
    from dataclasses import asdict

    from core.settings import validated_settings

    fast = load_settings(cli)
    checked = validated_settings({} if cli is None else {"db": cli})
    assert asdict(fast) == asdict(checked)
    assert fast.db_path() == checked.db_path()
    assert isinstance(fast.db, Path | None)
