"""Guards of the web app's sign-in: attempts throttled per account and per address, password
hashing bounded, and sessions that end when their owner logs out.

Kept in the app's memory: a restart forgets them (a restart without `CASEFILE_SECRET` also
ends every session, since the cookie key is new)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

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
    """Session ids that have logged out: their signed cookies no longer sign anyone in; and
    accounts whose sessions all ended at a moment (removed, their password reset, their role
    changed): a session begun before it signs no one in."""

    def __init__(self, max_age: int) -> None:
        self.max_age = max_age
        self._ended: dict[str, float] = {}
        self._users: dict[int, float] = {}
        self._lock = threading.Lock()

    def end_user(self, uid: int) -> None:
        with self._lock:
            self._users[uid] = time.time()

    def user_ended(self, uid: int, since: object) -> bool:
        """Whether the account's sessions ended after this one began (at `since`, epoch seconds)."""
        cut = self._users.get(uid)
        return cut is not None and (not isinstance(since, int | float) or since <= cut)

    def end(self, sid: str) -> None:
        now = time.time()
        with self._lock:
            self._ended[sid] = now + self.max_age
            for old in [s for s, until in self._ended.items() if until < now]:
                del self._ended[old]

    def ended(self, sid: object) -> bool:
        return not isinstance(sid, str) or sid in self._ended


class BodyGate:
    """ASGI middleware: a request that writes (POST and the like) is refused before its body is
    read when no one is signed in (but the sign-in form itself), and any body over `max_body`
    bytes is refused with a page saying so. A body sent without its length is counted as it
    arrives and cut off at the limit. `signed_in(scope)` says whether the session signs someone
    in; the middleware sits inside the session middleware."""

    def __init__(self, app: Any, signed_in: Callable[[dict[str, Any]], bool], max_body: int,
                 open_paths: tuple[str, ...] = ("/login",)) -> None:
        self.app, self.signed_in, self.max_body, self.open_paths = app, signed_in, max_body, open_paths

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        if scope.get("path") not in self.open_paths and not self.signed_in(scope):
            await send({"type": "http.response.start", "status": 303,
                        "headers": [(b"location", b"/login"), (b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        length = next((v for k, v in scope.get("headers", []) if k == b"content-length"), None)
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _too_large(send, self.max_body)
            return
        seen = 0

        async def counted() -> Any:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                return {"type": "http.disconnect"}  # the handler stops reading: the client went away
            return message

        await self.app(scope, counted, send)


async def _too_large(send: Any, max_body: int) -> None:
    page = (f"<!doctype html><html lang=en><meta charset=utf-8><title>Too large</title>"
            f"<link rel=stylesheet href=/static/app.css><main><h1>Too large</h1><p>What was sent is over "
            f"{max_body // 2**20} MB, more than casefile takes at once. Send fewer or smaller reports "
            f"(one report may be up to 10 MB).</p><p><a href=\"/\">Back to the cases</a></p></main>").encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(page)).encode())]})
    await send({"type": "http.response.body", "body": page})
