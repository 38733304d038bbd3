"""User settings: environment (AFTERWORD_*) over a TOML file over defaults; paths made lazily."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

APP_NAME = "afterword"


def config_file() -> Path:
    """Return the TOML config file's path: AFTERWORD_CONFIG, or the user config directory."""
    explicit = os.environ.get("AFTERWORD_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_db_path() -> Path:
    """Return the default database path, in the user's data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)) / "afterword.db"


@dataclass(frozen=True)
class Settings:
    """Afterword's settings; `db` empty means the default path in the user data directory.

    Filled by load_settings() from the TOML file and AFTERWORD_* variables, which pydantic
    checks (validated_settings). A plain dataclass, not a pydantic model: the common start
    (no config file, no variable) then imports no pydantic before the user's data shows (#8);
    pydantic-settings did the same job but cost ~170 ms of import on every start.
    """

    db: Path | None = None
    tz: str = ""  # IANA time zone; empty = the system's
    country: str = ""  # ISO country for public holidays; empty = none
    subdivision: str = ""
    phone_region: str = "US"

    def db_path(self) -> Path:
        """Return the database path these settings point at."""
        return (self.db or default_db_path()).expanduser()


def _from_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    import tomllib

    return tomllib.loads(path.read_text(encoding="utf-8"))


def _from_environment() -> dict[str, str]:
    values = {}
    for name in (field.name for field in fields(Settings)):
        value = os.environ.get(f"AFTERWORD_{name.upper()}")
        if value is not None:
            values[name] = value
    return values


class SettingsError(Exception):
    """The settings could not be read; the message names the file or variable at fault."""


def load_settings(db: Path | str | None = None) -> Settings:
    """Load the settings; `db` (from --db) wins over AFTERWORD_DB and the config file."""
    try:
        values: dict[str, Any] = {**_from_file(config_file()), **_from_environment()}
        if not values:  # nothing the user wrote to check: the defaults and our own Path
            return Settings(db=None if db is None else Path(db))
        if db is not None:
            values["db"] = Path(db)
        return validated_settings(values)
    except Exception as exc:  # TOML syntax or a bad value: one clear line, no traceback
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SettingsError(
            f"Bad settings (config file {config_file()}, AFTERWORD_*): {first}"
        ) from None


def validated_settings(values: dict[str, Any]) -> Settings:
    """Settings from what the user wrote, checked and converted by pydantic (unknown keys are
    ignored); pydantic.ValidationError names the value at fault."""
    from pydantic import TypeAdapter

    return TypeAdapter(Settings).validate_python(values)
