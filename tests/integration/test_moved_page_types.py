"""The state-only migrations that moved the home page to `site` and the soundtrack page to `tracks`.

A database made before the move is migrated forward in a subprocess, on a throwaway SQLite file:
the pages must still be there, in the same tables, with content types that name their new apps.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a subprocess: migrating a database back and forth is no business of the test database.
SCENARIO = r"""
import json
from datetime import datetime, timezone

import django

django.setup()

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# A throwaway file: no need to wait for the disk after each of the hundreds of migrations.
with connection.cursor() as cursor:
    cursor.execute("PRAGMA synchronous = OFF")

BEFORE_THE_MOVE = [("core", "0001_initial"), ("tracks", "0003_cue_performers_are_musicians")]

# The database as it stood before the move: those two and what they depend on, `site` not there yet.
executor = MigrationExecutor(connection)
executor.migrate(BEFORE_THE_MOVE)
executor.loader.build_graph()
applied = set(executor.loader.applied_migrations)
assert ("site", "0001_initial") not in applied and ("tracks", "0004_soundtrackpage") not in applied, applied
assert ("core", "0002_pages_moved_to_site_and_tracks") not in applied, applied

# A home page with a soundtrack under it, made with the models of that time.
old = executor.loader.project_state(BEFORE_THE_MOVE).apps
ContentType = old.get_model("contenttypes", "ContentType")
Page = old.get_model("wagtailcore", "Page")
locale = old.get_model("wagtailcore", "Locale").objects.get()
root = Page.objects.get(depth=1)
# Content types are made after a migrate (and `core` has no models module any more to make them
# for): these are the rows the pages of that time had.
home_type, _ = ContentType.objects.get_or_create(app_label="core", model="homepage")
soundtrack_type, _ = ContentType.objects.get_or_create(app_label="core", model="soundtrackpage")
home = old.get_model("core", "HomePage").objects.create(
    title="Home", draft_title="Home", slug="moved-home", url_path="/moved-home/",
    path=root.path + "9999", depth=2, numchild=1, live=True, content_type=home_type, locale=locale,
)
soundtrack = old.get_model("core", "SoundtrackPage").objects.create(
    title="Nuit de verre", draft_title="Nuit de verre", slug="nuit-de-verre", url_path="/moved-home/nuit-de-verre/",
    path=home.path + "0001", depth=3, numchild=0, live=True, content_type=soundtrack_type, locale=locale,
    studio="Le Poste Parisien",
)
root.numchild += 1
root.save(update_fields=["numchild"])
page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
old.get_model("wagtailcore", "Revision").objects.create(
    content_type=soundtrack_type, base_content_type=page_type,
    object_id=str(soundtrack.pk), content={"title": "Nuit de verre"}, object_str="Nuit de verre",
    created_at=datetime.now(timezone.utc),
)

call_command("migrate", verbosity=0)

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision

from listening.tracks.models import SoundtrackPage

moved_home = Page.objects.get(pk=home.pk)
moved_soundtrack = SoundtrackPage.objects.get(pk=soundtrack.pk)
print(json.dumps({
    "home": [moved_home.content_type.app_label, moved_home.content_type.model, moved_home.specific.title],
    "home_type_kept": moved_home.content_type_id == home_type.pk,
    "soundtrack": [moved_soundtrack.content_type.app_label, moved_soundtrack.content_type.model],
    "soundtrack_type_kept": moved_soundtrack.content_type_id == soundtrack_type.pk,
    "soundtrack_fields": [moved_soundtrack.title, moved_soundtrack.studio, moved_soundtrack.original_language],
    "revision": Revision.objects.get(object_id=str(soundtrack.pk)).content_type.app_label,
    "left_in_core": sorted(ContentType.objects.filter(app_label="core").values_list("model", flat=True)),
}))
"""


def test_pages_made_before_the_move_keep_their_rows_under_their_new_apps(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="listening.settings.test", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = subprocess.run(
        [sys.executable, "-c", SCENARIO], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    moved = json.loads(result.stdout.strip().splitlines()[-1])

    assert moved["home"] == ["site", "homepage", "Home"]
    assert moved["soundtrack"] == ["tracks", "soundtrackpage"]
    # Renamed in place: what pointed at the old content types (pages, revisions) points at the new.
    assert moved["home_type_kept"] and moved["soundtrack_type_kept"]
    assert moved["revision"] == "tracks"
    assert moved["soundtrack_fields"] == ["Nuit de verre", "Le Poste Parisien", ""]
    assert moved["left_in_core"] == []
