"""Settings shared by every environment; dev, test and production import from here."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "listening.core",
    "listening.people",
    "listening.scenes",
    "listening.tracks",
    "listening.lessons",
    "listening.site",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_htmx",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the CSP middleware: a cached page is kept with its policy header and nonce together.
    "listening.site.page_cache.PublicPageCacheMiddleware",
    "listening.site.security.ContentSecurityPolicyMiddleware",
    "listening.site.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "listening.site.middleware.ReadOnlyPagesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "listening.site.middleware.VaryOnHtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "listening.urls"
WSGI_APPLICATION = "listening.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite next to the code unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
# SQLite with several editors publishing while readers browse: WAL lets readers go on while one
# writes; IMMEDIATE takes the write lock when a transaction begins, so a writer waits its turn (up to
# `timeout` seconds) instead of failing with "database is locked" when a read turns into a write.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache: Redis when REDIS_URL names one (e.g. redis://cache.internal:6379/0), shared by every app
# server; otherwise each process's own memory, which is right for one machine.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    # Django's own Redis cache, keeping one redis-py client per pool (listening/core/redis_cache.py).
    CACHES = {"default": {"BACKEND": "listening.core.redis_cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The public page cache (listening.site.page_cache): anonymous readers' pages, kept in the cache above
# and retired the moment anything they show changes (a generation number any change raises).
LISTENING_PAGE_CACHE = os.environ.get("LISTENING_PAGE_CACHE", "1") == "1"
# How long an entry may stay (seconds); a change retires it sooner.
LISTENING_PAGE_CACHE_SECONDS = int(os.environ.get("LISTENING_PAGE_CACHE_SECONDS", "3600"))
# Where that generation is read: "cache" keeps it in Redis beside the pages, so a cached page costs one
# Redis round trip and no database query (the default with REDIS_URL); "database" reads it from the
# database on each request, which each process's own memory cache needs (the default without Redis).
LISTENING_PAGE_CACHE_GENERATION = os.environ.get("LISTENING_PAGE_CACHE_GENERATION", "").strip() or (
    "cache" if REDIS_URL else "database"
)
if LISTENING_PAGE_CACHE_GENERATION not in ("cache", "database"):
    raise ImproperlyConfigured(
        f'LISTENING_PAGE_CACHE_GENERATION must be "cache" or "database", not {LISTENING_PAGE_CACHE_GENERATION!r}.'
    )
if LISTENING_PAGE_CACHE_GENERATION == "cache" and not REDIS_URL:
    raise ImproperlyConfigured(
        'LISTENING_PAGE_CACHE_GENERATION="cache" needs REDIS_URL: without Redis each process has its own '
        "cache, and a change made in one would not retire the pages the others keep."
    )
# Cache-Control of public pages: browsers ask again each time (a 304 when nothing changed); a CDN may keep
# a page this many seconds, or until Wagtail's front-end cache purge tells it otherwise.
LISTENING_PAGE_MAX_AGE = int(os.environ.get("LISTENING_PAGE_MAX_AGE", "0"))
LISTENING_PAGE_SHARED_MAX_AGE = int(os.environ.get("LISTENING_PAGE_SHARED_MAX_AGE", "60"))

# A CDN or caching proxy in front: Wagtail purges a page's URLs from it when the page is published
# (wagtail.contrib.frontend_cache). An HTTP PURGE endpoint (Varnish, Fastly, nginx), or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL", "").strip():
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"].strip(),
    }
if os.environ.get("CLOUDFLARE_API_TOKEN", "").strip():
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"].strip(),
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", "").strip(),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.contrib.redirects"), "wagtail.contrib.frontend_cache")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Object storage for media (S3 API, django-storages) when a bucket is named; the media folder otherwise.
# Public files (renditions, audio of tracks readers may see) are served by the storage or its CDN with
# its own Range support; private ones through the app's permission check and a short-lived signed URL
# (listening.core.object_storage). Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or whatever
# boto3 finds on the machine (an instance role) when they are not set.
MEDIA_BUCKET = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
MEDIA_STORAGE_ORIGIN = ""  # where pages load public media from, for the Content-Security-Policy
if MEDIA_BUCKET:
    _endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None
    _region = os.environ.get("AWS_S3_REGION_NAME", "").strip() or None
    _cdn = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None
    _addressing = os.environ.get("AWS_S3_ADDRESSING_STYLE", "").strip() or None
    STORAGES["default"] = {
        "BACKEND": "listening.core.object_storage.MediaObjectStorage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": _endpoint,
            "region_name": _region,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID", "").strip() or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY", "").strip() or None,
            "custom_domain": _cdn,
            "addressing_style": _addressing,
            "querystring_expire": int(os.environ.get("LISTENING_SIGNED_URL_SECONDS", "300")),
            "signature_version": "s3v4",  # what every region and S3-compatible server accepts
        },
    }
    # Public files from the CDN when there is one; signed URLs always from the storage's own address.
    if _endpoint:
        _scheme, _, _host = _endpoint.partition("://")
        _host = _host.split("/", 1)[0]
        _origins = [f"{_scheme}://{_host}", f"{_scheme}://{MEDIA_BUCKET}.{_host}"]  # path or virtual style
    else:
        _origins = [f"https://{MEDIA_BUCKET}.s3.{_region or 'us-east-1'}.amazonaws.com", "https://s3.amazonaws.com"]
    MEDIA_STORAGE_ORIGIN = " ".join([f"https://{_cdn}", *_origins] if _cdn else _origins)
# Which media files anyone may have (object storage asks it to choose a file's URL and ACL).
LISTENING_MEDIA_IS_PUBLIC = "listening.site.media_access.is_public"

# The page editor of a track with many cues posts many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Audio uploads larger than this are refused at ingest (bytes).
LISTENING_AUDIO_MAX_BYTES = int(os.environ.get("LISTENING_AUDIO_MAX_BYTES", 200 * 1024 * 1024))

# Our own byte-range media view serves uploads (browsers seek audio with Range requests).
# Turn off where a front server or object storage serves MEDIA_URL instead.
LISTENING_SERVE_MEDIA = os.environ.get("LISTENING_SERVE_MEDIA", "1") == "1"

# Synthesised demo audio is kept here between loads (empty to turn the cache off).
LISTENING_DEMO_AUDIO_CACHE = os.environ.get("LISTENING_DEMO_AUDIO_CACHE", str(BASE_DIR / ".cache" / "demo-audio"))

# Only dev settings turn this on: load_demo then creates a local admin account.
LISTENING_LOCAL_DEMO_ACCOUNT = False

WAGTAIL_SITE_NAME = "Listening guide"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents go through Wagtail's view, which applies collection privacy; the media URL never serves them.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "vtt"]
# A document the media folder cannot take is refused on the form, not with a server error.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "listening.core.document_upload.CheckedDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Pillow refuses images above this many pixels (decompression bombs).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 128_000_000
# Decode each upload once before keeping it: damaged or truncated images are refused on the form.
WAGTAILIMAGES_IMAGE_FORM_BASE = "listening.core.image_upload.CheckedImageForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
# Draftail, hardened: a hand-made post (raw HTML, broken JSON) is cleaned, never a server error.
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "listening.core.rich_text_editor.SafeDraftailRichTextArea"}}

# Readers log in at Wagtail's front-end login (/_util/login/, for login-restricted pages) and go back
# where they came from (`next`); without one, to the home page, never to a profile page we don't have.
LOGIN_URL = "wagtailcore_login"
LOGIN_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "site/login.html"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "site/password_required.html"
# Editors' avatars are not fetched from Gravatar: no editor's address (hashed) goes to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content-Security-Policy of public pages (django-csp 4): scripts and styles from this site only, and
# the few inline scripts carry the request's nonce (`<script nonce="{{ request.csp_nonce }}">`).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # The chart places marks and scene bands with style attributes; CSS there cannot run script.
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF],
        "media-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],  # as X-Frame-Options: DENY; an embed view would say otherwise
    }
}
# Public media come from object storage (or its CDN) when it is configured.
for _directive in ("img-src", "media-src", "connect-src"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] += MEDIA_STORAGE_ORIGIN.split()
# Which sites may frame the embeddable player (`<track>/embed/`): space-separated origins, or * for any.
# Every other page refuses to be framed (frame-ancestors 'none' above, and X-Frame-Options).
LISTENING_EMBED_FRAME_ANCESTORS = os.environ.get("LISTENING_EMBED_FRAME_ANCESTORS", "*").split()

# The Wagtail admin writes inline scripts and styles, shows uploads as blobs and previews in frames:
# its own policy, applied under its URLs by listening.site.security.ContentSecurityPolicyMiddleware.
LISTENING_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "media-src": [SELF, "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
for _directive in ("img-src", "media-src", "connect-src"):
    LISTENING_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] += MEDIA_STORAGE_ORIGIN.split()
# Permissions-Policy: features no page uses are denied (only names Chromium knows: it logs an error
# for any other); the player may autoplay (a range link starts playing) and go full screen, here only.
LISTENING_PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": ["self"],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
