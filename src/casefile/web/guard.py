"""Guards of the web app's sign-in: attempts throttled per account and per address, password
hashing bounded, and sessions that end when their owner logs out.

Kept in the app's memory: a restart forgets them (a restart without `CASEFILE_SECRET` also
ends every session, since the cookie key is new)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

# a person who forgot their password tries a few times; a script tries thousands
ACCOUNT_ATTEMPTS = 5
ADDRESS_ATTEMPTS = 20
WINDOW_SECONDS = 15 * 60
# argon2 takes 64 MiB per hash: at most this many at once
CONCURRENT_HASHES = 4


class LoginThrottle:
    """Failed sign-ins per account and per client address, in a sliding window."""

    def __init__(self, clock: object = time.monotonic) -> None:
        self._clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()
        self.hashing = threading.BoundedSemaphore(CONCURRENT_HASHES)

    def _now(self) -> float:
        return self._clock()  # type: ignore[operator,no-any-return]

    def wait(self, account: str, address: str) -> int:
        """Seconds until `account` from `address` may try again (0: now)."""
        now = self._now()
        with self._lock:
            waits = []
            for key, limit in ((f"a:{account.lower()}", ACCOUNT_ATTEMPTS), (f"ip:{address}", ADDRESS_ATTEMPTS)):
                q = self._failures[key]
                while q and q[0] <= now - WINDOW_SECONDS:
                    q.popleft()
                if len(q) >= limit:
                    waits.append(int(q[0] + WINDOW_SECONDS - now) + 1)
            return max(waits, default=0)

    def failed(self, account: str, address: str) -> None:
        now = self._now()
        with self._lock:
            self._failures[f"a:{account.lower()}"].append(now)
            self._failures[f"ip:{address}"].append(now)

    def succeeded(self, account: str) -> None:
        with self._lock:
            self._failures.pop(f"a:{account.lower()}", None)


class Sessions:
    """Session ids that have logged out: their signed cookies no longer sign anyone in."""

    def __init__(self, max_age: int) -> None:
        self.max_age = max_age
        self._ended: dict[str, float] = {}
        self._lock = threading.Lock()

    def end(self, sid: str) -> None:
        now = time.time()
        with self._lock:
            self._ended[sid] = now + self.max_age
            for old in [s for s, until in self._ended.items() if until < now]:
                del self._ended[old]

    def ended(self, sid: object) -> bool:
        return not isinstance(sid, str) or sid in self._ended
