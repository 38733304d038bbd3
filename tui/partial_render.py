"""What a frame renders (#8): only the lines of widgets that can show in the changed region.

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
    """Compositor._get_renders, rendering only the lines of widgets that can show in `crop`.

    Textual 8.2.8 renders every widget whose clip meets the crop, front to back, whole: each
    key typed in the debrief's editor also rendered the key bar, the guidance line, the top
    bar, the checklist, the prompt list and the six containers behind the editor (15 widgets
    a frame against the bare editor's 3: ~2 ms a key), and a full frame rendered every
    container behind its children (the screen, the debrief's body, the editor's panes: ~8 ms
    of the frame that first shows the debrief). Skipped here: a widget whose visible part
    (region within clip) misses the crop; the lines of a widget that the widgets in front of
    it already fill across its width in the crop (the first strip for a chop wins, so these
    strips were never written); and everything behind a widget covering the whole crop.
    Frames are unchanged (tests/tui/test_keys_render.py compares them with Textual's)."""
    if not crop:
        yield from _textual_get_renders(self, crop)
        return
    overlaps, intersection = crop.overlaps, Region.intersection
    filled: dict[int, int] = {}  # line -> bits of the columns the widgets in front fill
    for widget, (region, clip) in list(self.visible_widgets.items()):
        visible = intersection(region, clip)
        if not overlaps(visible):
            continue
        x, y, width, height = intersection(visible, crop)
        columns = ((1 << width) - 1) << x
        open_lines = [
            line for line in range(y, y + height) if filled.get(line, 0) & columns != columns
        ]
        for line in range(y, y + height):
            filled[line] = filled.get(line, 0) | columns
        if not open_lines:
            continue
        top, bottom = open_lines[0], open_lines[-1] + 1
        if clip.contains_region(region) and (top, bottom) == (region.y, region.bottom):
            yield region, clip, widget.render_lines(Region(0, 0, region.width, region.height))
        else:
            band = Region(visible.x, top, visible.width, bottom - top)
            part = Region(band.x - region.x, band.y - region.y, band.width, band.height)
            yield region, intersection(clip, band), widget.render_lines(part)
        if visible.contains_region(crop):
            return  # everything further back is hidden in the crop


Compositor._get_renders = renders_in_crop  # type: ignore[method-assign]
