import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_check(**env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="listening.settings.production", **env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "x" * 50}, "DJANGO_ALLOWED_HOSTS"),
        ({"DJANGO_SECRET_KEY": "  ", "DJANGO_ALLOWED_HOSTS": "guide.example"}, "DJANGO_SECRET_KEY"),
    ],
)
def test_production_refuses_to_start_without_secrets(env, missing):
    result = run_check(**env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_production_starts_with_them(tmp_path):
    result = run_check(
        DJANGO_SECRET_KEY="a-long-random-value-from-the-environment-0123456789",
        DJANGO_ALLOWED_HOSTS="guide.example, www.guide.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr


def test_no_local_account_under_production_settings():
    from listening.settings import base

    assert base.LISTENING_LOCAL_DEMO_ACCOUNT is False


def test_database_url_selects_postgresql(monkeypatch):
    import dj_database_url

    config = dj_database_url.parse("postgres://guide:secret@db.internal:5432/guide")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    import psycopg  # the driver the PostgreSQL engine needs is installed with the requirements

    assert psycopg.__version__.startswith("3.")
