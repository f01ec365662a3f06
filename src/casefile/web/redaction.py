"""The last gate before a reader without access: every page, export and error message the web
app sends to such a reader goes through the registry's redactor, whatever route made it.

Routes redact their case files themselves (`store.redaction.redact`, which also names a
sensitive entity "[name withheld]"); this middleware is the net under them, for what a route
shows besides the case file (the case list's subjects and titles, "what changed", file names,
search queries echoed back, a page added later). It buffers a text response, redacts it with
`Redactor.text` (the same function, so the same spellings are found) and sends it on; a
compressed body is decompressed first and compressed again.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable
from typing import Any

from casefile.store.redaction import Redactor

TEXT_TYPES = (b"text/", b"application/json", b"image/svg")


class RedactForReaders:
    """ASGI middleware: `redactor_for(scope)` gives the redactor for this request's reader, or
    None for a reader who may see every name (an editor). It must sit inside the session
    middleware, which puts the session in the scope."""

    def __init__(self, app: Any, redactor_for: Callable[[dict[str, Any]], Redactor | None]) -> None:
        self.app = app
        self.redactor_for = redactor_for
        # (redactor, digest of the body) -> the body redacted: a large case page served again to
        # readers costs a hash, not a pass over half a megabyte
        self._done: dict[tuple[frozenset[str], bytes], bytes] = {}

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith("/static/"):
            await self.app(scope, receive, send)
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def buffered(message: Any) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            await self._send(scope, start, b"".join(chunks), send)

        await self.app(scope, receive, buffered)

    async def _send(self, scope: Any, start: dict[str, Any], body: bytes, send: Any) -> None:
        headers = [(k, v) for k, v in start.get("headers", [])]
        kind = next((v for k, v in headers if k.lower() == b"content-type"), b"")
        encoding = next((v for k, v in headers if k.lower() == b"content-encoding"), b"")
        redactor = self.redactor_for(scope) if body and kind.startswith(TEXT_TYPES) else None
        if redactor:
            key = (redactor.forms, hashlib.blake2b(body, digest_size=16).digest())
            done = self._done.get(key)
            if done is None:
                done = self._redact(redactor, body, encoding.strip().lower() == b"gzip")
                self._done[key] = done
                while len(self._done) > 64:
                    self._done.pop(next(iter(self._done)))
            if done != body:
                body = done
                headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
                headers.append((b"content-length", str(len(body)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _redact(redactor: Redactor, body: bytes, packed: bool) -> bytes:
        """The body redacted (the same object when nothing was withheld)."""
        raw = gzip.decompress(body) if packed else body
        out = redactor.text(raw.decode("utf-8", errors="replace")).encode("utf-8")
        if out == raw:
            return body
        return gzip.compress(out, 1) if packed else out
