"""The cache: Redis when REDIS_URL is set, shared by every process; each process's memory otherwise.

Against a real Redis server named by LISTENING_TEST_REDIS_URL (`.ci/run` starts one on loopback).
Outside CI the Redis tests skip without one; in CI (`CI=true`) a missing server is a failure.
"""

import os
import uuid

import pytest
import redis
from django.core.cache import caches
from django.test import RequestFactory, override_settings

from listening.site import page_cache
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
        "BACKEND": "listening.core.redis_cache.RedisCache",
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


def commands_run(server) -> dict[str, int]:
    """How many times the Redis server has run each command (INFO's own calls left out)."""
    stats = server.info("commandstats")
    return {name: stat["calls"] for name, stat in stats.items() if name != "cmdstat_info"}


def test_with_redis_a_cached_page_is_one_round_trip_and_another_process_s_change_retires_it(
    tmp_path, redis_url, client, guide, django_assert_num_queries
):
    # Keys of this test's own (a Redis server may be shared): nothing left from another test or run, such
    # as Wagtail's cached site root paths or renditions of rows since rolled back, and nothing left after.
    prefix = f"listening-test-{uuid.uuid4().hex}"
    redis_cache = {
        "default": {
            "BACKEND": "listening.core.redis_cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
        }
    }
    # The other process: production settings, with the same key prefix.
    (tmp_path / "prefixed_production.py").write_text(
        f"from listening.settings.production import *  # noqa: F403\nCACHES['default']['KEY_PREFIX'] = {prefix!r}\n"
    )
    other = production_env(
        tmp_path,
        REDIS_URL=redis_url,
        DJANGO_SETTINGS_MODULE="prefixed_production",
        PYTHONPATH=os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])),
    )
    url = guide.track.url
    server = redis.Redis.from_url(redis_url)
    try:
        with override_settings(CACHES=redis_cache, LISTENING_PAGE_CACHE=True, LISTENING_PAGE_CACHE_GENERATION="cache"):
            cache = caches["default"]
            entry_key = page_cache._key(RequestFactory().get(url))  # the test client's: same scheme and host
            assert client.get(url)["X-Page-Cache"] == "miss"
            before = commands_run(server)
            with django_assert_num_queries(0):
                hit = client.get(url)
            assert hit["X-Page-Cache"] == "hit"
            ran = {name: calls - before.get(name, 0) for name, calls in commands_run(server).items()}
            assert {name: calls for name, calls in ran.items() if calls} == {"cmdstat_mget": 1}
            generation = cache.get(page_cache.GENERATION_KEY)
            assert generation is not None and cache.get(entry_key)[0] == generation  # both kept in Redis

            # Another process changes content in a transaction (here bump_generation(), as bulk writers
            # call it; its database has no tables, which it survives): the generation in Redis is raised
            # when that transaction commits, not before.
            code = (
                "from django.core.cache import cache; from django.db import transaction\n"
                "from listening.site import page_cache\n"
                "with transaction.atomic():\n"
                "    page_cache.bump_generation()\n"
                "    during = cache.get(page_cache.GENERATION_KEY)\n"
                "print(during, cache.get(page_cache.GENERATION_KEY))"
            )
            result = manage(other, "shell", "--no-imports", "-c", code)
            assert result.returncode == 0, result.stderr
            during, after = result.stdout.strip().splitlines()[-1].split()
            assert (int(during), int(after)) == (generation, generation + 1)

            assert client.get(url)["X-Page-Cache"] == "miss"
            assert cache.get(entry_key)[0] == generation + 1
            assert client.get(url)["X-Page-Cache"] == "hit"
            cache.close()
    finally:
        for key in server.scan_iter(match=f"{prefix}:*"):
            server.delete(key)
        server.close()


def test_the_redis_cache_keeps_one_client_per_pool_and_it_serves_every_thread(redis_url):
    """Django makes a redis-py client per call; ours makes one, shared, and every thread's calls work."""
    import threading

    from listening.core.redis_cache import RedisCache

    cache = RedisCache(redis_url, {"KEY_PREFIX": f"listening-test-{uuid.uuid4().hex}"})
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client() is client is cache._cache.get_client(write=True)
    failures = []

    def work(number):
        try:
            for round_ in range(50):
                cache.set(f"k{number}", (number, round_), 30)
                assert cache.get_many([f"k{number}", "missing"]) == {f"k{number}": (number, round_)}
        except Exception as error:  # noqa: BLE001 - reported below, with the thread's number
            failures.append((number, error))

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert failures == []
        assert cache._cache.get_client() is client
    finally:
        cache.delete_many([f"k{number}" for number in range(8)])
