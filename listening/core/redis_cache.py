"""Django's Redis cache, with one redis-py client per connection pool instead of one per call.

Django's RedisCacheClient makes a new `redis.Redis` for every cache call. redis-py sets up its table of
response callbacks in each new client: about 75 µs on these machines, more than half of what a cached
page's one MGET costs in all. A redis-py client is safe to share between threads (each command takes a
connection from the pool and gives it back), so one is made per pool and kept.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # {id of a connection pool: the redis-py client over it}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            # Two threads may both make one here; either serves, and the pools are the same.
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
