"""A sorl-thumbnail key-value store that lives in Django's cache only.

sorl's default store reads a database row for every thumbnail the first time a process
renders it, so a page of 24 product cards would cost 24 queries on a cold cache. The
thumbnail files themselves are the source of truth: when the cache has lost a record,
sorl checks the storage, regenerates only if the file is missing, and writes the record
again. Losing the cache is therefore cheap and never wrong.
"""

from django.core.cache import InvalidCacheBackendError, cache, caches
from sorl.thumbnail.conf import settings
from sorl.thumbnail.kvstores.base import KVStoreBase


class CacheKVStore(KVStoreBase):
    @property
    def cache(self):
        try:
            return caches[settings.THUMBNAIL_CACHE]
        except InvalidCacheBackendError:
            return cache

    def _get_raw(self, key):
        return self.cache.get(key)

    def _set_raw(self, key, value):
        self.cache.set(key, value, settings.THUMBNAIL_CACHE_TIMEOUT)

    def _delete_raw(self, *keys):
        self.cache.delete_many(keys)

    def _find_keys_raw(self, prefix):
        # Django's cache API cannot list keys; only `thumbnail cleanup` needs this.
        return []
