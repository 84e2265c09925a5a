"""Moving a page type's content type to another app, with Django's real ContentType table."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from listening.core.content_types import content_type_mover

pytestmark = pytest.mark.django_db

MODEL = "movedpage"  # a name no real model has, so the rows are the test's own


def rows():
    """The content types of MODEL and of its neighbour in the old app, by app label → primary key."""
    found = ContentType.objects.filter(model__in=[MODEL, "stayingpage"]).values_list("app_label", "model", "pk")
    return {(app_label, model): pk for app_label, model, pk in found}


@pytest.fixture(autouse=True)
def forget_cached_content_types():
    # ContentType.objects caches rows by app and model; these rows are rolled back after each test.
    yield
    ContentType.objects.clear_cache()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # The old row is renamed in place: whatever points at it follows.
        ({"old"}, {("site", MODEL): "old"}),
        # A row already made for the new app (a partial migrate) gives way to the old one.
        ({"old", "new"}, {("site", MODEL): "old"}),
        # A new database: nothing to move, and a row for the new app stays as it is.
        ({"new"}, {("site", MODEL): "new"}),
        (set(), {}),
    ],
    ids=["renames-in-place", "gives-way-to-the-old-row", "nothing-to-move", "no-rows"],
)
def test_content_type_mover(before, after):
    made = {"staying": ContentType.objects.create(app_label="core", model="stayingpage")}
    if "old" in before:
        made["old"] = ContentType.objects.create(app_label="core", model=MODEL)
    if "new" in before:
        made["new"] = ContentType.objects.create(app_label="site", model=MODEL)

    content_type_mover(MODEL, "core", "site")(apps, None)

    expected = {key: made[name].pk for key, name in after.items()}
    expected[("core", "stayingpage")] = made["staying"].pk  # another model of the old app is not touched
    assert rows() == expected


def test_what_points_at_the_old_row_points_at_the_moved_one():
    old = ContentType.objects.create(app_label="core", model=MODEL)
    permission = Permission.objects.create(content_type=old, codename="change_movedpage", name="Can change")
    ContentType.objects.create(app_label="site", model=MODEL)

    content_type_mover(MODEL, "core", "site")(apps, None)

    permission.refresh_from_db()
    assert (permission.content_type.app_label, permission.content_type.model) == ("site", MODEL)
