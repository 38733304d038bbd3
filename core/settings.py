"""User settings: environment (AFTERWORD_*) over a TOML file over defaults; paths made lazily."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

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


class Settings(BaseSettings):
    """Afterword's settings; `db` empty means the default path in the user data directory."""

    model_config = SettingsConfigDict(env_prefix="AFTERWORD_", extra="ignore")

    db: Path | None = None
    tz: str = Field(default="", description="IANA time zone; empty = the system's")
    country: str = Field(default="", description="ISO country for public holidays; empty = none")
    subdivision: str = ""
    phone_region: str = "US"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Order the sources: explicit arguments, then environment, then the TOML file."""
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_file())
        return (init_settings, env_settings, toml)

    def db_path(self) -> Path:
        """Return the database path these settings point at."""
        return (self.db or default_db_path()).expanduser()


class SettingsError(Exception):
    """The settings could not be read; the message names the file or variable at fault."""


def load_settings(db: Path | str | None = None) -> Settings:
    """Load the settings; `db` (from --db) wins over AFTERWORD_DB and the config file."""
    try:
        return Settings(db=Path(db)) if db is not None else Settings()
    except Exception as exc:  # TOML syntax or a bad value: one clear line, no traceback
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SettingsError(
            f"Bad settings (config file {config_file()}, AFTERWORD_*): {first}"
        ) from None
