import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env_overrides):
    """manage.py under production settings, in a process of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="listening.settings.production", **env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def run_check(**env_overrides):
    return run_manage("check", **env_overrides)


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


def test_production_runs_without_the_demo_or_its_generators(tmp_path):
    # numpy and soundfile are dev requirements: here importing either fails, as on a server without them.
    blocked = tmp_path / "blocked"
    for name in ("numpy", "soundfile"):
        (blocked / name).mkdir(parents=True)
        (blocked / name / "__init__.py").write_text(f"raise ImportError('{name} is for the demo, not production')\n")
    env = {
        "DJANGO_SECRET_KEY": "a-long-random-value-from-the-environment-0123456789",
        "DJANGO_ALLOWED_HOSTS": "guide.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(blocked), os.environ.get("PYTHONPATH")])),
    }
    blocker_works = subprocess.run(
        [sys.executable, "-c", "import numpy"], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True
    )
    assert "numpy is for the demo, not production" in blocker_works.stderr

    result = run_check(**env)
    assert result.returncode == 0, result.stderr
    apps = run_manage("shell", "-c", "from django.conf import settings; print(settings.INSTALLED_APPS)", **env)
    assert apps.returncode == 0, apps.stderr
    assert "listening.tracks" in apps.stdout and "listening.demo" not in apps.stdout
    load = run_manage("load_demo", **env)
    assert load.returncode != 0 and "Unknown command: 'load_demo'" in load.stderr


def test_dev_and_test_settings_install_the_demo():
    from listening.settings import dev, test

    assert "listening.demo" in dev.INSTALLED_APPS and "listening.demo" in test.INSTALLED_APPS


def test_no_local_account_under_production_settings():
    from listening.settings import base

    assert base.LISTENING_LOCAL_DEMO_ACCOUNT is False


def test_database_url_selects_postgresql(monkeypatch):
    import dj_database_url

    config = dj_database_url.parse("postgres://guide:secret@db.internal:5432/guide")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    import psycopg  # the driver the PostgreSQL engine needs is installed with the requirements

    assert psycopg.__version__.startswith("3.")
