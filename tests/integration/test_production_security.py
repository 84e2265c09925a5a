"""Production settings, in processes of their own: a database must be named, HTTPS is strict, mail comes
from the environment, and `check --deploy` is clean."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "a-long-random-value-from-the-environment-0123456789-abcdefghij"
PASSED_DOWN = ("PATH", "HOME", "LANG", "LC_ALL", "PYTHONPATH", "VIRTUAL_ENV", "TMPDIR")


def production_env(tmp_path, **overrides):
    """The environment the README documents for production, and nothing else of this machine's."""
    env = {name: os.environ[name] for name in PASSED_DOWN if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="listening.settings.production",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="guide.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    env.update(overrides)
    return {name: value for name, value in env.items() if value is not None}


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def settings_of(env, *names):
    code = (
        "import json; from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {list(names)!r}}}, default=str))"
    )
    result = manage(env, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- the database -------------------------------------------------------------------------------


def test_production_refuses_to_start_without_a_database_url(tmp_path):
    result = manage(production_env(tmp_path, DATABASE_URL=None), "check")
    assert result.returncode != 0
    assert "Set the DATABASE_URL environment variable for production settings." in result.stderr


def test_an_sqlite_url_is_a_valid_production_database_and_gets_wal_and_a_busy_timeout(tmp_path):
    options = settings_of(production_env(tmp_path), "DATABASES")["DATABASES"]["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


# -- HTTPS ----------------------------------------------------------------------------------------


def test_hsts_is_on_for_a_year_by_default(tmp_path):
    found = settings_of(
        production_env(tmp_path),
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
    )
    assert found == {
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_HSTS_PRELOAD": False,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
    }


def test_hsts_options_come_from_the_environment(tmp_path):
    env = production_env(
        tmp_path, DJANGO_HSTS_SECONDS="600", DJANGO_HSTS_INCLUDE_SUBDOMAINS="1", DJANGO_HSTS_PRELOAD="1"
    )
    found = settings_of(
        env, "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SILENCED_SYSTEM_CHECKS"
    )
    assert found == {
        "SECURE_HSTS_SECONDS": 600,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SILENCED_SYSTEM_CHECKS": [],
    }


def test_check_deploy_is_clean_with_the_documented_environment(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr.upper() and "System check identified no issues" in result.stdout


# -- mail -----------------------------------------------------------------------------------------


def test_without_mail_nothing_is_sent_and_no_password_reset_is_offered(tmp_path):
    found = settings_of(production_env(tmp_path), "EMAIL_BACKEND", "WAGTAIL_PASSWORD_RESET_ENABLED")
    assert found == {
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "WAGTAIL_PASSWORD_RESET_ENABLED": False,
    }


MAIL = ("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD")
MAIL_FLAGS = ("EMAIL_USE_TLS", "EMAIL_USE_SSL", "DEFAULT_FROM_EMAIL", "WAGTAIL_PASSWORD_RESET_ENABLED")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"EMAIL_URL": "smtp+tls://guide%40mail.example:p%40ss@mail.example"},
            ["mail.example", 587, "guide@mail.example", "p@ss", True, False],
        ),
        ({"EMAIL_URL": "smtps://u:p@mail.example:2465"}, ["mail.example", 2465, "u", "p", False, True]),
        ({"EMAIL_URL": "smtp://relay.internal"}, ["relay.internal", 25, "", "", False, False]),
        (
            {"EMAIL_HOST": "mail.example", "EMAIL_HOST_USER": "u", "EMAIL_HOST_PASSWORD": "p"},
            ["mail.example", 587, "u", "p", True, False],
        ),
        (
            {"EMAIL_HOST": "localhost", "EMAIL_PORT": "25", "EMAIL_USE_TLS": "0"},
            ["localhost", 25, "", "", False, False],
        ),
    ],
)
def test_mail_comes_from_the_environment_and_turns_password_reset_on(tmp_path, env, expected):
    found = settings_of(production_env(tmp_path, DEFAULT_FROM_EMAIL="guide@mail.example", **env), *MAIL, *MAIL_FLAGS)
    host, port, user, password, tls, ssl = expected
    assert found == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": host,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": user,
        "EMAIL_HOST_PASSWORD": password,
        "EMAIL_USE_TLS": tls,
        "EMAIL_USE_SSL": ssl,
        "DEFAULT_FROM_EMAIL": "guide@mail.example",
        "WAGTAIL_PASSWORD_RESET_ENABLED": None,  # Wagtail's default: on
    }


def test_mail_needs_a_from_address_and_a_valid_url(tmp_path):
    missing = manage(production_env(tmp_path, EMAIL_HOST="mail.example"), "check")
    assert "Set the DEFAULT_FROM_EMAIL environment variable" in missing.stderr
    bad = manage(production_env(tmp_path, EMAIL_URL="mail.example", DEFAULT_FROM_EMAIL="a@b.example"), "check")
    assert "EMAIL_URL must look like smtp+tls://user:password@mail.example:587." in bad.stderr
    both = manage(
        production_env(
            tmp_path, EMAIL_HOST="m.example", EMAIL_USE_TLS="1", EMAIL_USE_SSL="1", DEFAULT_FROM_EMAIL="a@b.example"
        ),
        "check",
    )
    assert "Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both." in both.stderr


def test_notification_links_point_at_the_site(tmp_path):
    assert settings_of(production_env(tmp_path), "WAGTAILADMIN_BASE_URL") == {
        "WAGTAILADMIN_BASE_URL": "https://guide.example"
    }
    told = production_env(tmp_path, WAGTAILADMIN_BASE_URL="https://cms.guide.example")
    assert settings_of(told, "WAGTAILADMIN_BASE_URL") == {"WAGTAILADMIN_BASE_URL": "https://cms.guide.example"}
