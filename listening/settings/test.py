"""Test runs: fast hashing, in-memory cache, plain static storage."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Always memory, whatever REDIS_URL says: tests clear the cache freely (test_cache_backend.py tries Redis).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LISTENING_PAGE_CACHE_GENERATION = "database"  # as that memory needs; tests of the "cache" mode override it
LISTENING_LOCAL_DEMO_ACCOUNT = True
# The demo album's loader and its generators (numpy, soundfile): development and tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "listening.demo"]
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # static files come from static/ through the finders
# Off in tests, which change rows behind the signals' back; tests of the cache turn it on.
LISTENING_PAGE_CACHE = False
