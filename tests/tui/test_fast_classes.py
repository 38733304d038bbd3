"""Widget classes defined faster (tui.fast_classes, #8): every class Textual and Afterword
define gets what Textual's own DOMNode.__init_subclass__ gives it."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import textual.widgets
from textual.dom import DOMNode
from textual.reactive import reactive
from textual.widget import Widget

import tui
import tui.app  # installs the faster definition before Textual's widgets are imported
from tui import fast_classes

NAMES = ("_reactives", "_computes", "_css_type_name", "_css_type_names", "_merged_bindings")


def _every_widget_class() -> list[type[DOMNode]]:
    for name in textual.widgets.__all__:
        getattr(textual.widgets, name)
    for module in pkgutil.walk_packages(tui.__path__, "tui."):
        importlib.import_module(module.name)
    seen: list[type[DOMNode]] = []
    todo = [DOMNode]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.append(sub)
                todo.append(sub)
    return seen


def _what_it_got(cls: type[DOMNode]) -> dict[str, Any]:
    got = {name: cls.__dict__[name] for name in NAMES}
    got["_reactives"] = list(got["_reactives"].items())  # in order: the last one wins
    got["_merged_bindings"] = {
        key: [(b.key, b.action, b.description, b.show, b.priority) for b in bindings]
        for key, bindings in got["_merged_bindings"].key_to_bindings.items()
    }
    return got


def test_the_app_defines_widget_classes_the_faster_way() -> None:
    assert DOMNode.__dict__["__init_subclass__"].__func__ is fast_classes.init_subclass


def test_every_widget_class_gets_what_textual_would_give_it() -> None:
    classes = _every_widget_class()
    assert len(classes) > 150  # Textual's widgets and Afterword's
    textual_way = fast_classes.TEXTUAL_INIT_SUBCLASS.__func__
    for cls in classes:
        ours = _what_it_got(cls)
        kept = {name: cls.__dict__[name] for name in NAMES}
        try:
            textual_way(
                cls,
                inherit_css=cls._inherit_css,
                inherit_bindings=cls._inherit_bindings,
                inherit_component_classes=cls._inherit_component_classes,
            )
            assert ours == _what_it_got(cls), cls
        finally:
            for name, value in kept.items():
                setattr(cls, name, value)


def test_reactives_and_computes_of_a_new_class_follow_its_bases() -> None:
    class Counter(Widget):
        count = reactive(0)

        def compute_double(self) -> int:
            return self.count * 2

    class Doubled(Counter, inherit_bindings=False):
        count = reactive(5)  # overrides the base's
        label = reactive("x")

        def _compute_half(self) -> float:
            return self.count / 2

    assert Doubled._reactives["count"] is Doubled.__dict__["count"]
    assert list(Doubled._reactives)[-2:] == ["count", "label"]
    assert Doubled._computes == {"double", "half"}
    assert Counter._computes == {"double"}
    assert "Doubled" in Doubled._css_type_names and "Counter" in Doubled._css_type_names
    assert Doubled._inherit_bindings is False
