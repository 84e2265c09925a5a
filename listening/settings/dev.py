"""Local development: `make run`."""

from .base import *  # noqa: F403

DEBUG = True
# A fixed key is fine here: dev settings never serve the public.
SECRET_KEY = "dev-only-not-secret-listening-guide"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
LISTENING_LOCAL_DEMO_ACCOUNT = True
# The demo album's loader and its generators (numpy, soundfile): development and tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "listening.demo"]
# Serve static files straight from static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = None  # static files come from static/ through the finders
# Off while developing: an edited template shows at once.
LISTENING_PAGE_CACHE = False
