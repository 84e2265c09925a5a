"""Production: every secret and host comes from the environment, or the process refuses to start."""

import os
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for production settings.")
    return value


def _flag(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in ("1", "true", "yes", "on")


DEBUG = False
SECRET_KEY = _required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in _required("DJANGO_ALLOWED_HOSTS").split(",") if host.strip()]
# Said explicitly, so a server never writes its data into an SQLite file beside the code by accident;
# `sqlite:////var/lib/listening/db.sqlite3` is a valid choice (base.py sets WAL and a busy timeout).
_required("DATABASE_URL")
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if origin.strip()
]
LISTENING_LOCAL_DEMO_ACCOUNT = False
# Links in notification mails point here; the first allowed host unless said otherwise.
_first_host = ALLOWED_HOSTS[0].lstrip(".")
if "WAGTAILADMIN_BASE_URL" not in os.environ and _first_host != "*":
    WAGTAILADMIN_BASE_URL = f"https://{_first_host}"

STORAGES["staticfiles"] = {"BACKEND": "listening.core.static_storage.HashedStaticFilesStorage"}  # noqa: F405
# Pages (HTML, JSON) gzipped on the way out; static files come compressed from whitenoise, and media
# (audio answering Range requests) is never touched. Just inside the public page cache, so a cached page
# is kept as sent, compressed, and a hit is not compressed again (the cache keys on Accept-Encoding).
_page_cache = MIDDLEWARE.index("listening.site.page_cache.PublicPageCacheMiddleware")  # noqa: F405
MIDDLEWARE = [  # noqa: F405
    *MIDDLEWARE[: _page_cache + 1],  # noqa: F405
    "listening.site.middleware.CompressPagesMiddleware",
    *MIDDLEWARE[_page_cache + 1 :],  # noqa: F405
]

# HTTPS only. HSTS is on for a year by default; including subdomains and asking for the browsers'
# preload list are decisions about the whole domain, so they are the operator's to take.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _flag("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = _flag("DJANGO_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
# `check --deploy` asks for both; left off, that is the operator's choice above, not an oversight.
SILENCED_SYSTEM_CHECKS = [
    *(["security.W005"] if not SECURE_HSTS_INCLUDE_SUBDOMAINS else []),
    *(["security.W021"] if not SECURE_HSTS_PRELOAD else []),
]


# Mail (Wagtail's password reset and moderation notices): EMAIL_URL, or EMAIL_HOST and its friends.
def _mail_from_url(url: str) -> dict:
    """smtp://user:password@host:port, smtp+tls:// (STARTTLS, port 587) or smtps:// (TLS, port 465)."""
    parts = urlsplit(url)
    schemes = {"smtp": (False, False, 25), "smtp+tls": (True, False, 587), "smtps": (False, True, 465)}
    if parts.scheme not in schemes or not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL must look like smtp+tls://user:password@mail.example:587.")
    use_tls, use_ssl, port = schemes[parts.scheme]
    return {
        "host": parts.hostname,
        "port": parts.port or port,
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_tls": use_tls,
        "use_ssl": use_ssl,
    }


def _mail_from_parts(host: str) -> dict:
    use_ssl = _flag("EMAIL_USE_SSL", False)
    use_tls = _flag("EMAIL_USE_TLS", not use_ssl)
    if use_tls and use_ssl:
        raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
    return {
        "host": host,
        "port": int(os.environ.get("EMAIL_PORT", "465" if use_ssl else "587" if use_tls else "25")),
        "user": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": use_tls,
        "use_ssl": use_ssl,
    }


if os.environ.get("EMAIL_URL", "").strip():
    _mail = _mail_from_url(os.environ["EMAIL_URL"].strip())
elif os.environ.get("EMAIL_HOST", "").strip():
    _mail = _mail_from_parts(os.environ["EMAIL_HOST"].strip())
else:
    _mail = None

if _mail:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail["host"]
    EMAIL_PORT = _mail["port"]
    EMAIL_HOST_USER = _mail["user"]
    EMAIL_HOST_PASSWORD = _mail["password"]
    EMAIL_USE_TLS = _mail["use_tls"]
    EMAIL_USE_SSL = _mail["use_ssl"]
    EMAIL_TIMEOUT = 10  # a mail server that hangs must not hold a worker
    DEFAULT_FROM_EMAIL = _required("DEFAULT_FROM_EMAIL")
    SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
else:
    # No mail server: nothing is sent (not even to a port 25 that is not there), and the admin
    # offers no password reset link whose mail could never arrive.
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    WAGTAIL_PASSWORD_RESET_ENABLED = False
