"""Django's RedisCache, keeping one redis-py client per process instead of one per call.

Django's RedisCacheClient.get_client() builds a new `redis.Redis` around its (kept)
connection pool for every cache operation, and each `redis.Redis()` fills a callback
table of about 170 entries: ~0.25 ms of CPU per cache read on this machine, which three
reads of a trace page add up to about the cost of a whole empty request
(docs/performance.md, "One Redis client per process"). A `redis.Redis` is safe to share
between threads (every command takes a connection from the pool), and its pool notices a
fork and opens new connections in the child, so one client per server and process is
enough.

Everything else (serialisation, pools, options, several servers) is Django's own.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
