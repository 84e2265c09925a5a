"""A migrated SQLite file for tests that run the project in processes of their own.

Migrating takes about 20 s (mostly Wagtail's own migrations), so it is done once per test run and
each test gets a copy.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_migrated: Path | None = None


def migrated_sqlite(tmp_path_factory, destination: Path) -> Path:
    """Copy a freshly migrated database to `destination` (a file path) and return it."""
    global _migrated
    if _migrated is None or not _migrated.exists():
        path = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "listening.settings.test", "DATABASE_URL": f"sqlite:///{path}"}
        result = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        _migrated = path
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_migrated, destination)
    return destination
