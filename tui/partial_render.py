"""What a partial update renders (#8): only the widgets that can show in the changed region.

Installed by tui/app.py for every screen. Textual 8.2.8 (pinned in pyproject.toml) renders,
for a partial update, every widget whose clip meets the region; a test compares the frames
with Textual's own (tests/tui/test_keys_render.py), so an upgrade that changes the compositor
fails there first.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip

_textual_get_renders = Compositor._get_renders


def renders_in_crop(
    self: Compositor, crop: Region | None = None
) -> Iterable[tuple[Region, Region, list[Strip]]]:
    """Compositor._get_renders, rendering only the widgets that can show in `crop`.

    Textual 8.2.8 renders, for a partial update, every widget whose clip meets the crop,
    front to back: each key typed in the debrief's editor also rendered the key bar, the
    guidance line, the top bar, the checklist, the prompt list and the six containers behind
    the editor (15 widgets a frame against the bare editor's 3: ~2 ms a key, more the deeper
    the layout). Skipped here: a widget whose visible part (region within clip) misses the
    crop, whose strips land only in chops outside the update's spans, never written; and
    every widget behind one whose visible part covers the whole crop, whose strips would
    only fill chops already taken (the first strip for a chop wins). Frames are unchanged."""
    if not crop:
        yield from _textual_get_renders(self, crop)
        return
    overlaps, intersection = crop.overlaps, Region.intersection
    for widget, (region, clip) in list(self.visible_widgets.items()):
        visible = intersection(region, clip)
        if not overlaps(visible):
            continue
        if clip.contains_region(region):
            yield region, clip, widget.render_lines(Region(0, 0, region.width, region.height))
        else:
            x, y, width, height = visible
            part = Region(x - region.x, y - region.y, width, height)
            yield region, clip, widget.render_lines(part)
        if visible.contains_region(crop):
            return  # everything further back is hidden in the crop


Compositor._get_renders = renders_in_crop  # type: ignore[method-assign]
