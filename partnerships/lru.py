"""A bounded map kept in process memory, the least recently used entry out first.

For answers worked out from data that a stamp names (figures/cache.py, changes.py): an entry
is never invalidated, it is only no longer asked for once the data has a new stamp.
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class Lru:
    """A bounded map from key to value, least recently used out first; thread-safe."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()  # gunicorn's threaded workers share the process

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key, value) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
