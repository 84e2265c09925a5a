"""SQLite under concurrent editors: publishing while others publish and readers browse never fails.

A file database in a process of its own (the test database lives in memory, where SQLite takes no
file locks), with the settings a developer or a one-machine site runs.
"""

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.migrated_sqlite import migrated_sqlite

pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parents[2]


def run(args, env, timeout):
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def test_editors_publish_while_readers_browse_without_database_is_locked(tmp_path, tmp_path_factory):
    database = migrated_sqlite(tmp_path_factory, tmp_path / "db.sqlite3")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "listening.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    # Three editors, each publishing about every 0.2 s, and four readers, for six seconds.
    load = run([sys.executable, "-m", "tests.sqlite_load", "6", "3", "4"], env, timeout=120)
    assert load.returncode == 0, load.stderr
    result = json.loads(load.stdout.strip().splitlines()[-1])
    assert result["errors"] == {}
    assert result["publishes"] >= 6 and result["reads"] >= 20, result

    # WAL is a property of the file: readers never wait for a writer.
    with closing(sqlite3.connect(database)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
