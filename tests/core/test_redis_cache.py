"""core.redis_cache: Django's RedisCache with one redis-py client per process.

Needs a Redis (REDIS_URL, default redis://127.0.0.1:6379/0); skipped without one. The
site's own cache is configured by settings; these tests build their own cache objects
under a key prefix of their own, so they run with or without REDIS_URL.
"""

import os
import uuid

import pytest
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from core.redis_cache import RedisCache


@pytest.fixture
def redis_location():
    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis is not reachable at {url} ({error})")
    return url


def make_cache(location, backend=RedisCache):
    return backend(location, {"KEY_PREFIX": f"test-redis-cache-{uuid.uuid4().hex}"})


def test_one_client_for_every_operation(redis_location):
    cache = make_cache(redis_location)
    client = cache._cache.get_client()
    cache.set("a", 1)
    assert cache._cache.get_client() is client
    assert cache._cache.get_client(write=True) is client  # one server: reads and writes share it
    # Django's own builds one per call: the behaviour this class exists to change.
    django_cache = make_cache(redis_location, DjangoRedisCache)
    assert django_cache._cache.get_client() is not django_cache._cache.get_client()
    cache.delete("a")


def test_behaves_as_djangos_redis_cache(redis_location):
    cache = make_cache(redis_location)
    ours_then_django = make_cache(redis_location, DjangoRedisCache)
    ours_then_django.key_prefix = cache.key_prefix  # the same keys, read by both classes
    cache.set("product", {"name": "Gốm Bát Tràng", "stars": 5}, 60)
    assert ours_then_django.get("product") == {"name": "Gốm Bát Tràng", "stars": 5}
    assert cache.add("product", "other") is False
    cache.set("n", 1)
    assert cache.incr("n") == 2
    assert cache.get_many(["product", "n", "missing"]) == {"product": {"name": "Gốm Bát Tràng", "stars": 5}, "n": 2}
    cache.delete_many(["product", "n"])
    assert cache.get("product") is None
