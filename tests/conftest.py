import os
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the same
# thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Test modules about the demo album itself; every other test builds what it needs with tests.factories.
# (test_load_demo_faults.py is on main, not yet on this branch.)
DEMO_ALBUM_MODULES = {"test_load_demo.py", "test_load_demo_faults.py"}


def pytest_collection_modifyitems(config, items):
    """Tests about SQLite itself (its WAL mode, its locks) have nothing to say on PostgreSQL."""
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker:
            why = marker.kwargs.get("reason", "about SQLite")
            item.add_marker(pytest.mark.skip(reason=f"{why}; this run's database is {engine.rsplit('.', 1)[-1]}"))


@pytest.fixture(scope="session", autouse=True)
def session_media_root(tmp_path_factory):
    """Uploads and generated media go to a folder of this run, never to the developer's media/."""
    folder = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=folder):
        yield folder


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches site root paths; a test that moves the site root must not leak into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def media_files(media_root):
    return {path for path in media_root.rglob("*") if path.is_file()}


@contextmanager
def rows_for_the_module(django_db_blocker, media_root):
    """A transaction around a module's tests: rows made in it are seen by each test, then rolled back.

    Each test's own transaction nests inside it as a savepoint (as with Django's setUpTestData), so
    what one test changes is undone before the next; nothing outlives the module, not even the media
    files its rows named (a later demo load would take them for an interrupted load's leftovers).
    """
    files_before = media_files(media_root)
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
        for path in media_files(media_root) - files_before:
            path.unlink()


@pytest.fixture(scope="module")
def module_guide(django_db_setup, django_db_blocker, session_media_root):
    # Built once per module: building takes about a second, longer than most tests that read it.
    from tests.factories import build_guide

    with rows_for_the_module(django_db_blocker, session_media_root):
        with django_db_blocker.unblock():
            built = build_guide()
        yield built


@pytest.fixture
def guide(module_guide, db):
    """A small guide (see tests.factories.Guide): home, a soundtrack, its scenes, two takes, four people.

    What a test changes is rolled back after it. The guide itself stays until its module ends, so the
    module's later tests see it too, whether they ask for it or not.
    """
    return module_guide.fresh()


@pytest.fixture(scope="module")
def demo_album(django_db_setup, django_db_blocker, session_media_root):
    """The demo album, for the demo's own tests only: loaded once for their module, gone after it."""
    with rows_for_the_module(django_db_blocker, session_media_root):
        with django_db_blocker.unblock():
            call_command("load_demo", verbosity=0)
        yield


@pytest.fixture(scope="module", autouse=True)
def demo_album_for_the_demos_own_tests(request):
    # The demo's own test modules belong to another developer, who will ask for the album in them.
    if request.path.name in DEMO_ALBUM_MODULES:
        request.getfixturevalue("demo_album")
