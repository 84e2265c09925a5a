import os

import pytest
from django.core.management import call_command
from django.test import override_settings

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the same
# thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    """Tests about SQLite itself (its WAL mode, its locks) have nothing to say on PostgreSQL."""
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        return
    skip = pytest.mark.skip(reason=f"about SQLite; this run's database is {engine.rsplit('.', 1)[-1]}")
    for item in items:
        if item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def session_media_root(tmp_path_factory):
    """Uploads and generated media go to a folder of this run, never to the developer's media/."""
    folder = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=folder):
        yield folder


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, session_media_root):
    """The test database starts with the demo album, loaded once for the session."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches site root paths; a test that moves the site root must not leak into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
