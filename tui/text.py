"""User text as Textual content: always literal, never parsed as markup."""

from __future__ import annotations

from textual.content import Content


def plain(text: str, style: str = "") -> Content:
    """Return `text` as content shown exactly as typed (brackets and all), optionally styled."""
    content = Content(text)
    return content.stylize(style) if style and text else content


def line(*parts: str | tuple[str, str]) -> Content:
    """Join literal parts, each a string or (string, style), into one line of content."""
    return Content.assemble(*parts)
