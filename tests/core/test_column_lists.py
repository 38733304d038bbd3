"""The repository's column lists, written out so it imports no pydantic (#8), match the models."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from core.models import Action, Application, Note, Person, Touch
from core.repository import notes, people, plan, touches


@pytest.mark.parametrize(
    ("columns", "model"),
    [
        (notes._NOTE_COLUMNS, Note),
        (people._PERSON_COLUMNS, Person),
        (plan._ACTION_COLUMNS, Action),
        (touches._TOUCH_COLUMNS, Touch),
    ],
    ids=["notes", "people", "actions", "touches"],
)
def test_column_list_is_the_models_fields_but_id(
    columns: tuple[str, ...], model: type[BaseModel]
) -> None:
    """A field added to a model and not to its column list would never be stored."""
    assert columns == tuple(name for name in model.model_fields if name != "id")


def test_application_columns_read_with_a_person_are_every_field() -> None:
    """The application read beside each person holds every field of Application."""
    assert tuple(people._APP_COLUMNS.values()) == tuple(Application.model_fields)
