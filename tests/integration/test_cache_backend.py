"""The cache: Redis when REDIS_URL is set, shared by every process; each process's memory otherwise.

Against a real Redis server named by LISTENING_TEST_REDIS_URL (`.ci/run` starts one on loopback).
Outside CI the Redis tests skip without one; in CI (`CI=true`) a missing server is a failure.
"""

import os
import uuid

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.integration.test_production_security import manage, production_env, settings_of

REDIS_URL = os.environ.get("LISTENING_TEST_REDIS_URL", "").strip()
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture
def redis_url():
    if not REDIS_URL:
        message = "no Redis server given: set LISTENING_TEST_REDIS_URL=redis://127.0.0.1:PORT/0"
        if IN_CI:
            pytest.fail(message + " (CI must test the Redis cache)")
        pytest.skip(message)
    return REDIS_URL


def test_without_redis_url_the_cache_is_local_memory(tmp_path):
    caches_setting = settings_of(production_env(tmp_path), "CACHES")["CACHES"]
    assert caches_setting["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_with_redis_url_the_cache_is_redis_and_shared_between_processes(tmp_path, redis_url):
    env = production_env(tmp_path, REDIS_URL=redis_url)
    caches_setting = settings_of(env, "CACHES")["CACHES"]
    assert caches_setting["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": redis_url,
    }
    key = f"listening-test-{uuid.uuid4().hex}"

    # Another process, with production settings, writes; this one reads through the same settings.
    code = f"from django.core.cache import cache; cache.set({key!r}, 'from another process', 60); print('ok')"
    result = manage(env, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stderr

    with override_settings(CACHES=caches_setting):
        cache = caches.create_connection("default")
        try:
            assert type(cache).__name__ == "RedisCache"
            assert cache.get(key) == "from another process"
            cache.set(key, {"cue": "generique", "start_ms": 83_000}, 60)
            assert cache.get(key) == {"cue": "generique", "start_ms": 83_000}
            # ... and the other way: what this process wrote, another one reads.
            code = f"from django.core.cache import cache; print(cache.get({key!r}))"
            result = manage(env, "shell", "--no-imports", "-c", code)
            assert result.stdout.strip().splitlines()[-1] == "{'cue': 'generique', 'start_ms': 83000}", result.stderr
            cache.delete(key)
            assert cache.get(key) is None
            assert cache.get(key, "missing") == "missing"
        finally:
            cache.delete(key)
            cache.close()
