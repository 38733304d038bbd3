"""Widget classes defined faster (#8): Textual 8.2.8's DOMNode.__init_subclass__, with what each
class contributes worked out once per class rather than again for every subclass.

Defining a Textual widget class took ~0.4 ms, and the start-up defines about 60 of them (40
while Textual is imported, 15 more between the first frame and the user's data). Most of it
was two walks over every attribute of every base: `dir(cls)` for the `compute_` methods, and
each base's `__dict__` for its reactives. Both results are unions over the class's bases, so
each base's own part is read once (from its own `__dict__`) and kept. The result is the same
mapping and set Textual computes, in the same order; a test checks this for every widget class
Textual and Afterword define. Imported by tui.app before Textual's own widgets, so they are
defined this way too.
"""

from __future__ import annotations

from typing import Any

from textual.dom import DOMNode
from textual.reactive import Reactive

_COMPUTE_PREFIXES = ("_compute_", "compute_")
TEXTUAL_INIT_SUBCLASS = DOMNode.__dict__["__init_subclass__"]  # Textual's, for the test
_own: dict[type, tuple[dict[str, Any], frozenset[str]]] = {}


def own_part(base: type) -> tuple[dict[str, Any], frozenset[str]]:
    """The reactives and the `compute_` names a class defines itself (read once a class)."""
    part = _own.get(base)
    if part is None:
        attributes = base.__dict__
        part = (
            {name: value for name, value in attributes.items() if isinstance(value, Reactive)},
            frozenset(name for name in attributes if name.startswith(_COMPUTE_PREFIXES)),
        )
        _own[base] = part
    return part


def init_subclass(
    cls: type[DOMNode],
    inherit_css: bool = True,
    inherit_bindings: bool = True,
    inherit_component_classes: bool = True,
) -> None:
    """DOMNode.__init_subclass__ of Textual 8.2.8, with each base's own part read once."""
    super(DOMNode, cls).__init_subclass__()
    reactives: dict[str, Any] = {}
    computes: set[str] = set()
    for base in reversed(cls.__mro__):
        base_reactives, base_computes = own_part(base)
        reactives.update(base_reactives)
        computes |= base_computes
    cls._reactives = reactives
    cls._inherit_css = inherit_css
    cls._inherit_bindings = inherit_bindings
    cls._inherit_component_classes = inherit_component_classes
    bases = cls._css_bases(cls)
    cls._css_type_name = bases[0].__name__
    cls._merged_bindings = cls._merge_bindings()
    cls._css_type_names = frozenset(base.__name__ for base in bases)
    cls._computes = frozenset(name.lstrip("_")[8:] for name in computes)


DOMNode.__init_subclass__ = classmethod(init_subclass)  # type: ignore[assignment,method-assign]
