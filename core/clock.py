"""The one place that reads the wall clock; everything else takes `now` as a parameter."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Clock = Callable[[], datetime]
"""A function returning the current aware datetime in the user's time zone."""


def system_zone_name() -> str:
    """Return the IANA name of the user's time zone: AFTERWORD_TZ, then TZ, then /etc/localtime."""
    for var in ("AFTERWORD_TZ", "TZ"):
        name = os.environ.get(var, "").lstrip(":")
        if name and _is_zone(name):
            return name
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return "UTC"
    marker = "zoneinfo/"
    if marker in target:
        name = target.split(marker, 1)[1]
        if _is_zone(name):
            return name
    return "UTC"


def _is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone(name: str) -> tzinfo:
    """Return the tzinfo for an IANA zone name."""
    return ZoneInfo(name)


def system_clock(zone_name: str | None = None) -> Clock:
    """Return a clock reading the wall clock in `zone_name` (default: the user's zone)."""
    tz = ZoneInfo(zone_name or system_zone_name())

    def now() -> datetime:
        return datetime.now(tz)

    return now


def fixed_clock(moment: datetime) -> Clock:
    """Return a clock that always answers `moment` (for tests, demos and screenshots)."""
    if moment.tzinfo is None:
        raise ValueError("a fixed clock needs an aware datetime")

    def now() -> datetime:
        return moment

    return now
