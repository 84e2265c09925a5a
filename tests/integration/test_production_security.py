"""Production settings, in processes of their own: a database must be named, HTTPS is strict, mail comes
from the environment, `check --deploy` is clean, and a demo account with its published password stops
the server (but not the commands that fix it)."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.migrated_sqlite import migrated_sqlite

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


@pytest.mark.sqlite_only
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


def test_the_readme_documents_every_variable_the_settings_read():
    readme = (ROOT / "README.md").read_text()
    production = readme[readme.index("## Production") :]
    read = set()
    for name in ("base.py", "production.py"):
        source = (ROOT / "listening" / "settings" / name).read_text()
        read |= set(re.findall(r'(?:environ\.get\(|environ\[|_required\(|_flag\()"([A-Z][A-Z0-9_]+)"', source))
        read |= set(re.findall(r'"([A-Z][A-Z0-9_]+)" not in os\.environ', source))
    read.discard("LISTENING_DEMO_AUDIO_CACHE")  # the demo's, never installed in production
    assert {"DJANGO_HSTS_SECONDS", "EMAIL_URL", "WAGTAILADMIN_BASE_URL"} <= read  # the search works
    assert sorted(name for name in read if f"`{name}`" not in production) == []


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


# -- demo accounts --------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port, log):
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "listening.wsgi:application", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"},  # wsgi.py's own default
        stdout=log,
        stderr=subprocess.STDOUT,
    )


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers):
    """The response itself, redirect or error included."""
    try:
        return urllib.request.build_opener(NoRedirects).open(urllib.request.Request(url, headers=headers), timeout=5)
    except urllib.error.HTTPError as error:
        return error


def test_a_demo_account_with_its_password_stops_the_server_until_it_is_changed(tmp_path, tmp_path_factory):
    migrated_sqlite(tmp_path_factory, tmp_path / "db.sqlite3")
    env = production_env(tmp_path)
    # Management commands run: this is how a demo account gets into (and out of) a database.
    made = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from django.contrib.auth import get_user_model as U; U().objects.create_superuser('admin', '', 'listening')",
    )
    assert made.returncode == 0, made.stderr

    refused = manage(env, "check", "--deploy")
    assert refused.returncode != 0
    assert "(listening.E001) The demo account “admin” still has the demo password" in refused.stderr
    assert "manage.py changepassword admin" in refused.stderr

    port = free_port()
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("w") as log:
        server = start_gunicorn(env, port, log)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            pytest.fail("gunicorn started with a demo account that has the demo password")
    assert server.returncode != 0
    assert "still has the demo password" in log_path.read_text()

    fixed = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from django.contrib.auth import get_user_model as U; u = U().objects.get(username='admin'); "
        "u.set_password('a-password-of-its-own-42'); u.save()",
    )
    assert fixed.returncode == 0, fixed.stderr
    clean = manage(env, "check", "--deploy")
    assert clean.returncode == 0, clean.stderr

    with log_path.open("w") as log:
        server = start_gunicorn(env, port, log)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    response = fetch(
                        f"http://127.0.0.1:{port}/no-such-page/",
                        {"Host": "guide.example", "X-Forwarded-Proto": "https"},
                    )
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        pytest.fail("gunicorn did not start:\n" + log_path.read_text())
                    time.sleep(0.2)
            assert response.status == 404
            assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
            assert "default-src 'self'" in response.headers["Content-Security-Policy"]
            assert "camera=()" in response.headers["Permissions-Policy"]
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert response.headers["X-Frame-Options"] == "DENY"
            assert response.headers["Referrer-Policy"] == "same-origin"
            assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
            # Plain HTTP is sent to HTTPS.
            plain = fetch(f"http://127.0.0.1:{port}/", {"Host": "guide.example"})
            assert plain.status == 301 and plain.headers["Location"] == "https://guide.example/"
        finally:
            server.terminate()
            server.wait(timeout=10)
